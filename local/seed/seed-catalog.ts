/**
 * The demo catalogue: fifteen products of a CRM vendor (licences, add-ons, services) and two
 * default price lists, USD and EUR. Created through the same use cases as the API, with
 * deterministic ids, so a second run finds everything and creates nothing.
 */
import type { ProductCreate } from '../../shared/contracts/catalog.contract';
import { createPriceList } from '../../functions/usecases/catalog/price-lists/create-price-list.usecase';
import { createProduct } from '../../functions/usecases/catalog/products/create-product.usecase';
import { seedId } from './seed-data';
import { callWithId, createOnce, type SeedContext } from './seed-support';

interface SeedProduct {
  input: ProductCreate;
  usd: number;
  eur: number;
}

const product = (sku: string, name: string, productLine: string, unitOfMeasure: string, usd: number, eur: number, description?: string): SeedProduct => ({
  input: { sku, name, productLine, unitOfMeasure, active: true, ...(description ? { description } : {}) },
  usd,
  eur,
});

export const DEMO_PRODUCTS: SeedProduct[] = [
  product('CRM-PRO-USR', 'CRM Professional licence', 'Licences', 'user/year', 420, 390, 'Outlook, Excel and Word add-ins for one user.'),
  product('CRM-ENT-USR', 'CRM Enterprise licence', 'Licences', 'user/year', 690, 640, 'Professional plus territories, forecasting and audit.'),
  product('CRM-ENT-AGR', 'Enterprise agreement', 'Licences', 'agreement/year', 240000, 222000, 'Unlimited users for one organisation.'),
  product('ADD-ANL-SEAT', 'Analytics add-on', 'Add-ons', 'seat/year', 150, 140),
  product('ADD-MERGE', 'Word mail-merge pack', 'Add-ons', 'tenant/year', 2400, 2200),
  product('ADD-API', 'API access, high volume', 'Add-ons', 'tenant/year', 6000, 5500),
  product('ADD-SSO', 'Single sign-on connector', 'Add-ons', 'tenant/year', 3600, 3300),
  product('ADD-STOR-100', 'Additional storage, 100 GB', 'Add-ons', 'block/year', 480, 440),
  product('SUP-PREM', 'Premium support', 'Support', 'year', 18000, 16600, '24/7 support with a four-hour response time.'),
  product('SUP-CSM', 'Customer success manager', 'Support', 'year', 36000, 33000),
  product('SVC-IMPL-DAY', 'Implementation services', 'Services', 'day', 1250, 1150),
  product('SVC-MIGR', 'Data migration', 'Services', 'project', 9500, 8800),
  product('SVC-TRAIN-DAY', 'Training day', 'Services', 'day', 2200, 2000),
  product('SVC-WORKSHOP', 'Onboarding workshop', 'Services', 'workshop', 3500, 3200),
  product('SVC-SANDBOX', 'Sandbox environment', 'Services', 'month', 300, 280),
];

export const productSeedId = (sku: string) => seedId(`product:${sku}`);

export async function seedCatalog(context: SeedContext): Promise<void> {
  for (const { input } of DEMO_PRODUCTS) {
    await createOnce(context.report, () => createProduct(callWithId(context, productSeedId(input.sku)), input));
  }
  const year = context.deps.now().getUTCFullYear();
  const lists = [
    { key: 'usd', name: 'Standard prices (USD)', currency: 'USD', price: (item: SeedProduct) => item.usd },
    { key: 'eur', name: 'Standard prices (EUR)', currency: 'EUR', price: (item: SeedProduct) => item.eur },
  ];
  for (const list of lists) {
    const entries = DEMO_PRODUCTS.map((item) => ({ productId: productSeedId(item.input.sku), unitPrice: list.price(item) }));
    const input = { name: list.name, currency: list.currency, validFrom: `${year - 1}-01-01`, isDefault: true, entries };
    await createOnce(context.report, () => createPriceList(callWithId(context, seedId(`price-list:${list.key}`)), input));
  }
}
