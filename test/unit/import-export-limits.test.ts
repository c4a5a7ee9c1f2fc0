import { scopeOf } from '../../shared/domain/record-access';
import { exportContacts, MAX_EXPORT_ROWS } from '../../functions/usecases/exports/export-records.usecase';
import type { UseCaseCall, UseCaseDeps } from '../../functions/usecases/usecase-context';
import { AppError } from '../../shared/domain/errors';
import type { Principal } from '../../shared/domain/principal';

const principal: Principal = { tenantId: 't1', userId: 'u1', displayName: 'U', email: 'u@x.example', roles: ['sales-rep'], scopes: [] };

/** A contact store with `total` contacts, served 200 at a time, recording each page request. */
function storeOf(total: number) {
  const requests: Array<{ limit: number; continuation?: string }> = [];
  const list = async (_tenantId: string, _filter: unknown, page: { limit: number; continuation?: string }) => {
    requests.push(page);
    const from = Number(page.continuation ?? 0);
    const items = Array.from({ length: Math.max(0, Math.min(page.limit, total - from)) }, (_, n) => ({ id: String(from + n) }));
    return { items, continuation: from + page.limit < total ? String(from + page.limit) : null };
  };
  const call = { deps: { stores: { contacts: { list } } } as unknown as UseCaseDeps, principal, scope: scopeOf('u1', []) } as UseCaseCall;
  return { call, requests };
}

describe('exports page through every match, up to a cap', () => {
  it('collects all pages of a large but allowed export', async () => {
    const { call, requests } = storeOf(1_050);
    expect(await exportContacts(call, {})).toHaveLength(1_050);
    expect(requests.map((request) => request.continuation)).toEqual([undefined, '200', '400', '600', '800', '1000']);
  });

  it(`refuses more than ${MAX_EXPORT_ROWS} with a 413 naming the filters that narrow it`, async () => {
    const { call, requests } = storeOf(MAX_EXPORT_ROWS + 1);
    const error = await exportContacts(call, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', issues: [{ field: 'q' }, { field: 'accountId' }, { field: 'ownerId' }] });
    // It stops reading as soon as the cap is passed.
    expect(requests).toHaveLength(Math.ceil((MAX_EXPORT_ROWS + 1) / 200));
  });

  it('asks the access policy first: read-only may export, nobody without a role may', async () => {
    const { call } = storeOf(1);
    await expect(exportContacts({ ...call, principal: { ...principal, roles: ['read-only'] } }, {})).resolves.toHaveLength(1);
    await expect(exportContacts({ ...call, principal: { ...principal, roles: [] } }, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
