/**
 * Assignments as ONE worksheet: a header row (Vietnamese, matched by name) then one row per task. The reader
 * returns raw values with their row numbers; the import use case resolves units, criteria and targets and
 * names every problem by row. Columns are documented in docs/frameworks.md.
 */

import { readAssignmentSheet } from './assignment-sheet-read.ts';
import { assignmentTemplate, writeAssignmentSheet } from './assignment-sheet-write.ts';

export { assignmentSheetReader, readAssignmentGrid, readAssignmentSheet } from './assignment-sheet-read.ts';
export {
  ASSIGNMENT_COLUMNS,
  ASSIGNMENT_SHEET_NAME,
  type AssignmentColumnKey,
  type AssignmentRowRead,
  assignmentSheetWriter,
  assignmentTemplate,
  type RowProblem,
  writeAssignmentSheet,
} from './assignment-sheet-write.ts';

export const assignmentSheet = {
  read: readAssignmentSheet,
  write: writeAssignmentSheet,
  template: assignmentTemplate,
};
