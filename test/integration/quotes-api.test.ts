/**
 * Quotes and orders over HTTP as a rep works them: a numbered draft from the deal's products,
 * edited, sent, accepted, turned into exactly one order; revisions; and the deal's privacy.
 * Demo teams (seed): rep1 in East, rep2 in West, the manager over both.
 */
import { useLocalStack } from '../support/use-local-stack';

type Line = { productId: string; sku: string; quantity: number; unitPrice: number; discountPercent: number; lineTotal: number };
type Quote = {
  id: string; etag: string; number: string; revision: number; status: string; lines: Line[]; subtotal: number; discountAmount: number; taxAmount: number;
  total: number; validUntil: string; sentAt?: string; orderId?: string; previousRevisionId?: string; nextRevisionId?: string;
};
type Order = { id: string; etag: string; number: string; quoteId: string; status: string; lines: Line[]; total: number; currency: string };
type Problem = { code: string; detail: string; errors?: Array<{ field: string; message: string }> };
type Timeline = { items: Array<{ id: string; kind: string; title: string }> };

const { stack, call, tokens } = useLocalStack({ seed: true, users: ['rep1', 'rep2', 'manager', 'readonly', 'other-admin'] });
let accountId: string;
let deal: { id: string; amount: number };
const productIds: Record<string, string> = {};

async function productId(sku: string): Promise<string> {
  const page = await call<{ items: Array<{ id: string; sku: string }> }>('GET', `products?q=${sku}`, { token: tokens.rep1 });
  const found = page.body.items.find((item) => item.sku === sku);
  if (!found) throw new Error(`the demo catalogue has no ${sku}`);
  return found.id;
}

async function newQuote(body: Record<string, unknown> = {}, opportunityId = deal.id): Promise<Quote> {
  const response = await call<Quote>('POST', `opportunities/${opportunityId}/quotes`, { token: tokens.rep1, body });
  expect(response.status).toBe(201);
  return response.body;
}

function setStatus(quote: Pick<Quote, 'id' | 'etag'>, status: string, token = tokens.rep1, extra: Record<string, unknown> = {}) {
  return call<Quote & Problem>('POST', `quotes/${quote.id}/status`, { token, body: { status, ...extra }, headers: { 'If-Match': quote.etag } });
}

async function acceptedQuote(): Promise<Quote> {
  const sent = await setStatus(await newQuote(), 'sent');
  const accepted = await setStatus(sent.body, 'accepted');
  expect(accepted.body.status).toBe('accepted');
  return accepted.body;
}

beforeAll(async () => {
  productIds.licence = await productId('CRM-PRO-USR');
  productIds.training = await productId('SVC-TRAIN-DAY');
  accountId = (await call<{ id: string }>('POST', 'accounts', { token: tokens.rep1, body: { name: 'Quote Customer' } })).body.id;
  const created = await call<{ id: string; amount: number }>('POST', 'opportunities', {
    token: tokens.rep1,
    body: { name: 'Quote Customer — licences', accountId, expectedCloseDate: '2027-03-31', products: [{ productId: productIds.licence, quantity: 25 }, { productId: productIds.training, quantity: 2, discountPercent: 10 }] },
  });
  deal = created.body;
});

describe('quotes from a deal', () => {
  it('start as a numbered draft with the deal’s products and computed totals', async () => {
    expect(deal.amount).toBe(14460); // 25 × 420 + 2 × 2200 less 10 %
    const created = await call<Quote>('POST', `opportunities/${deal.id}/quotes`, { token: tokens.rep1, body: { discountPercent: 5, taxRate: 20 } });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/quotes/${created.body.id}`);
    expect(created.headers.get('etag')).toBe(created.body.etag);
    expect(created.body).toMatchObject({ revision: 1, status: 'draft', subtotal: 14460, discountAmount: 723, taxAmount: 2747.4, total: 16484.4 });
    expect(created.body.number).toMatch(new RegExp(`^Q-${new Date().getUTCFullYear()}-\\d{5}$`));
    expect(created.body.lines.map((line) => [line.sku, line.quantity, line.lineTotal])).toEqual([['CRM-PRO-USR', 25, 10500], ['SVC-TRAIN-DAY', 2, 3960]]);
    const next = await newQuote();
    expect(Number(next.number.slice(-5))).toBe(Number(created.body.number.slice(-5)) + 1);
    const list = await call<{ items: Quote[] }>('GET', `opportunities/${deal.id}/quotes`, { token: tokens.manager });
    expect(list.body.items.map((quote) => quote.id).slice(0, 2)).toEqual([created.body.id, next.id]);
  });

  it('edit while a draft; once sent, only a new revision changes them', async () => {
    const draft = await newQuote();
    expect((await call('PATCH', `quotes/${draft.id}`, { token: tokens.rep1, body: { taxRate: 10 } })).status).toBe(428);
    const edited = await call<Quote>('PATCH', `quotes/${draft.id}`, { token: tokens.rep1, body: { lines: [{ productId: productIds.licence, quantity: 30 }], taxRate: 10 }, headers: { 'If-Match': draft.etag } });
    expect(edited.body).toMatchObject({ subtotal: 12600, taxAmount: 1260, total: 13860 });
    const sent = await setStatus(edited.body, 'sent');
    expect(sent.status).toBe(200);
    expect(sent.body.sentAt).toBeDefined();
    const refused = await call<Problem>('PATCH', `quotes/${draft.id}`, { token: tokens.rep1, body: { taxRate: 0 }, headers: { 'If-Match': sent.body.etag } });
    expect(refused.status).toBe(409);
    expect((await setStatus(sent.body, 'sent')).status).toBe(409);
    for (const path of [`opportunities/${deal.id}/history`, `accounts/${accountId}/history`]) {
      const timeline = await call<Timeline>('GET', path, { token: tokens.rep1 });
      expect(timeline.body.items.find((entry) => entry.id === `quote-sent:${draft.id}`)).toMatchObject({ kind: 'status-change', title: `Quote ${sent.body.number} sent` });
    }
  });

  it('are revised as a draft copy with the same number, closing the old revision once', async () => {
    const sent = (await setStatus(await newQuote(), 'sent')).body;
    const revised = await call<Quote>('POST', `quotes/${sent.id}/revisions`, { token: tokens.rep1 });
    expect(revised.status).toBe(201);
    expect(revised.body).toMatchObject({ number: sent.number, revision: 2, status: 'draft', previousRevisionId: sent.id, total: sent.total });
    expect((await call<Quote>('GET', `quotes/${sent.id}`, { token: tokens.rep1 })).body).toMatchObject({ status: 'revised', nextRevisionId: revised.body.id });
    const again = await call<Problem>('POST', `quotes/${sent.id}/revisions`, { token: tokens.rep1 });
    expect(again.status).toBe(409);
    expect(again.headers.get('location')).toBe(`/api/quotes/${revised.body.id}`);
    expect((await call('POST', `quotes/${revised.body.id}/revisions`, { token: tokens.rep1 })).status).toBe(409); // a draft is edited instead
  });

  it('read as expired after their valid-until date, and can then no longer be accepted', async () => {
    const sent = (await setStatus(await newQuote(), 'sent')).body;
    const realNow = stack.services.deps.now;
    stack.services.deps.now = () => new Date(realNow().getTime() + 40 * 24 * 3600_000);
    try {
      expect((await call<Quote>('GET', `quotes/${sent.id}`, { token: tokens.rep1 })).body.status).toBe('expired');
      expect((await setStatus(sent, 'accepted')).status).toBe(409);
    } finally {
      stack.services.deps.now = realNow;
    }
  });
});

describe('orders from accepted quotes', () => {
  it('are made once, from an accepted quote only, and show on the timelines', async () => {
    const draft = await newQuote();
    expect((await call<Problem>('POST', `quotes/${draft.id}/order`, { token: tokens.rep1 })).status).toBe(409);
    const quote = await acceptedQuote();
    const created = await call<Order>('POST', `quotes/${quote.id}/order`, { token: tokens.rep1 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ quoteId: quote.id, status: 'open', total: quote.total, currency: 'USD' });
    expect(created.body.number).toMatch(/^SO-\d{4}-\d{5}$/);
    expect(created.headers.get('location')).toBe(`/api/orders/${created.body.id}`);
    const second = await call<Problem>('POST', `quotes/${quote.id}/order`, { token: tokens.rep1 });
    expect(second.status).toBe(409);
    expect(second.headers.get('location')).toBe(`/api/orders/${created.body.id}`);
    expect(second.body.detail).toContain(created.body.number);
    expect((await call<Quote>('GET', `quotes/${quote.id}`, { token: tokens.rep1 })).body.orderId).toBe(created.body.id);
    const timeline = await call<Timeline>('GET', `accounts/${accountId}/history`, { token: tokens.rep1 });
    const ids = timeline.body.items.map((entry) => entry.id);
    expect(ids).toEqual(expect.arrayContaining([`quote-accepted:${quote.id}`, `order-created:${created.body.id}`]));
  });

  it('are made exactly once when ten requests race for the same quote', async () => {
    const quote = await acceptedQuote();
    const answers = await Promise.all(Array.from({ length: 10 }, () => call<Order & Problem>('POST', `quotes/${quote.id}/order`, { token: tokens.rep1 })));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
    const winner = answers.find((answer) => answer.status === 201)!;
    for (const loser of answers.filter((answer) => answer.status === 409)) expect(loser.headers.get('location')).toBe(`/api/orders/${winner.body.id}`);
  });

  it('are fulfilled or cancelled once, under If-Match', async () => {
    const order = (await call<Order>('POST', `quotes/${(await acceptedQuote()).id}/order`, { token: tokens.rep1 })).body;
    expect((await call('POST', `orders/${order.id}/status`, { token: tokens.rep1, body: { status: 'fulfilled' } })).status).toBe(428);
    const fulfilled = await call<Order>('POST', `orders/${order.id}/status`, { token: tokens.rep1, body: { status: 'fulfilled' }, headers: { 'If-Match': order.etag } });
    expect(fulfilled.body.status).toBe('fulfilled');
    expect((await call('POST', `orders/${order.id}/status`, { token: tokens.rep1, body: { status: 'cancelled' }, headers: { 'If-Match': fulfilled.body.etag } })).status).toBe(409);
  });
});

describe('privacy', () => {
  let quote: Quote;
  let order: Order;
  beforeAll(async () => {
    quote = await acceptedQuote();
    order = (await call<Order>('POST', `quotes/${quote.id}/order`, { token: tokens.rep1 })).body;
  });

  it('hides a deal’s quotes and orders from a rep of another team (404), not from the manager', async () => {
    for (const path of [`quotes/${quote.id}`, `orders/${order.id}`, `opportunities/${deal.id}/quotes`]) {
      expect((await call('GET', path, { token: tokens.rep2 })).status).toBe(404);
      expect((await call('GET', path, { token: tokens.manager })).status).toBe(200);
    }
    expect((await call('POST', `opportunities/${deal.id}/quotes`, { token: tokens.rep2, body: {} })).status).toBe(404);
    expect((await call('POST', `quotes/${quote.id}/revisions`, { token: tokens.rep2 })).status).toBe(404);
  });

  it('lets read-only users read quotes without changing them', async () => {
    expect((await call('GET', `quotes/${quote.id}`, { token: tokens.readonly })).status).toBe(200);
    expect((await call('POST', `opportunities/${deal.id}/quotes`, { token: tokens.readonly, body: {} })).status).toBe(403);
  });

  it('shows another tenant nothing (404)', async () => {
    const other = tokens['other-admin'];
    for (const path of [`quotes/${quote.id}`, `orders/${order.id}`, `opportunities/${deal.id}/quotes`]) expect((await call('GET', path, { token: other })).status).toBe(404);
    expect((await call('POST', `quotes/${quote.id}/order`, { token: other })).status).toBe(404);
    expect((await call('POST', `opportunities/${deal.id}/quotes`, { token: other, body: {} })).status).toBe(404);
  });
});
