/**
 * The fields an import can fill, the column headers our exports write for them, and the header
 * spellings (English and French, Outlook's and Google's exports among them) that suggest a
 * mapping. One table serves import and export, so an exported file maps itself back.
 */
import { foldText } from './text-normalization';

export const IMPORT_ENTITIES = ['contact', 'account'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

export const CONTACT_IMPORT_FIELDS = [
  'firstName', 'lastName', 'fullName', 'jobTitle', 'department', 'company',
  'email', 'email2', 'email3', 'personalEmail', 'otherEmails',
  'phone', 'mobile', 'homePhone', 'otherPhones',
  'street', 'city', 'postalCode', 'region', 'country', 'ownerId',
] as const;
export type ContactImportField = (typeof CONTACT_IMPORT_FIELDS)[number];

export const ACCOUNT_IMPORT_FIELDS = [
  'name', 'type', 'industry', 'website', 'phone', 'email', 'emailDomains',
  'street', 'city', 'postalCode', 'region', 'country', 'ownerId',
] as const;
export type AccountImportField = (typeof ACCOUNT_IMPORT_FIELDS)[number];

export type ImportField = ContactImportField | AccountImportField;

/** Field → the column (header) it is read from; unmapped fields are absent. */
export type ImportMapping = Partial<Record<string, string>>;

export function importFieldsOf(entity: ImportEntity): readonly string[] {
  return entity === 'contact' ? CONTACT_IMPORT_FIELDS : ACCOUNT_IMPORT_FIELDS;
}

const ADDRESS_HEADERS = { street: 'Street', city: 'City', postalCode: 'Postal code', region: 'Region', country: 'Country' } as const;

/** The header our exports write for each field: the first spelling the suggestion recognises. */
export const CONTACT_HEADERS: Record<ContactImportField, string> = {
  firstName: 'First name', lastName: 'Last name', fullName: 'Full name', jobTitle: 'Job title', department: 'Department',
  company: 'Company', email: 'E-mail', email2: 'E-mail 2', email3: 'E-mail 3', personalEmail: 'Personal e-mail',
  otherEmails: 'Other e-mails', phone: 'Phone', mobile: 'Mobile', homePhone: 'Home phone', otherPhones: 'Other phones',
  ...ADDRESS_HEADERS, ownerId: 'Owner id',
};

export const ACCOUNT_HEADERS: Record<AccountImportField, string> = {
  name: 'Name', type: 'Type', industry: 'Industry', website: 'Website', phone: 'Phone', email: 'E-mail',
  emailDomains: 'E-mail domains', ...ADDRESS_HEADERS, ownerId: 'Owner id',
};

const ADDRESS_SYNONYMS = {
  street: ['street', 'address', 'street address', 'address line 1', 'business street', 'rue', 'adresse', 'adresse postale', 'rue bureau', 'billing street'],
  city: ['city', 'town', 'business city', 'ville', 'ville bureau', 'localite', 'billing city'],
  postalCode: ['postal code', 'postcode', 'zip', 'zip code', 'business postal code', 'code postal', 'cp', 'code postal bureau', 'billing postal code'],
  region: ['region', 'state', 'province', 'county', 'business state', 'state province', 'etat', 'etat province bureau', 'billing state'],
  country: ['country', 'country region', 'business country region', 'pays', 'pays region', 'pays region bureau', 'billing country'],
};

/** Header spellings per field, compared folded and without punctuation ("E-Mail Address" is "emailaddress"). */
const CONTACT_SYNONYMS: Record<ContactImportField, string[]> = {
  firstName: ['first name', 'given name', 'forename', 'prenom'],
  lastName: ['last name', 'surname', 'family name', 'nom', 'nom de famille'],
  fullName: ['full name', 'name', 'display name', 'contact', 'contact name', 'nom complet', 'nom et prenom', 'prenom et nom'],
  jobTitle: ['job title', 'title', 'position', 'role', 'fonction', 'poste', 'titre'],
  department: ['department', 'dept', 'service', 'departement'],
  company: ['company', 'company name', 'organization', 'organisation', 'organization name', 'account', 'account name', 'employer', 'societe', 'entreprise', 'raison sociale'],
  email: ['e-mail', 'email address', 'e-mail address', 'mail', 'courriel', 'adresse e-mail', 'adresse de messagerie', 'adresse electronique', 'email 1', 'e-mail 1 value', 'work email', 'business email', 'courriel professionnel'],
  email2: ['e-mail 2', 'e-mail 2 address', 'courriel 2', 'adresse de messagerie 2', 'e-mail 2 value'],
  email3: ['e-mail 3', 'e-mail 3 address', 'courriel 3', 'adresse de messagerie 3', 'e-mail 3 value'],
  personalEmail: ['personal e-mail', 'home e-mail', 'private e-mail', 'courriel personnel', 'e-mail personnel'],
  otherEmails: ['other e-mails', 'other e-mail', 'autres courriels', 'autres e-mails'],
  phone: ['phone', 'telephone', 'tel', 'phone number', 'work phone', 'business phone', 'office phone', 'telephone bureau', 'telephone professionnel', 'tel bureau', 'phone 1 value'],
  mobile: ['mobile', 'mobile phone', 'cell', 'cell phone', 'cellphone', 'portable', 'telephone mobile', 'tel mobile', 'telephone portable', 'gsm'],
  homePhone: ['home phone', 'telephone domicile', 'tel domicile', 'telephone personnel'],
  otherPhones: ['other phones', 'other phone', 'autres telephones', 'autre telephone'],
  ...ADDRESS_SYNONYMS,
  ownerId: ['owner id', 'owner', 'proprietaire'],
};

const ACCOUNT_SYNONYMS: Record<AccountImportField, string[]> = {
  name: ['name', 'account', 'account name', 'company', 'company name', 'organization', 'organisation', 'societe', 'nom', 'entreprise', 'raison sociale', 'nom de la societe', 'compte'],
  type: ['type', 'account type', 'category', 'categorie', 'type de compte', 'relationship', 'relation'],
  industry: ['industry', 'sector', 'secteur', 'secteur d activite', 'industrie'],
  website: ['website', 'web site', 'web', 'url', 'site', 'site web', 'site internet', 'homepage', 'web page'],
  phone: ['phone', 'telephone', 'tel', 'main phone', 'business phone', 'standard', 'phone number'],
  email: ['e-mail', 'email address', 'e-mail address', 'courriel', 'mail', 'adresse e-mail', 'adresse electronique'],
  emailDomains: ['e-mail domains', 'domains', 'domain', 'domaine', 'domaines', 'e-mail domain', 'domaines de messagerie'],
  ...ADDRESS_SYNONYMS,
  ownerId: ['owner id', 'owner', 'proprietaire'],
};

/** "E-Mail Address (Work)" and "email address work" compare equal. */
export function headerKey(header: string): string {
  return foldText(header).replace(/[^a-z0-9]/g, '');
}

function synonymIndex(headers: Record<string, string>, synonyms: Record<string, string[]>): Map<string, string> {
  const index = new Map<string, string>();
  for (const [field, spellings] of Object.entries(synonyms)) {
    for (const spelling of [headers[field] ?? '', ...spellings]) {
      const key = headerKey(spelling);
      if (key && !index.has(key)) index.set(key, field);
    }
  }
  return index;
}

const CONTACT_INDEX = synonymIndex(CONTACT_HEADERS, CONTACT_SYNONYMS);
const ACCOUNT_INDEX = synonymIndex(ACCOUNT_HEADERS, ACCOUNT_SYNONYMS);

/**
 * Never suggested, only mapped on purpose: an owner id from another CRM or tenant means nothing
 * here, and giving records to someone else is a manager's decision.
 */
const MAPPED_ON_PURPOSE = new Set(['ownerId']);

/**
 * A mapping from the file's headers: each recognised header fills its field; the first column
 * wins when two spell the same field, and a column fills one field at most.
 */
export function suggestMapping(entity: ImportEntity, columns: readonly string[]): ImportMapping {
  const index = entity === 'contact' ? CONTACT_INDEX : ACCOUNT_INDEX;
  const mapping: ImportMapping = {};
  for (const column of columns) {
    const field = index.get(headerKey(column));
    if (field && !MAPPED_ON_PURPOSE.has(field) && mapping[field] === undefined) mapping[field] = column;
  }
  return mapping;
}

/** What a mapping must name before rows can become records. */
export function missingRequiredFields(entity: ImportEntity, mapping: ImportMapping): string[] {
  if (entity === 'account') return mapping.name ? [] : ['name'];
  return mapping.lastName || mapping.fullName ? [] : ['lastName'];
}
