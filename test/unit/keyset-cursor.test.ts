import { decodeCursor, encodeCursor, filterFingerprint } from '../../functions/infra/cosmos/keyset-cursor';
import { AppError } from '../../shared/domain/errors';

describe('continuation tokens', () => {
  const fingerprint = filterFingerprint({ type: 'customer' });

  it('round-trips the last sort key for the same filters', () => {
    expect(decodeCursor(encodeCursor('acme\u0001id-1', fingerprint), fingerprint)).toBe('acme\u0001id-1');
    expect(decodeCursor(undefined, fingerprint)).toBeUndefined();
  });

  it('refuses a token issued for other filters, or garbage, naming the field', () => {
    const other = encodeCursor('acme', filterFingerprint({ type: 'partner' }));
    for (const token of [other, 'garbage', Buffer.from('{"v":2}').toString('base64url')]) {
      expect(() => decodeCursor(token, fingerprint)).toThrow(AppError);
      try {
        decodeCursor(token, fingerprint);
      } catch (error) {
        expect((error as AppError).issues[0]?.field).toBe('continuation');
      }
    }
  });
});
