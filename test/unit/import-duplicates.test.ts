import { duplicateKeys, inFileDuplicates, websiteHost } from '../../shared/domain/import-duplicates';
import { MAX_STORED_ROW_ISSUES, emptyProgress, withOutcomes, type ImportJobRecord, type RowOutcome } from '../../shared/domain/import-job';

describe('what makes imported records the same', () => {
  it('a contact is known by each of its e-mail addresses, lower-cased', () => {
    expect(duplicateKeys('contact', { emails: [{ address: 'Ann@X.example' }, { address: 'ann@home.example' }] })).toEqual([
      { key: 'email:ann@x.example', field: 'emails.0.address', value: 'ann@x.example' },
      { key: 'email:ann@home.example', field: 'emails.1.address', value: 'ann@home.example' },
    ]);
  });

  it('an account by its folded name, its e-mail domains and its website host', () => {
    expect(duplicateKeys('account', { name: 'Société Générale', emailDomains: ['sg.example'], website: 'https://www.SG.example/fr' }).map((key) => key.key)).toEqual([
      'name:societe generale', 'domain:sg.example', 'domain:sg.example',
    ]);
  });

  it('reads a website host without www, and nothing from what is not a URL', () => {
    expect(websiteHost('http://www.contoso.com/about')).toBe('contoso.com');
    expect(websiteHost('not a url')).toBeUndefined();
  });
});

describe('duplicates inside one file', () => {
  const keys = (row: number, ...emails: string[]) => ({ row, keys: duplicateKeys('contact', { emails: emails.map((address) => ({ address })) }) });

  it('the first row with a value wins; a later row is a duplicate of it, by the field that matched', () => {
    const duplicates = inFileDuplicates([keys(1, 'a@x.example'), keys(2, 'b@x.example'), keys(3, 'c@x.example', 'A@x.example')]);
    expect([...duplicates]).toEqual([[3, { field: 'emails.1.address', value: 'a@x.example', row: 1 }]]);
  });

  it('a skipped row claims nothing: a third row sharing only its other address is imported', () => {
    const duplicates = inFileDuplicates([keys(1, 'a@x.example'), keys(2, 'b@x.example', 'a@x.example'), keys(3, 'b@x.example')]);
    expect([...duplicates.keys()]).toEqual([2]);
  });

  it('a row without keys (an invalid one) makes no later row a duplicate', () => {
    expect(inFileDuplicates([{ row: 1, keys: [] }, keys(2, 'a@x.example')]).size).toBe(0);
  });
});

describe("a job's progress after a batch of rows", () => {
  const job: Pick<ImportJobRecord, 'progress' | 'rowErrors' | 'rowErrorCount' | 'skippedRows'> = { progress: emptyProgress(4), rowErrors: [], rowErrorCount: 0, skippedRows: [] };

  it('counts each outcome and keeps the errors and skipped rows', () => {
    const outcomes: RowOutcome[] = [
      { row: 1, result: 'created' },
      { row: 2, result: 'skipped', skip: { row: 2, field: 'emails.0.address', message: 'repeats a@x of row 1', duplicateOfRow: 1 } },
      { row: 3, result: 'failed', errors: [{ row: 3, field: 'lastName', message: 'is required' }, { row: 3, field: 'emails.0.address', message: 'bad' }] },
    ];
    expect(withOutcomes(job, outcomes)).toEqual({
      progress: { total: 4, processed: 3, created: 1, skipped: 1, failed: 1 },
      rowErrors: [{ row: 3, field: 'lastName', message: 'is required' }, { row: 3, field: 'emails.0.address', message: 'bad' }],
      rowErrorCount: 2,
      skippedRows: [{ row: 2, field: 'emails.0.address', message: 'repeats a@x of row 1', duplicateOfRow: 1 }],
    });
  });

  it(`stores the first ${MAX_STORED_ROW_ISSUES} errors and counts them all`, () => {
    const failures: RowOutcome[] = Array.from({ length: 600 }, (_, index) => ({ row: index + 1, result: 'failed', errors: [{ row: index + 1, field: 'lastName', message: 'is required' }] }));
    const after = withOutcomes({ ...job, progress: emptyProgress(600) }, failures);
    expect(after.rowErrors).toHaveLength(MAX_STORED_ROW_ISSUES);
    expect(after.rowErrors[0]?.row).toBe(1);
    expect(after.rowErrorCount).toBe(600);
    expect(after.progress.failed).toBe(600);
  });
});
