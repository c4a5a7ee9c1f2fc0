import { CsvSyntaxError, detectDelimiter, escapeCsvField, neutralizeFormula, parseCsv, restoreNeutralized, writeCsv } from '../../shared/domain/csv';

describe('reading CSV (RFC 4180, as Excel and Outlook write it)', () => {
  it('splits records on CRLF, LF or a lone CR, and fields on the delimiter', () => {
    expect(parseCsv('a,b\r\nc,d\ne,f\rg,h', ',')).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f'], ['g', 'h']]);
  });

  it('adds no empty record for the final line break', () => {
    expect(parseCsv('a,b\r\n', ',')).toEqual([['a', 'b']]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv('a,,c,\n', ',')).toEqual([['a', '', 'c', '']]);
  });

  it('reads delimiters, line breaks and doubled quotes inside quoted fields', () => {
    expect(parseCsv('"Dupont, Jean","says ""hi""","line 1\r\nline 2"\r\nx,y,z', ',')).toEqual([
      ['Dupont, Jean', 'says "hi"', 'line 1\r\nline 2'],
      ['x', 'y', 'z'],
    ]);
  });

  it('reads an empty quoted field as an empty string', () => {
    expect(parseCsv('"",b\n""', ',')).toEqual([['', 'b'], ['']]);
  });

  it('keeps a quote inside an unquoted field as text, as Excel does', () => {
    expect(parseCsv('5" screen,ok', ',')).toEqual([['5" screen', 'ok']]);
  });

  it('ignores the byte-order mark Excel writes before UTF-8', () => {
    expect(parseCsv('\uFEFFPrénom;Nom\nZoë;Ångström')).toEqual([['Prénom', 'Nom'], ['Zoë', 'Ångström']]);
  });

  it('refuses a quoted field that is never closed, naming its line', () => {
    expect(() => parseCsv('a,b\n"open,c\nd', ',')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b\n"open,c\nd', ',')).toThrow('line 2');
  });
});

describe('detecting the delimiter from the header line', () => {
  it('picks the semicolon of French Excel', () => {
    expect(detectDelimiter('Prénom;Nom;Courriel\nJean;Dupont;j@x.fr')).toBe(';');
  });

  it('picks tabs and commas, and ignores delimiters inside quotes', () => {
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('"Nom; prénom",Courriel')).toBe(',');
  });

  it('falls back to the comma on a single column', () => {
    expect(detectDelimiter('Name\nAcme')).toBe(',');
  });
});

describe('writing CSV', () => {
  it('ends every record with CRLF and quotes only what needs it', () => {
    expect(writeCsv([['Name', 'Note'], ['Acme, Inc.', 'said "yes"'], ['plain', 'two\nlines']])).toBe(
      'Name,Note\r\n"Acme, Inc.","said ""yes"""\r\nplain,"two\nlines"\r\n',
    );
  });

  it('quotes the chosen delimiter and edge spaces, and can start with a BOM', () => {
    expect(escapeCsvField('a;b', ';')).toBe('"a;b"');
    expect(escapeCsvField('a,b', ';')).toBe('a,b');
    expect(escapeCsvField(' padded')).toBe('" padded"');
    expect(writeCsv([['é']], { bom: true })).toBe('\uFEFFé\r\n');
  });

  it('reads back exactly what it wrote', () => {
    const rows = [['a', 'b,c', '"q"'], ['multi\r\nline', '', 'Zoë']];
    expect(parseCsv(writeCsv(rows), ',')).toEqual(rows);
  });
});

describe('spreadsheet formula injection', () => {
  it('neutralises cells starting with = + - @ with an apostrophe', () => {
    expect(['=HYPERLINK("http://x")', '+44 20 7946 0018', '-1', '@SUM(A1)', '\t=1'].map(neutralizeFormula)).toEqual([
      `'=HYPERLINK("http://x")`, "'+44 20 7946 0018", "'-1", "'@SUM(A1)", "'\t=1",
    ]);
    expect(neutralizeFormula('Acme')).toBe('Acme');
  });

  it('restores the value on import, and leaves other apostrophes alone', () => {
    expect(restoreNeutralized("'+44 20 7946 0018")).toBe('+44 20 7946 0018');
    expect(restoreNeutralized("'Tis the season")).toBe("'Tis the season");
  });
});
