/**
 * The product catalogue over HTTP: administrators maintain products and price lists, everyone
 * reads them; SKUs are unique per tenant; deals priced from the lists add up their products.
 */
import { useLocalStack } from '../support/use-local-stack';

type Product = { id: string; etag: string; sku: string; name: string; active: boolean; unitOfMeasure: string };
type PriceList = { id: string; etag: string; name: string; currency: string; isDefault: boolean };
type Line = { productId: string; sku: string; quantity: number; unitPrice: number; discountPercent: number; lineTotal: number };
type Opp = { id: string; etag: string; amount: number; currency: string; products?: Line[]; priceListId?: string };
type Problem = { code: string; detail: string; errors?: Array<{ field: string; message: string }> };
type Page<T> = { items: T[]; continuation: string | null };

const { call, tokens } = useLocalStack({ users: ['admin', 'manager', 'rep1', 'readonly', 'other-admin'] });
let accountId: string;
const products: Record<string, Product> = {};

const fields = (problem: Problem) => (problem.errors ?? []).map((issue) => issue.field);

async function addProduct(sku: string, name: string, extra: Record<string, unknown> = {}): Promise<Product> {
  const response = await call<Product>('POST', 'products', { token: tokens.admin, body: { sku, name, productLine: 'Widgets', ...extra } });
  expect(response.status).toBe(201);
  return response.body;
}

async function addPriceList(body: Record<string, unknown>): Promise<PriceList> {
  const response = await call<PriceList>('POST', 'price-lists', { token: tokens.admin, body });
  expect(response.status).toBe(201);
  return response.body;
}

beforeAll(async () => {
  accountId = (await call<{ id: string }>('POST', 'accounts', { token: tokens.rep1, body: { name: 'Catalogue Customer' } })).body.id;
  products.widget = await addProduct('WID-100', 'Blue widget');
  products.gadget = await addProduct('GAD-200', 'Gadget deluxe', { productLine: 'Gadgets', unitOfMeasure: 'box' });
  products.spare = await addProduct('SPR-300', 'Spare widget part');
  await addPriceList({ name: 'USD list', currency: 'USD', isDefault: true, entries: [{ productId: products.widget!.id, unitPrice: 19.99 }, { productId: products.gadget!.id, unitPrice: 250 }] });
  await addPriceList({ name: 'EUR list', currency: 'eur', isDefault: true, entries: [{ productId: products.widget!.id, unitPrice: 18.5 }] });
});

describe('products', () => {
  it('are maintained by administrators only, and read by everyone', async () => {
    for (const user of ['manager', 'rep1', 'readonly']) {
      expect((await call<Problem>('POST', 'products', { token: tokens[user], body: { sku: 'NOPE-1', name: 'Refused' } })).status).toBe(403);
      expect((await call('PATCH', `products/${products.widget!.id}`, { token: tokens[user], body: { name: 'x' }, headers: { 'If-Match': products.widget!.etag } })).status).toBe(403);
      const read = await call<Product>('GET', `products/${products.widget!.id}`, { token: tokens[user] });
      expect(read.body).toMatchObject({ sku: 'WID-100', name: 'Blue widget', unitOfMeasure: 'each', active: true });
    }
    expect((await call<Page<Product>>('GET', 'products?q=nope', { token: tokens.admin })).body.items).toEqual([]);
  });

  it('keep SKUs unique per tenant, ignoring case, and free the SKU of a deleted product', async () => {
    const taken = await call<Problem>('POST', 'products', { token: tokens.admin, body: { sku: 'wid-100', name: 'Impostor' } });
    expect(taken.status).toBe(409);
    expect(fields(taken.body)).toEqual(['sku']);
    expect(taken.body.detail).toContain('Blue widget');
    // Another tenant has its own SKUs.
    expect((await call('POST', 'products', { token: tokens['other-admin'], body: { sku: 'WID-100', name: 'Fabrikam widget' } })).status).toBe(201);
    const temporary = await addProduct('TMP-1', 'Temporary');
    expect((await call('DELETE', `products/${temporary.id}`, { token: tokens.admin })).status).toBe(428);
    expect((await call('DELETE', `products/${temporary.id}`, { token: tokens.admin, headers: { 'If-Match': temporary.etag } })).status).toBe(204);
    expect((await call('GET', `products/${temporary.id}`, { token: tokens.admin })).status).toBe(404);
    await addProduct('tmp-1', 'Takes the freed SKU');
  });

  it('change under If-Match, moving the SKU reservation along', async () => {
    const product = await addProduct('MOV-1', 'Moving product');
    const renamed = await call<Product>('PATCH', `products/${product.id}`, { token: tokens.admin, body: { sku: 'MOV-2', active: false }, headers: { 'If-Match': product.etag } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ sku: 'MOV-2', active: false });
    expect((await call('PATCH', `products/${product.id}`, { token: tokens.admin, body: { name: 'Stale' }, headers: { 'If-Match': product.etag } })).status).toBe(412);
    await addProduct('MOV-1', 'Takes the old SKU');
    expect((await call('POST', 'products', { token: tokens.admin, body: { sku: 'MOV-2', name: 'Clash' } })).status).toBe(409);
  });

  it('are found by keywords in name, SKU or product line, and paged by name', async () => {
    expect((await call<Page<Product>>('GET', 'products?q=gad-200', { token: tokens.rep1 })).body.items.map((item) => item.name)).toEqual(['Gadget deluxe']);
    const names = async (query: string) => (await call<Page<Product>>('GET', `products?${query}`, { token: tokens.rep1 })).body.items.map((item) => item.name);
    expect(await names('q=spare%20widget')).toEqual(['Spare widget part']);
    expect(await names('q=gadgets')).toEqual(['Gadget deluxe']);
    expect(await names('q=deluxe&productLine=Widgets')).toEqual([]);
    const first = await call<Page<Product>>('GET', 'products?limit=2&active=true', { token: tokens.rep1 });
    expect(first.body.items).toHaveLength(2);
    const second = await call<Page<Product>>('GET', `products?limit=2&active=true&continuation=${first.body.continuation}`, { token: tokens.rep1 });
    expect(second.body.items[0]?.name.localeCompare(first.body.items[1]?.name ?? '')).toBeGreaterThan(0);
    expect((await call('GET', `products?limit=2&continuation=${first.body.continuation}`, { token: tokens.rep1 })).status).toBe(400);
  });
});

describe('price lists', () => {
  it('price only products that exist, once each', async () => {
    const refused = await call<Problem>('POST', 'price-lists', {
      token: tokens.admin,
      body: { name: 'Broken', currency: 'USD', entries: [{ productId: products.widget!.id, unitPrice: 1 }, { productId: products.widget!.id, unitPrice: 2 }, { productId: '00000000-0000-4000-8000-000000000000', unitPrice: 3 }] },
    });
    expect(refused.status).toBe(400);
    expect(fields(refused.body)).toEqual(['entries.1.productId', 'entries.2.productId']);
    expect((await call('POST', 'price-lists', { token: tokens.rep1, body: { name: 'Mine', currency: 'USD' } })).status).toBe(403);
  });

  it('keep one default per currency: a new default takes the mark', async () => {
    const newer = await addPriceList({ name: 'USD list 2', currency: 'USD', isDefault: true, entries: [{ productId: products.widget!.id, unitPrice: 21 }] });
    const defaults = await call<Page<PriceList>>('GET', 'price-lists?currency=USD&isDefault=true', { token: tokens.rep1 });
    expect(defaults.body.items.map((list) => list.id)).toEqual([newer.id]);
    const deal = await call<Opp>('POST', 'opportunities', { token: tokens.rep1, body: { name: 'Priced by the new default', accountId, expectedCloseDate: '2027-01-31', products: [{ productId: products.widget!.id, quantity: 1 }] } });
    expect(deal.body.products?.[0]?.unitPrice).toBe(21);
    const handedBack = await call<PriceList>('PATCH', `price-lists/${newer.id}`, { token: tokens.admin, body: { isDefault: false }, headers: { 'If-Match': newer.etag } });
    expect(handedBack.body.isDefault).toBe(false);
    const usd = (await call<Page<PriceList>>('GET', 'price-lists?currency=USD', { token: tokens.rep1 })).body.items.find((list) => list.name === 'USD list');
    await call('PATCH', `price-lists/${usd?.id}`, { token: tokens.admin, body: { isDefault: true }, headers: { 'If-Match': usd?.etag ?? '' } });
  });
});

describe('opportunity line items', () => {
  it("price lines from the deal currency's default list, and the amount is their sum", async () => {
    const created = await call<Opp>('POST', 'opportunities', {
      token: tokens.rep1,
      body: { name: 'Widgets for Catalogue Customer', accountId, expectedCloseDate: '2027-01-31', products: [{ productId: products.widget!.id, quantity: 3 }, { productId: products.gadget!.id, quantity: 2, discountPercent: 12.5 }] },
    });
    expect(created.status).toBe(201);
    expect(created.body.products).toMatchObject([
      { productId: products.widget!.id, sku: 'WID-100', quantity: 3, unitPrice: 19.99, discountPercent: 0, lineTotal: 59.97 },
      { productId: products.gadget!.id, sku: 'GAD-200', quantity: 2, unitPrice: 250, discountPercent: 12.5, lineTotal: 437.5 },
    ]);
    expect(created.body.amount).toBe(497.47);
    const typed = await call<Problem>('PATCH', `opportunities/${created.body.id}`, { token: tokens.rep1, body: { amount: 1000 }, headers: { 'If-Match': created.body.etag } });
    expect(fields(typed.body)).toEqual(['amount']);
    const kept = created.body.products!.map(({ productId, quantity, unitPrice, discountPercent }) => ({ productId, quantity, unitPrice, discountPercent }));
    const more = await call<Opp>('PATCH', `opportunities/${created.body.id}`, { token: tokens.rep1, body: { products: [...kept, { productId: products.widget!.id, quantity: 1, unitPrice: 15 }] }, headers: { 'If-Match': created.body.etag } });
    expect(more.body.amount).toBe(512.47);
    const cleared = await call<Opp>('PATCH', `opportunities/${created.body.id}`, { token: tokens.rep1, body: { products: null, amount: 600 }, headers: { 'If-Match': more.body.etag } });
    expect(cleared.body).toMatchObject({ amount: 600 });
    expect(cleared.body).not.toHaveProperty('products');
  });

  it('take prices only from a list in the deal currency, and refuse what cannot be priced', async () => {
    const eur = (await call<Page<PriceList>>('GET', 'price-lists?currency=EUR', { token: tokens.rep1 })).body.items[0]!;
    const base = { name: 'Euro deal', accountId, expectedCloseDate: '2027-01-31' };
    const wrongList = await call<Problem>('POST', 'opportunities', { token: tokens.rep1, body: { ...base, currency: 'USD', priceListId: eur.id, products: [{ productId: products.widget!.id, quantity: 1 }] } });
    expect(fields(wrongList.body)).toEqual(['priceListId']);
    const unpriced = await call<Problem>('POST', 'opportunities', { token: tokens.rep1, body: { ...base, currency: 'EUR', products: [{ productId: products.gadget!.id, quantity: 1 }] } });
    expect(fields(unpriced.body)).toEqual(['products.0.unitPrice']);
    const noList = await call<Problem>('POST', 'opportunities', { token: tokens.rep1, body: { ...base, currency: 'GBP', products: [{ productId: products.widget!.id, quantity: 1 }] } });
    expect(noList.body.errors?.[0]?.message).toContain('no price list in GBP');
    const deal = await call<Opp>('POST', 'opportunities', { token: tokens.rep1, body: { ...base, currency: 'EUR', products: [{ productId: products.widget!.id, quantity: 4 }] } });
    expect(deal.body).toMatchObject({ amount: 74, currency: 'EUR' });
    const switched = await call<Problem>('PATCH', `opportunities/${deal.body.id}`, { token: tokens.rep1, body: { currency: 'USD' }, headers: { 'If-Match': deal.body.etag } });
    expect(fields(switched.body)).toEqual(['currency']);
    const repriced = await call<Opp>('PATCH', `opportunities/${deal.body.id}`, { token: tokens.rep1, body: { currency: 'USD', products: [{ productId: products.widget!.id, quantity: 4 }] }, headers: { 'If-Match': deal.body.etag } });
    expect(repriced.body).toMatchObject({ amount: 79.96, currency: 'USD' });
  });

  it('keep a typed amount on a deal without products, as before', async () => {
    const deal = await call<Opp>('POST', 'opportunities', { token: tokens.rep1, body: { name: 'Typed deal', accountId, amount: 1234.5, expectedCloseDate: '2027-01-31' } });
    expect(deal.body.amount).toBe(1234.5);
    expect(deal.body).not.toHaveProperty('products');
  });
});
