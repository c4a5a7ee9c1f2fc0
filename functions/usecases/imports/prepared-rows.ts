/** Every row of a table mapped, validated and keyed for duplicates: the pure first step of a preview and of a run. */
import { duplicateKeys, inFileDuplicates, type DuplicateKey, type InFileDuplicate } from '../../../shared/domain/import-duplicates';
import type { ImportEntity, ImportMapping } from '../../../shared/domain/import-fields';
import { mapRow } from '../../../shared/domain/import-mapping';
import type { ImportTable } from '../../../shared/domain/import-table';
import { validateRow, type ValidatedRow } from './row-validation';

export interface PreparedRow {
  row: number;
  validated: ValidatedRow;
  /** What makes the row a duplicate; none for an invalid row. */
  keys: DuplicateKey[];
  /** The earlier row of the file it repeats, if any. */
  inFile?: InFileDuplicate;
}

/** `locked`: the fields the importer may not set (field-level security). */
export function prepareRows(entity: ImportEntity, mapping: ImportMapping, table: ImportTable, locked: ReadonlySet<string>): PreparedRow[] {
  const validated = table.rows.map((row) => validateRow(entity, mapRow(entity, row, mapping), locked));
  const keyed = validated.map((result) => ({ row: result.mapped.row, keys: result.valid ? duplicateKeys(entity, result.input) : [] }));
  const inFile = inFileDuplicates(keyed);
  return validated.map((result, index) => ({ row: result.mapped.row, validated: result, keys: keyed[index]?.keys ?? [], inFile: inFile.get(result.mapped.row) }));
}
