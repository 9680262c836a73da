/**
 * The layout of the framework sheet: the metadata rows ("Thuộc tính | Giá trị") and the node columns, each
 * with how it is written and read (docs/frameworks.md documents every column).
 */

import type { FrameworkDocument } from '#domain/framework.ts';
import type { Cell } from './cells.ts';
import { cellLines, cellNumber, cellText, splitFields, splitList } from './cells.ts';

/** The sheet's name; an import reads the sheet of this name, else the first holding the header row. */
export const FRAMEWORK_SHEET_NAME = 'Bộ tiêu chí';

type Doc = FrameworkDocument;
export type Loose = Record<string, unknown>;

interface MetaField {
  key: string;
  label: string;
  note: string;
  write: (d: Doc) => string | number | undefined;
  read: (v: Cell, doc: Loose, fail: (vi: string, en: string) => void) => void;
}

const num = (v: Cell, fail: (vi: string, en: string) => void): number | undefined => {
  const n = cellNumber(v);
  if (n !== undefined && Number.isNaN(n)) {
    fail(`"${cellText(v)}" không phải là số.`, `"${cellText(v)}" is not a number.`);
    return undefined;
  }
  return n;
};
export const opt = (s: string): string | undefined => (s === '' ? undefined : s);
const setPath = (doc: Loose, path: string[], value: unknown) => {
  if (value === undefined) return;
  let o = doc;
  for (const p of path.slice(0, -1)) {
    o[p] ??= {};
    o = o[p] as Loose;
  }
  o[path.at(-1)!] = value;
};

export const META: MetaField[] = [
  {
    key: 'frameworkId',
    label: 'Mã bộ tiêu chí',
    note: 'Chữ thường, số, gạch ngang; giữ nguyên qua các phiên bản (vd. par-so-mau)',
    write: (d) => d.frameworkId,
    read: (v, d) => setPath(d, ['frameworkId'], opt(cellText(v))),
  },
  {
    key: 'version',
    label: 'Phiên bản',
    note: 'Số nguyên từ 1; để trống = phiên bản kế tiếp',
    write: (d) => d.version,
    read: (v, d, fail) => setPath(d, ['version'], num(v, fail)),
  },
  {
    key: 'name',
    label: 'Tên bộ tiêu chí',
    note: '',
    write: (d) => d.name.vi,
    read: (v, d) => setPath(d, ['name', 'vi'], cellText(v)),
  },
  {
    key: 'name',
    label: 'Tên bộ tiêu chí (tiếng Anh)',
    note: '',
    write: (d) => d.name.en,
    read: (v, d) => setPath(d, ['name', 'en'], cellText(v)),
  },
  {
    key: 'index',
    label: 'Chỉ số',
    note: 'par | papi | sipas | pci | other',
    write: (d) => d.index,
    read: (v, d) => setPath(d, ['index'], opt(cellText(v).toLowerCase())),
  },
  {
    key: 'years',
    label: 'Áp dụng từ năm',
    note: '',
    write: (d) => d.years.from,
    read: (v, d, fail) => setPath(d, ['years', 'from'], num(v, fail)),
  },
  {
    key: 'years',
    label: 'Áp dụng đến năm',
    note: 'Để trống nếu chưa có năm kết thúc',
    write: (d) => d.years.to,
    read: (v, d, fail) => setPath(d, ['years', 'to'], num(v, fail)),
  },
  {
    key: 'provenance',
    label: 'Nguồn gốc số liệu',
    note: 'confirmed (đúng văn bản chính thức) | sample (mẫu, cần thay)',
    write: (d) => d.provenance,
    read: (v, d) => setPath(d, ['provenance'], opt(cellText(v).toLowerCase())),
  },
  {
    key: 'provenanceNote',
    label: 'Ghi chú nguồn gốc',
    note: '',
    write: (d) => d.provenanceNote?.vi,
    read: (v, d) => setPath(d, ['provenanceNote', 'vi'], opt(cellText(v))),
  },
  {
    key: 'provenanceNote',
    label: 'Ghi chú nguồn gốc (tiếng Anh)',
    note: '',
    write: (d) => d.provenanceNote?.en,
    read: (v, d) => setPath(d, ['provenanceNote', 'en'], opt(cellText(v))),
  },
  {
    key: 'sources',
    label: 'Văn bản nguồn',
    note: 'Mỗi văn bản một dòng',
    write: (d) => d.sources?.join('\n'),
    read: (v, d) => setPath(d, ['sources'], cellLines(v)),
  },
  {
    key: 'aggregation',
    label: 'Cách tổng hợp',
    note: 'sum (cộng điểm) | weighted (theo trọng số, cột Trọng số)',
    write: (d) => d.aggregation,
    read: (v, d) => setPath(d, ['aggregation'], opt(cellText(v).toLowerCase())),
  },
  {
    key: 'totalPoints',
    label: 'Tổng điểm',
    note: 'Kiểm tra với tổng điểm các lĩnh vực (hoặc tổng trọng số)',
    write: (d) => d.totalPoints,
    read: (v, d, fail) => setPath(d, ['totalPoints'], num(v, fail)),
  },
  {
    key: 'bands',
    label: 'Xếp loại',
    note: 'Mỗi dòng: tên | % tối thiểu (vd. A | 90)',
    write: (d) => d.bands.map((b) => `${b.name} | ${b.minPercent}`).join('\n'),
    read: (v, d, fail) =>
      setPath(
        d,
        ['bands'],
        cellLines(v).map((l) => {
          const [name, min] = splitFields(l);
          const minPercent = cellNumber(min ?? '');
          if (minPercent === undefined || Number.isNaN(minPercent))
            fail(`Xếp loại "${l}": thiếu % tối thiểu.`, `Band "${l}": minimum percent missing.`);
          return { name, minPercent };
        }),
      ),
  },
  {
    key: 'mapping',
    label: 'Ánh xạ từ phiên bản',
    note: 'Số phiên bản liền trước, nếu có ánh xạ mã',
    write: (d) => d.mapping?.fromVersion,
    read: (v, d, fail) => setPath(d, ['mapping', 'fromVersion'], num(v, fail)),
  },
  {
    key: 'mapping',
    label: 'Ánh xạ mã',
    note: 'Mỗi dòng: same|renamed|split|merged|removed | mã cũ (phẩy) | mã mới (phẩy)',
    write: (d) =>
      d.mapping?.entries.map((e) => `${e.kind} | ${e.from.join(', ')} | ${e.to.join(', ')}`).join('\n'),
    read: (v, d) => {
      const lines = cellLines(v);
      if (lines.length === 0) return;
      setPath(
        d,
        ['mapping', 'entries'],
        lines.map((l) => {
          const [kind, from, to] = splitFields(l);
          return { kind: kind?.toLowerCase(), from: splitList(from ?? ''), to: splitList(to ?? '') };
        }),
      );
    },
  },
];

export interface Column {
  key: string;
  header: string;
  width: number;
  note: string;
  required?: boolean;
}

export const FRAMEWORK_COLUMNS: Column[] = [
  {
    key: 'code',
    header: 'Mã tiêu chí',
    width: 10,
    note: '1, 1.2, 1.2.3 (ô định dạng Văn bản)',
    required: true,
  },
  { key: 'titleVi', header: 'Tên tiêu chí', width: 60, note: 'Tiếng Việt', required: true },
  { key: 'titleEn', header: 'Tên tiêu chí (tiếng Anh)', width: 45, note: 'English', required: true },
  { key: 'maxPoints', header: 'Điểm tối đa', width: 10, note: 'Bằng tổng điểm tiêu chí con', required: true },
  { key: 'minPoints', header: 'Điểm tối thiểu', width: 10, note: 'Để trống = 0 (PAPI: 1)' },
  { key: 'weight', header: 'Trọng số (%)', width: 10, note: 'Chỉ khi Cách tổng hợp = weighted' },
  {
    key: 'method',
    header: 'Phương pháp',
    width: 13,
    note: 'evidence (tự chấm có tài liệu) | survey (điều tra XHH) | computed (tính từ số liệu)',
    required: true,
  },
  {
    key: 'role',
    header: 'Loại điểm',
    width: 11,
    note: 'Để trống = điểm thường | bonus (điểm thưởng) | penalty (điểm trừ)',
  },
  {
    key: 'appliesTo',
    header: 'Áp dụng cho',
    width: 14,
    note: 'Để trống = mọi loại; hoặc so, huyen, xa, ban-nganh',
  },
  {
    key: 'guide',
    header: 'Hướng dẫn chấm điểm',
    width: 60,
    note: 'Mỗi mức một dòng: điểm | mô tả | mô tả tiếng Anh',
  },
  {
    key: 'slots',
    header: 'Tài liệu kiểm chứng',
    width: 70,
    note: 'Mỗi loại một dòng: loại | số lượng | kỳ (year, half-year, quarter, month, any) | cấp ban hành (ministry, province, entity, unit, any) | tên | tên tiếng Anh',
  },
  { key: 'descriptionVi', header: 'Mô tả', width: 40, note: '' },
  { key: 'descriptionEn', header: 'Mô tả (tiếng Anh)', width: 40, note: '' },
];

export const METHOD_SYNONYMS: Record<string, string> = {
  evidence: 'evidence',
  'minh chứng': 'evidence',
  'tài liệu kiểm chứng': 'evidence',
  'tự đánh giá': 'evidence',
  survey: 'survey',
  'điều tra': 'survey',
  'điều tra xhh': 'survey',
  'điều tra xã hội học': 'survey',
  computed: 'computed',
  'tính toán': 'computed',
};
/** Exact (diacritics kept): "thường" (regular) and "thưởng" (bonus) differ only by a tone mark. */
export const ROLE_SYNONYMS: Record<string, string> = {
  regular: 'regular',
  thường: 'regular',
  'điểm thường': 'regular',
  bonus: 'bonus',
  thưởng: 'bonus',
  'điểm thưởng': 'bonus',
  penalty: 'penalty',
  trừ: 'penalty',
  'điểm trừ': 'penalty',
};
export const synonym = (table: Record<string, string>, raw: string) => table[raw.toLowerCase()] ?? raw;
