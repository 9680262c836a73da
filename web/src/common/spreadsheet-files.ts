/**
 * The spreadsheet files the imports read (the server recognises the kind from the bytes: docs/spreadsheets.md):
 * .xlsx from any producer, .xls, .ods, and CSV/TSV/"Unicode text" exports in UTF-8, UTF-16 or Windows-1258.
 */
export const SHEET_EXTENSIONS = ['.xlsx', '.xls', '.ods', '.csv', '.tsv', '.txt'] as const;

/** For `<input type="file" accept>`: the extensions and their media types. */
export const SHEET_ACCEPT = [
  ...SHEET_EXTENSIONS,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'application/vnd.oasis.opendocument.spreadsheet',
  'text/csv',
  'text/tab-separated-values',
].join(',');

export const isSheetFileName = (name: string): boolean =>
  SHEET_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));
