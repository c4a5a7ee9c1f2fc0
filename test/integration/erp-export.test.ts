/**
 * The ERP's pull of orders: pages in a stable order with a checkpoint, every order created or
 * changed once settled, in the published field names; for administrators and sales managers,
 * and never another tenant's.
 */
import { eventually } from '../support/api-client';
import { useLocalStack } from '../support/use-local-stack';

type ErpOrder = {
  orderId: string; orderNumber: string; status: string; currency: string; total: number; orderedAt: string; changedAt: string;
  customer: { accountId: string; accountName: string }; lines: Array<{ lineNumber: number; sku: string; quantity: number; unitPrice: number; lineTotal: number }>;
};
type Export = { orders: ErpOrder[]; checkpoint: string; hasMore: boolean };

const { call, tokens } = useLocalStack({ users: ['admin', 'manager', 'rep1', 'marketing', 'other-admin'] });
let accountId: string;
const orders: Array<{ id: string; etag: string; number: string }> = [];

async function orderFor(opportunityId: string): Promise<{ id: string; etag: string; number: string }> {
  let quote = (await call<{ id: string; etag: string }>('POST', `opportunities/${opportunityId}/quotes`, { token: tokens.rep1, body: { taxRate: 10 } })).body;
  for (const status of ['sent', 'accepted']) {
    quote = (await call<{ id: string; etag: string }>('POST', `quotes/${quote.id}/status`, { token: tokens.rep1, body: { status }, headers: { 'If-Match': quote.etag } })).body;
  }
  const order = await call<{ id: string; etag: string; number: string }>('POST', `quotes/${quote.id}/order`, { token: tokens.rep1 });
  expect(order.status).toBe(201);
  return order.body;
}

function exportPage(query: string, token = tokens.admin) {
  return call<Export>('GET', `erp/orders${query}`, { token });
}

/** Every page from `since` on, once the changes have settled (the feed holds back the last two seconds). */
async function drain(since: string | undefined, limit: number, expected: number): Promise<{ pages: Export[]; checkpoint: string | undefined }> {
  let pages: Export[] = [];
  let checkpoint = since;
  await eventually(async () => {
    pages = [];
    checkpoint = since;
    for (;;) {
      const page = (await exportPage(`?limit=${limit}${checkpoint ? `&since=${checkpoint}` : ''}`)).body;
      pages.push(page);
      checkpoint = page.checkpoint;
      if (!page.hasMore) break;
    }
    return pages.flatMap((page) => page.orders).length >= expected;
  });
  return { pages, checkpoint };
}

beforeAll(async () => {
  const product = (await call<{ id: string }>('POST', 'products', { token: tokens.admin, body: { sku: 'ERP-1', name: 'Exported thing', unitOfMeasure: 'box' } })).body;
  await call('POST', 'price-lists', { token: tokens.admin, body: { name: 'USD', currency: 'USD', isDefault: true, entries: [{ productId: product.id, unitPrice: 99.5 }] } });
  accountId = (await call<{ id: string }>('POST', 'accounts', { token: tokens.rep1, body: { name: 'ERP Customer Ltd' } })).body.id;
  for (let index = 0; index < 3; index += 1) {
    const deal = await call<{ id: string }>('POST', 'opportunities', {
      token: tokens.rep1,
      body: { name: `ERP deal ${index}`, accountId, expectedCloseDate: '2027-06-30', products: [{ productId: product.id, quantity: index + 1 }] },
    });
    orders.push(await orderFor(deal.body.id));
  }
});

it('hands out every order once, page by page, in a stable order with the next checkpoint', async () => {
  const { pages } = await drain(undefined, 2, 3);
  expect(pages.map((page) => [page.orders.length, page.hasMore])).toEqual([[2, true], [1, false]]);
  const exported = pages.flatMap((page) => page.orders);
  expect(exported.map((order) => order.orderId).sort()).toEqual(orders.map((order) => order.id).sort());
  const positions = exported.map((order) => `${order.changedAt}|${order.orderId}`);
  expect([...positions].sort()).toEqual(positions);
  const last = pages[pages.length - 1]!;
  const after = await exportPage(`?since=${last.checkpoint}`);
  expect(after.body).toMatchObject({ orders: [], hasMore: false });
});

it('speaks the ERP’s field names: order number, customer, lines with SKU, money, status, times', async () => {
  const { pages } = await drain(undefined, 100, 3);
  const first = pages[0]!.orders.find((order) => order.orderId === orders[1]!.id)!;
  expect(first).toMatchObject({
    orderNumber: orders[1]!.number,
    status: 'open',
    currency: 'USD',
    customer: { accountId, accountName: 'ERP Customer Ltd' },
    lines: [{ lineNumber: 1, sku: 'ERP-1', quantity: 2, unitPrice: 99.5, lineTotal: 199, unitOfMeasure: 'box', description: 'Exported thing' }],
    subtotal: 199,
    taxRate: 10,
    taxAmount: 19.9,
    total: 218.9,
    fulfilledAt: null,
  });
  expect(Date.parse(first.orderedAt)).not.toBeNaN();
});

it('hands an order out again after it changes', async () => {
  const { checkpoint } = await drain(undefined, 100, 3);
  const fulfilled = await call('POST', `orders/${orders[0]!.id}/status`, { token: tokens.rep1, body: { status: 'fulfilled' }, headers: { 'If-Match': orders[0]!.etag } });
  expect(fulfilled.status).toBe(200);
  const { pages } = await drain(checkpoint, 100, 1);
  const changed = pages.flatMap((page) => page.orders);
  expect(changed.map((order) => [order.orderId, order.status])).toEqual([[orders[0]!.id, 'fulfilled']]);
  expect(changed[0]?.orderNumber).toBe(orders[0]!.number);
});

it('is for administrators and sales managers, and shows another tenant nothing', async () => {
  expect((await exportPage('', tokens.manager)).status).toBe(200);
  for (const user of ['rep1', 'marketing']) expect((await exportPage('', tokens[user])).status).toBe(403);
  await drain(undefined, 100, 3);
  const other = await exportPage('', tokens['other-admin']);
  expect(other.body.orders).toEqual([]);
  expect((await exportPage('?since=not-a-checkpoint')).status).toBe(400);
});
