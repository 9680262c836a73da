/**
 * Pure helpers of the framework screens: the tree from a flat list of codes, the search over it, and the
 * spreadsheet column (or metadata label) a problem's `field` points at, so a row error reads like Excel.
 */
import type { Body, Output } from '../../../api/types.ts';
import type { MessageKey } from '../../../i18n/messages.ts';

export type ImportBody = Body<'importFramework'>;
export type ImportPlan = Output<'importFramework'>;
export type ImportProblem = ImportPlan['problems'][number];
export type FrameworkHead = Output<'listFrameworks'>['items'][number];
export type VersionSummary = Output<'listFrameworkVersions'>['items'][number];
export type FrameworkVersion = Output<'getFrameworkVersion'>;
export type VersionNode = FrameworkVersion['nodes'][number];
export type MappingEntry = NonNullable<FrameworkVersion['mapping']>['entries'][number];

export function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

export const parentCode = (code: string): string | undefined =>
  code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : undefined;

export type TreeRow<N> = N & { key: string; children?: TreeRow<N>[] };

/**
 * Nests nodes by code (`1.2` under `1`); a node whose parent is missing stays at the top so nothing is hidden.
 * `keep` filters: a kept node keeps its ancestors (the path to it stays visible).
 */
export function buildTree<N extends { code: string }>(
  nodes: readonly N[],
  keep?: (n: N) => boolean,
): TreeRow<N>[] {
  const sorted = [...nodes].sort((a, b) => compareCodes(a.code, b.code));
  const codes = new Set(sorted.map((n) => n.code));
  let visible = codes;
  if (keep) {
    visible = new Set<string>();
    for (const n of sorted)
      if (keep(n))
        for (let c: string | undefined = n.code; c !== undefined; c = parentCode(c))
          if (codes.has(c)) visible.add(c);
  }
  const rows = new Map<string, TreeRow<N>>();
  const top: TreeRow<N>[] = [];
  for (const n of sorted) {
    if (!visible.has(n.code) || rows.has(n.code)) continue;
    const row = { ...n, key: n.code } as TreeRow<N>;
    rows.set(n.code, row);
    const parent = parentCode(n.code);
    const p = parent === undefined ? undefined : rows.get(parent);
    if (!p) top.push(row);
    else if (p.children) p.children.push(row);
    else p.children = [row];
  }
  return top;
}

/** Codes that have children in a tree (what "expand all" opens). */
export function branchCodes<N>(rows: readonly TreeRow<N>[]): string[] {
  const out: string[] = [];
  const walk = (rs: readonly TreeRow<N>[]) => {
    for (const r of rs)
      if (r.children?.length) {
        out.push(r.key);
        walk(r.children);
      }
  };
  walk(rows);
  return out;
}

/** Everything a person may type to find a node besides its code and title: the other language, description, guide and slot wording. */
export function nodeSearchText(n: VersionNode): string {
  return [
    n.title.vi,
    n.title.en,
    n.description?.vi,
    n.description?.en,
    ...(n.guide ?? []).flatMap((g) => [g.label.vi, g.label.en]),
    ...n.slots.flatMap((s) => [s.kind, s.label.vi, s.label.en]),
  ].join(' ');
}

/** Node properties → the sheet's column (message key of its header). */
const NODE_COLUMNS: Record<string, MessageKey> = {
  code: 'setup.col.code',
  title: 'setup.col.title',
  maxPoints: 'setup.col.maxPoints',
  minPoints: 'setup.col.minPoints',
  weight: 'setup.col.weight',
  method: 'setup.col.method',
  role: 'setup.col.role',
  appliesTo: 'setup.col.appliesTo',
  guide: 'setup.col.guide',
  slots: 'setup.col.slots',
  description: 'setup.col.description',
};
/** Document fields → the metadata block's label. */
const META_LABELS: Record<string, MessageKey> = {
  frameworkId: 'setup.meta.frameworkId',
  version: 'setup.meta.version',
  name: 'setup.meta.name',
  index: 'setup.meta.index',
  years: 'setup.meta.years',
  provenance: 'setup.meta.provenance',
  provenanceNote: 'setup.meta.provenanceNote',
  sources: 'setup.meta.sources',
  aggregation: 'setup.meta.aggregation',
  totalPoints: 'setup.meta.totalPoints',
  bands: 'setup.meta.bands',
  mapping: 'setup.meta.mapping',
  nodes: 'setup.meta.nodes',
  file: 'setup.meta.file',
  columns: 'setup.meta.columns',
};

/**
 * Where a problem is, as a person fixing the sheet sees it: a column header (`Điểm tối đa`) or a metadata
 * label (`Tổng điểm`). `rows.12.Điểm tối đa` and `columns.Mã tiêu chí` already carry the header text.
 */
export function problemColumn(p: Pick<ImportProblem, 'field' | 'nodeCode'>): {
  key?: MessageKey;
  text?: string;
} {
  const f = p.field;
  const sheet = /^rows\.\d+\.(.+)$/.exec(f) ?? /^columns\.(.+)$/.exec(f);
  if (sheet) return { text: sheet[1] };
  if (f.startsWith('nodes.')) {
    const rest =
      p.nodeCode && f.startsWith(`nodes.${p.nodeCode}.`) ? f.slice(`nodes.${p.nodeCode}.`.length) : '';
    const prop = rest.split('.')[0] ?? '';
    const key = NODE_COLUMNS[prop];
    return key ? { key } : prop ? { text: prop } : {};
  }
  const head = f.split('.')[0] ?? '';
  const key = META_LABELS[head];
  return key ? { key } : f ? { text: f } : {};
}

/** `file.rows.12` (a commit's 400 issue) → 12. */
export function issueRow(field: string): number | undefined {
  const m = /(?:^|\.)rows\.(\d+)/.exec(field);
  return m ? Number(m[1]) : undefined;
}

/** Problems in the order a person works down the sheet: by row, then those without a row. */
export function sortProblems<P extends { row?: number }>(problems: readonly P[]): P[] {
  return [...problems].sort(
    (a, b) => (a.row ?? Number.MAX_SAFE_INTEGER) - (b.row ?? Number.MAX_SAFE_INTEGER),
  );
}

/** A file name without characters Windows refuses, NFC. */
export function safeFileName(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[\\/:*?"<>|]+/g, '-')
    .trim();
}
