/**
 * About 30 leads of the demo tenant in every status. Some are people the book already knows (same
 * e-mail), some work at a known company (same domain, or a namesake with a typo), the rest are
 * new; two are converted, so every screen of the lead flow has something to show.
 */
import type { LeadCreate } from '../../shared/contracts/leads.contract';
import { LEAD_SOURCES, LEAD_TYPES } from '../../shared/domain/lead';
import { foldText } from '../../shared/domain/text-normalization';
import { convertLead } from '../../functions/usecases/leads/convert-lead.usecase';
import { createLead } from '../../functions/usecases/leads/create-lead.usecase';
import { seedId } from './seed-data';
import { callWithId, createOnce, demoUser, type SeedContext } from './seed-support';

const PRODUCT_LINES = ['CRM Cloud', 'Analytics Suite', 'Support Plus', 'Integration Services'];
const PLACES = [
  { region: 'North America', country: 'United States' },
  { region: 'EMEA', country: 'France' },
  { region: 'EMEA', country: 'Germany' },
  { region: 'North America', country: 'Canada' },
  { region: 'EMEA', country: 'United Kingdom' },
];
const NEW_COMPANIES = ['Brightpath Labs', 'Cobalt Ridge', 'Dunmore Textiles', 'Evergreen Clinics', 'Foxglove Media', 'Granite Peak Outfitters', 'Hollow Oak Bakery', 'Indigo Freight', 'Jasper Solar', 'Kingfisher Marine'];
const NEW_PEOPLE: Array<[string, string]> = [
  ['Maya', 'Lindqvist'], ['Omar', 'Farouk'], ['Greta', 'Holm'], ['Theo', 'Marchetti'], ['Priya', 'Raman'],
  ['Lucas', 'Ferreira'], ['Anika', 'Brandt'], ['Kenji', 'Mori'], ['Sara', 'Novak'], ['Ethan', 'Clarke'],
];
const STATUS_CYCLE = ['new', 'working', 'qualified', 'new', 'disqualified', 'working'] as const;
/** Fresh leads (by their index among the new companies) converted into account, contact and deal. */
const CONVERTED = [2, 6];

function slug(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, '');
}

function typo(lastName: string): string {
  return lastName.length > 4 ? `${lastName.slice(0, -2)}${lastName.slice(-1)}` : `${lastName}e`;
}

/** Sales details that vary deterministically with the lead's number. */
function details(index: number, ownerIds: string[]): Omit<LeadCreate, 'lastName' | 'emails' | 'phones'> {
  const status = STATUS_CYCLE[index % STATUS_CYCLE.length] ?? 'new';
  return {
    source: LEAD_SOURCES[index % LEAD_SOURCES.length],
    productLine: PRODUCT_LINES[index % PRODUCT_LINES.length],
    estimatedAmount: 5000 + ((index * 7919) % 20) * 2500,
    currency: index % 3 === 1 ? 'EUR' : 'USD',
    ...PLACES[index % PLACES.length],
    leadType: LEAD_TYPES[index % LEAD_TYPES.length],
    status,
    ...(status === 'disqualified' ? { disqualifiedReason: index % 2 ? 'No budget this year.' : 'Student project, not a buyer.' } : {}),
    ownerId: ownerIds[index % ownerIds.length],
    notes: index % 4 === 0 ? 'Asked for a demo and pricing for 20 seats.' : undefined,
  };
}

function demoLeads(context: SeedContext, ownerIds: string[]): LeadCreate[] {
  const known = context.contacts.filter((_, index) => index % 25 === 0).slice(0, 8);
  const sameEmail = known.map((contact): Omit<LeadCreate, 'status'> => ({
    firstName: contact.input.firstName,
    lastName: contact.input.lastName,
    company: context.accounts.find((account) => account.id === contact.input.accountId)?.input.name,
    emails: contact.input.emails.slice(0, 1),
    phones: [],
  }));
  const sameDomain = context.accounts.slice(3, 15).map((account, n): Omit<LeadCreate, 'status'> => {
    const [firstName, lastName] = NEW_PEOPLE[n % NEW_PEOPLE.length] as [string, string];
    const domain = account.input.emailDomains?.[0] ?? 'example.com';
    // Every third one is a known colleague with a typo in the name: "similar name at the same company".
    const colleague = n % 3 === 2 ? context.contacts.find((contact) => contact.input.accountId === account.id) : undefined;
    const first = colleague?.input.firstName ?? firstName;
    const last = colleague ? typo(colleague.input.lastName) : lastName;
    return { firstName: first, lastName: last, company: account.input.name, emails: [{ address: `${slug(first)}.${slug(last)}@${domain}`, label: 'work' }], phones: [] };
  });
  const fresh = NEW_COMPANIES.map((company, n): Omit<LeadCreate, 'status'> => {
    const [firstName, lastName] = NEW_PEOPLE[(n + 3) % NEW_PEOPLE.length] as [string, string];
    const email = `${slug(firstName)}@${slug(company)}.example`;
    return { firstName, lastName, company, jobTitle: 'Operations Manager', emails: [{ address: email, label: 'work' }], phones: [{ number: `+1 555 03${String(n).padStart(2, '0')}`, label: 'work' }] };
  });
  return [...sameEmail, ...sameDomain, ...fresh].map((lead, index) => ({ ...details(index, ownerIds), ...lead }));
}

async function convertOnce(context: SeedContext, leadId: string, index: number): Promise<void> {
  // Random ids for whatever the conversion writes besides the records it derives from the lead.
  const call = { ...callWithId(context, leadId), deps: context.deps };
  const lead = await context.deps.stores.leads.leads.get(context.admin.tenantId, leadId);
  if (!lead || lead.status === 'converted') return;
  const closeDate = `2027-0${(index % 6) + 1}-15`;
  await createOnce(context.report, () =>
    convertLead(call, leadId, { account: { create: {} }, contact: { create: {} }, opportunity: { create: { expectedCloseDate: closeDate } }, allowDuplicate: false }, lead.etag),
  );
}

export async function seedLeads(context: SeedContext): Promise<void> {
  const ownerIds = ['rep1', 'rep2', 'manager'].map((name) => demoUser(name).userId);
  const leads = demoLeads(context, ownerIds);
  const firstFresh = leads.length - NEW_COMPANIES.length;
  for (const [index, input] of leads.entries()) {
    // Converted ones start as qualified, as they would in real life.
    const status = CONVERTED.includes(index - firstFresh) ? 'qualified' : input.status;
    const reason = status === 'disqualified' ? { disqualifiedReason: input.disqualifiedReason } : { disqualifiedReason: undefined };
    await createOnce(context.report, () => createLead(callWithId(context, seedId(`lead:${index}`)), { ...input, status, ...reason }));
  }
  for (const n of CONVERTED) await convertOnce(context, seedId(`lead:${firstFresh + n}`), n);
}
