/**
 * vCard, the subset a CRM exchanges with Outlook, Apple and Google contacts: names, organisation,
 * title, every e-mail and phone with its types, postal addresses. Reads 3.0 (RFC 2426) and 4.0
 * (RFC 6350), tolerating 2.1-style bare types; writes 3.0, which every client still imports.
 * Quoted-printable and embedded photos are out of scope (their lines are skipped).
 */
import { escapeValue, foldLine, splitComponents, splitContentLine, unescapeValue, unfoldLines } from './vcard-lines';

export interface VCardName {
  family: string;
  given: string;
  additional: string;
  prefix: string;
  suffix: string;
}

export interface VCardAddress {
  street: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  types: string[];
}

export interface VCardValue {
  value: string;
  /** Lower-case TYPE values (`work`, `home`, `cell`, `pref`...). */
  types: string[];
}

export interface VCard {
  uid?: string;
  formattedName?: string;
  name?: VCardName;
  organization?: string;
  department?: string;
  title?: string;
  emails: VCardValue[];
  phones: VCardValue[];
  addresses: VCardAddress[];
}

/** Every card between BEGIN:VCARD and END:VCARD; text outside cards is ignored. */
export function parseVCards(text: string): VCard[] {
  const cards: VCard[] = [];
  let current: VCard | undefined;
  for (const line of unfoldLines(text)) {
    const property = splitContentLine(line);
    if (!property) continue;
    const value = property.value;
    if (property.name === 'BEGIN' && value.trim().toUpperCase() === 'VCARD') {
      current = { emails: [], phones: [], addresses: [] };
    } else if (property.name === 'END' && value.trim().toUpperCase() === 'VCARD') {
      if (current) cards.push(current);
      current = undefined;
    } else if (current) {
      applyProperty(current, property.name, property.types, value);
    }
  }
  // A card cut short at the end of the file still holds what it had.
  if (current) cards.push(current);
  return cards;
}

function applyProperty(card: VCard, name: string, types: string[], raw: string): void {
  switch (name) {
    case 'UID':
      card.uid = unescapeValue(raw).trim();
      return;
    case 'FN':
      card.formattedName = unescapeValue(raw).trim();
      return;
    case 'N': {
      const [family = '', given = '', additional = '', prefix = '', suffix = ''] = splitComponents(raw).map((part) => part.trim());
      card.name = { family, given, additional, prefix, suffix };
      return;
    }
    case 'ORG': {
      const [organization = '', department = ''] = splitComponents(raw);
      card.organization = organization.trim() || undefined;
      card.department = department.trim() || undefined;
      return;
    }
    case 'TITLE':
      card.title = unescapeValue(raw).trim();
      return;
    case 'EMAIL':
      pushValue(card.emails, unescapeValue(raw).replace(/^mailto:/i, ''), types);
      return;
    case 'TEL':
      pushValue(card.phones, unescapeValue(raw).replace(/^tel:/i, ''), types);
      return;
    case 'ADR': {
      // ADR components: post office box; extended address; street; locality; region; postal code; country.
      const [, extended = '', street = '', city = '', region = '', postalCode = '', country = ''] = splitComponents(raw).map((part) => part.trim());
      const streetLines = [street, extended].filter(Boolean).join('\n');
      card.addresses.push({ street: streetLines, city, region, postalCode, country, types });
      return;
    }
    default:
  }
}

function pushValue(target: VCardValue[], value: string, types: string[]): void {
  const trimmed = value.trim();
  if (trimmed) target.push({ value: trimmed, types });
}

/** vCard 3.0, CRLF line ends, lines folded at 75 octets. */
export function writeVCards(cards: VCard[]): string {
  return cards.map(writeVCard).join('');
}

function writeVCard(card: VCard): string {
  const lines: string[] = ['BEGIN:VCARD', 'VERSION:3.0'];
  if (card.uid) lines.push(`UID:${escapeValue(card.uid)}`);
  const name = card.name ?? { family: card.formattedName ?? '', given: '', additional: '', prefix: '', suffix: '' };
  lines.push(`N:${[name.family, name.given, name.additional, name.prefix, name.suffix].map(escapeValue).join(';')}`);
  // FN is required by 3.0; a card without any name falls back to its organisation or first e-mail.
  const formatted = card.formattedName || [name.given, name.family].filter(Boolean).join(' ') || card.organization || card.emails[0]?.value || '';
  lines.push(`FN:${escapeValue(formatted)}`);
  if (card.organization || card.department) lines.push(`ORG:${[card.organization ?? '', ...(card.department ? [card.department] : [])].map(escapeValue).join(';')}`);
  if (card.title) lines.push(`TITLE:${escapeValue(card.title)}`);
  for (const email of card.emails) lines.push(`EMAIL${typeParam(['internet', ...email.types])}:${escapeValue(email.value)}`);
  for (const phone of card.phones) lines.push(`TEL${typeParam(phone.types)}:${escapeValue(phone.value)}`);
  for (const address of card.addresses) {
    const components = ['', '', address.street, address.city, address.region, address.postalCode, address.country];
    lines.push(`ADR${typeParam(address.types)}:${components.map(escapeValue).join(';')}`);
  }
  lines.push('END:VCARD');
  return lines.map((line) => foldLine(line) + '\r\n').join('');
}

function typeParam(types: string[]): string {
  const unique = [...new Set(types.map((type) => type.toUpperCase()))];
  return unique.length ? `;TYPE=${unique.join(',')}` : '';
}
