import type { Message } from '#domain/errors.ts';

/**
 * One cell as every import sees it, whatever wrote the file: text (NFC), a number, a boolean, a date, blank
 * (`null`), or a formula whose result the file does not hold (`{ formula }`) — reported by the importer,
 * never read as blank.
 */
export type SheetCell = string | number | boolean | Date | null | { formula: string };

/** One worksheet as a grid: `rows[r - 1][c - 1]` is the cell at sheet row r, column c (1-based, as shown). */
export interface SheetGrid {
  name: string;
  rows: SheetCell[][];
}

/** Why a file is not a workbook at all (each has its one-sentence message). */
export type SpreadsheetFailure = 'not_a_spreadsheet' | 'encrypted' | 'empty';

export type SpreadsheetRead =
  | { ok: true; format: 'xlsx' | 'xls' | 'ods' | 'csv'; sheets: SheetGrid[] }
  | { ok: false; reason: SpreadsheetFailure; message: Message };

/** Reads .xlsx (any producer), .xls, .ods, .csv/.tsv (encoding and delimiter detected) into grids. */
export interface SpreadsheetReader {
  read(bytes: Uint8Array): Promise<SpreadsheetRead>;
}
