/**
 * A framework as ONE worksheet (docs/frameworks.md documents every column):
 *
 *   rows 1…16   metadata, "Thuộc tính | Giá trị" (code, version, names, years, provenance, total, bands, mapping)
 *   one blank row
 *   header row  "Mã tiêu chí | Tên tiêu chí | … " (Vietnamese headers; matched by name, order free)
 *   one row per node; multi-valued cells hold one item per line, fields split by "|".
 *
 * `writeFrameworkSheet` and `readFrameworkSheet` are exact inverses on a parsed document (tested:
 * JSON → XLSX → JSON is lossless). Reading never throws on bad content: it returns the loose document and
 * the row of every node so the importer can name rows in its problems.
 */

import { readFrameworkSheet, withRows } from './framework-sheet-read.ts';
import { frameworkTemplate, writeFrameworkSheet } from './framework-sheet-write.ts';

export {
  type FrameworkSheetRead,
  frameworkSheetReader,
  type Progress,
  readFrameworkGrid,
  readFrameworkSheet,
  withRows,
} from './framework-sheet-read.ts';
export {
  FRAMEWORK_COLUMNS,
  FRAMEWORK_SHEET_NAME,
  frameworkSheetWriter,
  frameworkTemplate,
  writeFrameworkSheet,
  XLSX_CONTENT_TYPE,
} from './framework-sheet-write.ts';

export const frameworkSheet = {
  read: readFrameworkSheet,
  write: writeFrameworkSheet,
  template: frameworkTemplate,
  withRows,
};
