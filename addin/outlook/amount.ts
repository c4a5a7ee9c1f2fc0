/**
 * Amounts as people type them: "50,000", "50 000", "1.234,50", "12.5". The last separator
 * followed by one or two digits is the decimal one; other separators group thousands.
 * Returns null for anything that is not an amount (the form then refuses to save).
 */
export function parseAmount(text: string): number | null {
  const compact = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (compact === '') return 0;
  if (!/^-?[\d.,]+$/.test(compact)) return null;
  const lastSeparator = Math.max(compact.lastIndexOf(','), compact.lastIndexOf('.'));
  const decimals = lastSeparator >= 0 ? compact.length - lastSeparator - 1 : 0;
  const decimal = lastSeparator >= 0 && decimals > 0 && decimals <= 2;
  const integer = decimal ? compact.slice(0, lastSeparator) : compact;
  // Separators in the integer part group thousands: each group after the first has three digits.
  const groups = integer.replace(/^-/, '').split(/[.,]/);
  if (groups[0] === '' || groups.slice(1).some((group) => group.length !== 3)) return null;
  const normalised = `${integer.replace(/[.,]/g, '')}${decimal ? `.${compact.slice(lastSeparator + 1)}` : ''}`;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}
