/**
 * The demo tenant's book, generated from a fixed seed so every machine gets the same data and
 * the same ids: about 50 accounts and 200 contacts, some people with several addresses.
 */
import { createHash } from 'node:crypto';
import type { AccountCreate } from '../../shared/contracts/accounts.contract';
import type { ContactCreate } from '../../shared/contracts/contacts.contract';

/** Deterministic UUID (v4 layout) from a name, so a re-run recognises what it already wrote. */
export function seedId(name: string): string {
  const hex = createHash('sha256').update(`office-crm-seed:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 17), 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Small fast PRNG (mulberry32): the same sequence on every machine. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMPANY_STEMS = [
  'Northwind', 'Tailspin', 'Wingtip', 'Litware', 'Proseware', 'Coho', 'Alpine', 'Blue Yonder', 'Fourth Coffee', 'Humongous',
  'Lucerne', 'Relecloud', 'Southridge', 'Trey', 'Wide World', 'Woodgrove', 'VanArsdel', 'Bellows', 'Consolidated', 'Adatum',
  'Margie', 'Munson', 'Nod', 'Lamna', 'Fincher', 'Bluebell', 'Cedarline', 'Harbor Point', 'Ironbridge', 'Juniper',
  'Kestrel', 'Larkspur', 'Meridian', 'Northgate', 'Oakmont', 'Pinecrest', 'Quarry Hill', 'Redwood', 'Silverlake', 'Timberline',
  'Upland', 'Valemont', 'Westbrook', 'Yellowfield', 'Zephyr', 'Ashford', 'Brightwater', 'Clearview', 'Driftwood', 'Elmstead',
];
const COMPANY_SUFFIXES = ['Traders', 'Industries', 'Systems', 'Logistics', 'Health', 'Energy', 'Foods', 'Bank', 'Analytics', 'Manufacturing'];
const INDUSTRIES = ['Manufacturing', 'Retail', 'Financial services', 'Healthcare', 'Energy', 'Logistics', 'Software', 'Food and beverage', 'Public sector', 'Education'];
const CITIES = [
  { city: 'Seattle', region: 'WA', country: 'United States', postalCode: '98101' },
  { city: 'Boston', region: 'MA', country: 'United States', postalCode: '02110' },
  { city: 'Chicago', region: 'IL', country: 'United States', postalCode: '60601' },
  { city: 'Toronto', region: 'ON', country: 'Canada', postalCode: 'M5H 2N2' },
  { city: 'London', region: 'England', country: 'United Kingdom', postalCode: 'EC2V 7HH' },
  { city: 'Paris', region: 'Île-de-France', country: 'France', postalCode: '75002' },
  { city: 'Lyon', region: 'Auvergne-Rhône-Alpes', country: 'France', postalCode: '69002' },
  { city: 'Munich', region: 'Bavaria', country: 'Germany', postalCode: '80331' },
  { city: 'Amsterdam', region: 'North Holland', country: 'Netherlands', postalCode: '1012 AB' },
  { city: 'Stockholm', region: 'Stockholm', country: 'Sweden', postalCode: '111 52' },
];
const FIRST_NAMES = [
  'Olivia', 'Liam', 'Amara', 'Noah', 'Sofia', 'Mateo', 'Chloé', 'Hugo', 'Ingrid', 'Kofi', 'Mei', 'Arjun', 'Léa', 'Jonas', 'Fatima',
  'Diego', 'Hannah', 'Ravi', 'Zoë', 'Samuel', 'Aiko', 'Elena', 'Marcus', 'Nora', 'Tariq', 'Clara', 'Felix', 'Yara', 'Oscar', 'Ines',
];
const LAST_NAMES = [
  'Andersen', 'Baptiste', 'Chen', 'Dubois', 'Eriksson', 'Fischer', 'García', 'Haddad', 'Ito', 'Jensen', 'Kowalski', 'Laurent', 'Müller',
  'Nakamura', 'Okafor', 'Patel', 'Quinn', 'Rossi', 'Schmidt', 'Takahashi', 'Umar', 'Varga', 'Walsh', 'Xu', 'Young', 'Zhang', 'Moreau', "O'Brien",
];
const TITLES = ['Chief Executive Officer', 'VP Sales', 'Head of Procurement', 'IT Director', 'Operations Manager', 'Buyer', 'CFO', 'Project Lead'];
const TYPES: Array<AccountCreate['type']> = ['customer', 'customer', 'prospect', 'prospect', 'prospect', 'partner', 'competitor'];

export interface SeedAccount {
  id: string;
  input: AccountCreate;
}
export interface SeedContact {
  id: string;
  input: ContactCreate;
}

function slug(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
}

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)] as T;
}

export function demoAccounts(ownerIds: string[], count = 50): SeedAccount[] {
  const next = random(20261128);
  return COMPANY_STEMS.slice(0, count).map((stem, index) => {
    const name = `${stem} ${COMPANY_SUFFIXES[index % COMPANY_SUFFIXES.length]}`;
    const domain = `${slug(stem)}.example`;
    const place = pick(CITIES, next);
    const input: AccountCreate = {
      name,
      type: pick(TYPES, next),
      industry: pick(INDUSTRIES, next),
      website: `https://www.${domain}`,
      phone: `+1 555 01${String(10 + index).padStart(2, '0')}`,
      email: `info@${domain}`,
      emailDomains: [domain],
      address: { street: `${10 + Math.floor(next() * 890)} ${pick(['Main', 'Harbor', 'Market', 'Station', 'Park'], next)} Street`, ...place },
      ownerId: ownerIds[index % ownerIds.length],
    };
    return { id: seedId(`account:${index}`), input };
  });
}

export function demoContacts(accounts: SeedAccount[], ownerIds: string[], perAccount = 4): SeedContact[] {
  const next = random(42);
  const contacts: SeedContact[] = [];
  accounts.forEach((account, accountIndex) => {
    const domain = account.input.emailDomains?.[0] ?? 'example.com';
    for (let n = 0; n < perAccount; n += 1) {
      const index = accountIndex * perAccount + n;
      const firstName = FIRST_NAMES[(index * 7 + n) % FIRST_NAMES.length] as string;
      const lastName = LAST_NAMES[(index * 11 + accountIndex) % LAST_NAMES.length] as string;
      const work = `${slug(firstName)}.${slug(lastName)}@${domain}`;
      const emails: ContactCreate['emails'] = [{ address: work, label: 'work' }];
      // One in four also writes from a personal address, one in ten from a second work alias.
      if (index % 4 === 1) emails.push({ address: `${slug(firstName)}${slug(lastName)}${index}@mail.example`, label: 'personal' });
      if (index % 10 === 3) emails.push({ address: `${slug(firstName)[0]}${slug(lastName)}@${domain}`, label: 'other' });
      contacts.push({
        id: seedId(`contact:${index}`),
        input: {
          firstName,
          lastName,
          jobTitle: pick(TITLES, next),
          accountId: account.id,
          emails,
          phones: [{ number: `+1 555 02${String(index % 100).padStart(2, '0')}`, label: n % 2 ? 'mobile' : 'work' }],
          ownerId: ownerIds[accountIndex % ownerIds.length],
        },
      });
    }
  });
  return contacts;
}
