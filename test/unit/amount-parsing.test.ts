/** Amounts typed in the Outlook pane's "new opportunity" form, in English and French habits. */
import { parseAmount } from '../../addin/outlook/amount';

test.each([
  ['50,000', 50000],
  ['50 000', 50000],
  ['50\u202f000', 50000],
  ['1.234,50', 1234.5],
  ['1,234.50', 1234.5],
  ['12.5', 12.5],
  ['12,5', 12.5],
  ['1 000 000', 1000000],
  ['', 0],
  ['750', 750],
])('"%s" is %d', (text, value) => {
  expect(parseAmount(text)).toBe(value);
});

test.each(['abc', '12,34,5', '1.2.3', '5k', '--3', '1,2345'])('"%s" is not an amount', (text) => {
  expect(parseAmount(text)).toBeNull();
});
