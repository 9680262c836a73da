/**
 * The file an admin drops for import, checked in the browser before anything is sent: which import it is by
 * its name (a spreadsheet the server reads, or the JSON document) and whether it is small enough; a JSON
 * file's document and code mapping (shown even before the server answers; useImport reads the bytes). Also
 * the problems of a commit refused with 400, in the preview's shape.
 */
import { isSheetFileName } from '../../../common/spreadsheet-files.ts';
import { type ImportProblem, issueRow, type MappingEntry } from './model.ts';

export type ImportSource = { format: 'xlsx'; fileBase64: string } | { format: 'json'; document: unknown };

export interface ChosenFile {
  name: string;
  size: number;
  source: ImportSource;
  /** A JSON file's mapping, read in the browser (the preview returns it as well). */
  mapping?: { fromVersion: number; entries: MappingEntry[] };
}

/** Which import the file is, or why it is refused before anything is read or sent (over `maxBytes`). */
export function checkImportFile(
  file: { name: string; size: number },
  maxBytes: number,
): { format: ImportSource['format'] } | { refused: 'wrongType' | 'tooLarge' } {
  const lower = file.name.toLowerCase();
  const format = isSheetFileName(lower) ? 'xlsx' : lower.endsWith('.json') ? 'json' : undefined;
  if (!format) return { refused: 'wrongType' };
  if (file.size > maxBytes) return { refused: 'tooLarge' };
  return { format };
}

/** A JSON document's `mapping`, if it is well formed enough to show (entries without `to` get `[]`). */
export function readMapping(doc: unknown): ChosenFile['mapping'] {
  const m = (doc as { mapping?: { fromVersion?: unknown; entries?: unknown } } | undefined)?.mapping;
  if (!m || typeof m.fromVersion !== 'number' || !Array.isArray(m.entries)) return undefined;
  const entries = m.entries.filter(
    (e): e is MappingEntry =>
      !!e && typeof e === 'object' && typeof e.kind === 'string' && Array.isArray(e.from),
  );
  return { fromVersion: m.fromVersion, entries: entries.map((e) => ({ ...e, to: e.to ?? [] })) };
}

/** A JSON file as sent: its parsed document, and its mapping; throws when the text does not parse. */
export function jsonFile(file: { name: string; size: number }, text: string): ChosenFile {
  const document = JSON.parse(text) as unknown;
  return {
    name: file.name,
    size: file.size,
    source: { format: 'json', document },
    mapping: readMapping(document),
  };
}

/** Problems of a commit refused with 400 (field `file.rows.12`, message "Dòng 12: …"). */
export function problemsFromIssues(issues: readonly { field: string; message: ImportProblem['message'] }[]) {
  return issues.map(
    (i): ImportProblem => ({ kind: 'invalid', field: i.field, row: issueRow(i.field), message: i.message }),
  );
}
