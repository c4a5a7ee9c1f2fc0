import { parseVCards, writeVCards, type VCard } from '../../shared/domain/vcard';
import { foldLine, unfoldLines } from '../../shared/domain/vcard-lines';

const CARD_30 = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'N:Dupont;Jean;Marie;M.;',
  'FN:Jean Dupont',
  'ORG:Société Générale\\, SA;Ventes',
  'TITLE:Directeur commercial',
  'EMAIL;TYPE=INTERNET,WORK,PREF:jean.dupont@sg.example',
  'EMAIL;TYPE=INTERNET;TYPE=HOME:jean@maison.example',
  'TEL;TYPE=WORK,VOICE:+33 1 23 45 67 89',
  'TEL;TYPE=CELL:+33 6 12 34 56 78',
  'ADR;TYPE=WORK:;;29 bd Haussmann;Paris;;75009;France',
  'NOTE:ignored',
  'END:VCARD',
].join('\r\n');

describe('reading vCards', () => {
  it('reads names, organisation and department, title, every e-mail and phone with its types, the address', () => {
    const [card] = parseVCards(CARD_30);
    expect(card).toEqual({
      name: { family: 'Dupont', given: 'Jean', additional: 'Marie', prefix: 'M.', suffix: '' },
      formattedName: 'Jean Dupont',
      organization: 'Société Générale, SA',
      department: 'Ventes',
      title: 'Directeur commercial',
      emails: [
        { value: 'jean.dupont@sg.example', types: ['internet', 'work', 'pref'] },
        { value: 'jean@maison.example', types: ['internet', 'home'] },
      ],
      phones: [
        { value: '+33 1 23 45 67 89', types: ['work', 'voice'] },
        { value: '+33 6 12 34 56 78', types: ['cell'] },
      ],
      addresses: [{ street: '29 bd Haussmann', city: 'Paris', region: '', postalCode: '75009', country: 'France', types: ['work'] }],
    });
  });

  it('unfolds long lines (a line break followed by a space or tab continues the line)', () => {
    const [card] = parseVCards('BEGIN:VCARD\r\nFN:Jean-Baptiste \r\n de La\r\n\tFontaine\r\nEND:VCARD\r\n');
    expect(card?.formattedName).toBe('Jean-Baptiste de LaFontaine');
  });

  it('unescapes commas, semicolons, backslashes and line breaks', () => {
    const [card] = parseVCards('BEGIN:VCARD\nN:O\\;Neil;Ann\nTITLE:R&D\\, Lab\\nBuilding 2 \\\\ 3\nEND:VCARD');
    expect(card?.name?.family).toBe('O;Neil');
    expect(card?.title).toBe('R&D, Lab\nBuilding 2 \\ 3');
  });

  it('reads vCard 4.0: lower-case and quoted TYPE lists, PREF, tel: URIs, grouped properties', () => {
    const text = [
      'BEGIN:VCARD', 'VERSION:4.0', 'FN:Ann Lee', 'N:Lee;Ann;;;',
      'item1.EMAIL;TYPE="work,internet";PREF=1:ann@lee.example',
      'TEL;VALUE=uri;TYPE="cell,voice":tel:+1-555-0100',
      'END:VCARD',
    ].join('\n');
    const [card] = parseVCards(text);
    expect(card?.emails).toEqual([{ value: 'ann@lee.example', types: ['work', 'internet', 'pref'] }]);
    expect(card?.phones).toEqual([{ value: '+1-555-0100', types: ['cell', 'voice'] }]);
  });

  it('tolerates vCard 2.1 bare types', () => {
    const [card] = parseVCards('BEGIN:VCARD\nVERSION:2.1\nN:Smith;Bob\nTEL;CELL;VOICE:555 0101\nEND:VCARD');
    expect(card?.phones).toEqual([{ value: '555 0101', types: ['cell', 'voice'] }]);
  });

  it('reads several cards and ignores text between them', () => {
    const text = `junk\n${CARD_30}\r\nmore junk\r\nBEGIN:VCARD\r\nN:Two;\r\nEND:VCARD\r\n`;
    expect(parseVCards(text).map((card) => card.name?.family)).toEqual(['Dupont', 'Two']);
  });
});

describe('writing vCard 3.0', () => {
  const card: VCard = {
    uid: 'c-1',
    name: { family: 'Dupont', given: 'Jean', additional: '', prefix: '', suffix: '' },
    formattedName: 'Jean Dupont',
    organization: 'Acme; Sons, Ltd',
    department: 'Sales',
    title: 'VP',
    emails: [{ value: 'jean@acme.example', types: ['work', 'pref'] }],
    phones: [{ value: '+44 20 7946 0018', types: ['work', 'voice'] }, { value: '07700 900123', types: ['cell'] }],
    addresses: [{ street: '1 Main St', city: 'London', region: '', postalCode: 'N1', country: 'UK', types: ['work'] }],
  };

  it('writes CRLF lines with N, FN, ORG, TITLE, EMAIL and TEL with TYPE, ADR, escaping structured values', () => {
    expect(writeVCards([card])).toBe(
      [
        'BEGIN:VCARD', 'VERSION:3.0', 'UID:c-1', 'N:Dupont;Jean;;;', 'FN:Jean Dupont', 'ORG:Acme\\; Sons\\, Ltd;Sales', 'TITLE:VP',
        'EMAIL;TYPE=INTERNET,WORK,PREF:jean@acme.example', 'TEL;TYPE=WORK,VOICE:+44 20 7946 0018', 'TEL;TYPE=CELL:07700 900123',
        'ADR;TYPE=WORK:;;1 Main St;London;;N1;UK', 'END:VCARD', '',
      ].join('\r\n'),
    );
  });

  it('reads back what it wrote', () => {
    const [back] = parseVCards(writeVCards([card]));
    expect(back).toMatchObject({ uid: 'c-1', name: card.name, organization: 'Acme; Sons, Ltd', department: 'Sales', title: 'VP' });
    expect(back?.phones.map((phone) => phone.value)).toEqual(['+44 20 7946 0018', '07700 900123']);
  });

  it('folds lines at 75 octets without splitting a UTF-8 character', () => {
    const line = `FN:${'é'.repeat(60)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(1);
    for (const part of physical) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(unfoldLines(folded)).toEqual([line]);
  });
});
