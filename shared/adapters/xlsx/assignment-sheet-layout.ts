/** The assignment sheet's name and columns (docs/frameworks.md), and what reading it returns. */
export const ASSIGNMENT_SHEET_NAME = 'Nhiệm vụ';

export const ASSIGNMENT_COLUMNS = [
  {
    key: 'assignmentId',
    header: 'Mã nhiệm vụ',
    width: 16,
    note: 'Duy nhất trong kỳ và đơn vị (vd. KH-2023-01)',
    required: true,
  },
  {
    key: 'unit',
    header: 'Phòng/đơn vị thực hiện',
    width: 32,
    note: 'Tên phòng hoặc mã phòng',
    required: true,
  },
  {
    key: 'criteria',
    header: 'Tiêu chí',
    width: 28,
    note: 'Mã tiêu chí, cách nhau bởi dấu phẩy hoặc xuống dòng; tiêu chí của bộ khác: mã-bộ:mã (vd. papi:3.2)',
    required: true,
  },
  { key: 'title', header: 'Tên nhiệm vụ', width: 50, note: '', required: true },
  { key: 'description', header: 'Nội dung chi tiết', width: 70, note: 'Nguyên văn kế hoạch' },
  { key: 'dueDate', header: 'Hạn hoàn thành', width: 14, note: 'dd/mm/yyyy', required: true },
  { key: 'target', header: 'Chỉ tiêu', width: 14, note: 'vd. > 85 %, ≥ 90 %, trên 85%' },
  { key: 'source', header: 'Nguồn', width: 30, note: 'Văn bản, mục giao nhiệm vụ' },
] as const;
export type AssignmentColumnKey = (typeof ASSIGNMENT_COLUMNS)[number]['key'];

export interface AssignmentRowRead {
  row: number;
  values: Partial<Record<AssignmentColumnKey, string>>;
}

export interface RowProblem {
  row?: number;
  field: string;
  message: { vi: string; en: string };
}
