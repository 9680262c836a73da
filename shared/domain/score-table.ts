/**
 * The score table (Bảng điểm tự đánh giá) as data: one row per area / criterion / sub-criterion in the
 * framework's order, with the evidence named against each score, the explanation, the responsible units and
 * the status; subtotal rows know which rows they add up, so the spreadsheet writes them as formulas. Every
 * number comes from one readiness result (docs/readiness.md); nothing is recomputed here except sums of it.
 * The .xlsx writer (shared/adapters/xlsx/score-table-sheet.ts) and the print view read the same rows.
 */

import { criterionFolder, evidenceFileName } from './dossier.ts';
import type { Evidence } from './evidence.ts';
import { packagePaths } from './evidence-package.ts';
import type { Framework, FrameworkNode } from './framework.ts';
import type { FrameworkLabel } from './framework-label.ts';
import { applicableTree, type CriterionReadiness, type Readiness, round2 } from './readiness.ts';

export interface ScoreTableEvidence {
  evidenceId: string;
  documentNumber?: string;
  issueDate?: string;
  title: string;
  issuer?: string;
  /** Where its first file sits inside the evidence package (stored once, under its first criterion). */
  path: string;
}

export type RowKind = 'area' | 'criterion' | 'survey' | 'bonus' | 'penalty';

export interface ScoreTableRow {
  kind: RowKind;
  code: string;
  depth: number;
  title: { vi: string; en: string };
  leaf: boolean;
  maxPoints: number;
  /** Leaves: as scored; groups: Σ of their rows (the sheet writes a formula). */
  selfScore?: number;
  appraisedScore?: number;
  projectedPoints?: number;
  /** Indexes (in `rows`) of the direct children a group row adds up. */
  children: number[];
  /** Bonus and penalty groups cap their sum at their own max (MIN in the sheet). */
  capped: boolean;
  evidence: ScoreTableEvidence[];
  explanation?: string;
  unitIds: string[];
  status?: RowStatus;
}

export type RowStatus =
  | 'appraised'
  | 'complete'
  | 'sentBack'
  | 'missingEvidence'
  | 'notScored'
  | 'imported'
  | 'notImported';

export const ROW_STATUS: Record<RowStatus, { vi: string; en: string }> = {
  appraised: { vi: 'Đã thẩm định', en: 'Appraised' },
  complete: { vi: 'Hoàn thành', en: 'Complete' },
  sentBack: { vi: 'Cần sửa theo góp ý', en: 'Changes requested' },
  missingEvidence: { vi: 'Thiếu minh chứng', en: 'Evidence missing' },
  notScored: { vi: 'Chưa tự chấm', en: 'Not self-scored' },
  imported: { vi: 'Đã nhập điểm điều tra', en: 'Survey points imported' },
  notImported: { vi: 'Chưa có điểm điều tra', en: 'Survey points not imported' },
};

export interface ScoreTable {
  formulaVersion: string;
  rows: ScoreTableRow[];
  /** Indexes of the top-level rows of each role: the totals add these up. */
  top: { regular: number[]; bonus: number[]; penalty: number[] };
  totals: {
    maxPoints: number;
    selfScore: number;
    appraisedScore: number;
    projectedPoints: number;
    bonusPoints: number;
    penaltyPoints: number;
    projectedIndexPercent: number;
    band?: string;
  };
  anyAppraised: boolean;
  /** Only this unit's criteria (and the groups above them). */
  unitId?: string;
}

function statusOf(c: CriterionReadiness): RowStatus {
  if (c.appraised) return 'appraised';
  if (c.complete) return 'complete';
  if (c.sentBack) return 'sentBack';
  if (c.coverage < 1 && !c.explanationGiven) return 'missingEvidence';
  return 'notScored';
}

export interface ScoreTableInput {
  framework: Pick<Framework, 'nodes'>;
  entityType?: Parameters<typeof applicableTree>[1];
  readiness: Readiness;
  /** The entity's evidence as the readiness read it (the counted ones are listed). */
  evidence: readonly Pick<
    Evidence,
    'evidenceId' | 'criterionCodes' | 'state' | 'documentNumber' | 'issueDate' | 'title' | 'issuer' | 'files'
  >[];
  explanations: ReadonlyMap<string, string>;
  evidencePolicy: 'available' | 'accepted';
  unitId?: string;
}

const counts = (state: string, policy: 'available' | 'accepted') =>
  policy === 'accepted' ? state === 'accepted' : state === 'available' || state === 'accepted';

/**
 * Every counted evidence's place in the package (its first file's path: evidence-package.ts decides it, so the
 * table and the archive agree); an evidence without an available file gets the name it would have.
 */
export function evidencePlaces(
  leaves: readonly Pick<FrameworkNode, 'code' | 'title'>[],
  areaOf: (code: string) => Pick<FrameworkNode, 'code' | 'title'> | undefined,
  evidence: ScoreTableInput['evidence'],
  policy: 'available' | 'accepted',
): Map<string, string> {
  const { byEvidence, firstCode } = packagePaths(
    leaves,
    areaOf,
    evidence as Parameters<typeof packagePaths>[2],
    policy,
  );
  const byCode = new Map(leaves.map((n) => [n.code, n]));
  const places = new Map<string, string>();
  for (const e of evidence) {
    const first = firstCode.get(e.evidenceId);
    if (!first) continue;
    const path = byEvidence.get(e.evidenceId)?.[0]?.path;
    if (path) {
      places.set(e.evidenceId, path);
      continue;
    }
    const node = byCode.get(first)!;
    const area = areaOf(first);
    const folder = criterionFolder(area ? { code: area.code, title: area.title.vi } : undefined, {
      code: node.code,
      title: node.title.vi,
    });
    places.set(e.evidenceId, `${folder}${evidenceFileName(e, e.title)}`);
  }
  return places;
}

type Tree = ReturnType<typeof applicableTree>;
type FullNode = ScoreTableInput['framework']['nodes'][number];
const parentCode = (code: string) => (code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : undefined);

/** The counted evidence listed against each criterion, indexed once (a season has thousands of documents). */
function evidenceByCriterion(input: ScoreTableInput, places: ReadonlyMap<string, string>) {
  const counted = new Map<string, ScoreTableEvidence[]>();
  for (const e of input.evidence) {
    if (!counts(e.state, input.evidencePolicy)) continue;
    const item: ScoreTableEvidence = {
      evidenceId: e.evidenceId,
      ...(e.documentNumber ? { documentNumber: e.documentNumber } : {}),
      ...(e.issueDate ? { issueDate: e.issueDate } : {}),
      title: e.title,
      ...(e.issuer ? { issuer: e.issuer } : {}),
      path: places.get(e.evidenceId) ?? '',
    };
    for (const code of new Set(e.criterionCodes)) {
      const list = counted.get(code);
      if (list) list.push(item);
      else counted.set(code, [item]);
    }
  }
  return counted;
}

/** A unit's part keeps its own criteria and the groups above them; the whole table keeps every row. */
function keptCodes(tree: Tree, byCode: ReadonlyMap<string, CriterionReadiness>, unitId: string | undefined) {
  const keep = (code: string): boolean => {
    if (!unitId) return true;
    const c = byCode.get(code);
    if (c) return c.unitIds.includes(unitId);
    return false;
  };
  const leaves = new Set(tree.leaves.filter((n) => keep(n.code)).map((n) => n.code));
  const groups = new Set<string>();
  for (const code of leaves)
    for (let p = code; p.includes('.'); ) {
      p = p.slice(0, p.lastIndexOf('.'));
      groups.add(p);
    }
  return { leaves, groups };
}

/** A row's kind: bonus and penalty by role, then area (a group), survey or criterion. */
function kindOf(node: FullNode, isGroup: boolean): RowKind {
  const role = node.role ?? 'regular';
  if (role === 'bonus' || role === 'penalty') return role;
  if (isGroup) return 'area';
  return node.method === 'survey' ? 'survey' : 'criterion';
}

interface RowSources {
  full: ReadonlyMap<string, FullNode>;
  byCode: ReadonlyMap<string, CriterionReadiness>;
  surveyByCode: ReadonlyMap<string, Readiness['survey'][number]>;
  evidence: ReadonlyMap<string, ScoreTableEvidence[]>;
  explanations: ReadonlyMap<string, string>;
}

/** One row as the readiness result has it (leaves) or empty for a group (summed later). */
function rowOf(code: string, isGroup: boolean, src: RowSources): ScoreTableRow {
  const node = src.full.get(code)!;
  const role = node.role ?? 'regular';
  const row: ScoreTableRow = {
    kind: kindOf(node, isGroup),
    code,
    depth: code.split('.').length,
    title: { vi: node.title.vi, en: node.title.en },
    leaf: !isGroup,
    maxPoints: node.maxPoints,
    children: [],
    // A bonus/penalty group under a node of another role is a top node: it caps its sum (rule 5).
    capped:
      isGroup &&
      role !== 'regular' &&
      (src.full.get(code.slice(0, code.lastIndexOf('.')))?.role ?? 'regular') !== role,
    evidence: [],
    unitIds: [],
  };
  if (!isGroup) fillLeafRow(row, src);
  return row;
}

/** A leaf row's scores, evidence, explanation, units and status; a survey leaf's imported points. */
function fillLeafRow(row: ScoreTableRow, src: RowSources): void {
  const c = src.byCode.get(row.code);
  const s = src.surveyByCode.get(row.code);
  if (c) {
    if (c.selfScore !== undefined) row.selfScore = c.selfScore;
    if (c.appraised && c.appraisedScore !== undefined) row.appraisedScore = c.appraisedScore;
    row.projectedPoints = c.projectedPoints;
    row.evidence = src.evidence.get(row.code) ?? [];
    const ex = src.explanations.get(row.code);
    if (ex) row.explanation = ex;
    row.unitIds = c.unitIds;
    row.status = statusOf(c);
  } else if (s) {
    row.projectedPoints = s.points;
    row.status = s.imported ? 'imported' : 'notImported';
  }
}

/** Rows in framework order; each group row lists the rows of its direct children. */
function tableRows(tree: Tree, kept: ReturnType<typeof keptCodes>, src: RowSources) {
  const inner = new Set(tree.inner.map((n) => n.code));
  const rows: ScoreTableRow[] = [];
  const indexOf = new Map<string, number>();
  for (const n of tree.applicable) {
    const isGroup = inner.has(n.code);
    if (isGroup ? !kept.groups.has(n.code) : !kept.leaves.has(n.code)) continue;
    indexOf.set(n.code, rows.length);
    rows.push(rowOf(n.code, isGroup, src));
    const parent = parentCode(n.code);
    const pi = parent !== undefined ? indexOf.get(parent) : undefined;
    if (pi !== undefined) rows[pi]!.children.push(rows.length - 1);
  }
  return { rows, indexOf };
}

/** Group values, children first (rows are in framework order, so walk backwards); capped groups use MIN. */
function sumGroups(rows: ScoreTableRow[]): void {
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]!;
    if (row.leaf) continue;
    const kids = row.children.map((k) => rows[k]!);
    const sum = (f: (x: ScoreTableRow) => number | undefined) =>
      round2(kids.reduce((a, k) => a + (f(k) ?? 0), 0));
    row.selfScore = sum((k) => k.selfScore);
    row.appraisedScore = sum((k) => k.appraisedScore);
    const projected = sum((k) => k.projectedPoints);
    row.projectedPoints = row.capped ? Math.min(projected, row.maxPoints) : projected;
  }
}

const roleOfRow = (row: ScoreTableRow) =>
  row.kind === 'bonus' ? 'bonus' : row.kind === 'penalty' ? 'penalty' : 'regular';

/** The top rows of each role (no parent row of the same role): the totals add these up. */
function topRows(rows: readonly ScoreTableRow[], indexOf: ReadonlyMap<string, number>): ScoreTable['top'] {
  const top = { regular: [] as number[], bonus: [] as number[], penalty: [] as number[] };
  rows.forEach((row, i) => {
    const parent = parentCode(row.code);
    const parentRow = parent !== undefined ? indexOf.get(parent) : undefined;
    const role = roleOfRow(row);
    if (parentRow === undefined || roleOfRow(rows[parentRow]!) !== role) top[role].push(i);
  });
  return top;
}

function totalsOf(
  rows: readonly ScoreTableRow[],
  top: ScoreTable['top'],
  r: Readiness,
): ScoreTable['totals'] {
  const sumTop = (ids: number[], f: (x: ScoreTableRow) => number | undefined) =>
    round2(ids.reduce((a, i) => a + (f(rows[i]!) ?? 0), 0));
  return {
    maxPoints: sumTop(top.regular, (x) => x.maxPoints),
    selfScore: sumTop(top.regular, (x) => x.selfScore),
    appraisedScore: sumTop(top.regular, (x) => x.appraisedScore),
    projectedPoints: sumTop(top.regular, (x) => x.projectedPoints),
    bonusPoints: sumTop(top.bonus, (x) => x.projectedPoints),
    penaltyPoints: sumTop(top.penalty, (x) => x.projectedPoints),
    projectedIndexPercent: r.projectedIndexPercent,
    ...(r.band ? { band: r.band } : {}),
  };
}

/** The table: rows from the readiness result, evidence placed as in the package, groups summed, totals. */
export function buildScoreTable(input: ScoreTableInput): ScoreTable {
  const { readiness: r } = input;
  const tree = applicableTree(input.framework.nodes, input.entityType);
  const full = new Map(input.framework.nodes.map((n) => [n.code, n]));
  const byCode = new Map<string, CriterionReadiness>();
  for (const c of [...r.criteria, ...r.adjustments]) byCode.set(c.code, c);
  const topOf = (code: string) => full.get(code.split('.')[0]!);
  const places = evidencePlaces(
    tree.leaves.map((n) => full.get(n.code)!),
    topOf,
    input.evidence,
    input.evidencePolicy,
  );
  const src: RowSources = {
    full,
    byCode,
    surveyByCode: new Map(r.survey.map((s) => [s.code, s])),
    evidence: evidenceByCriterion(input, places),
    explanations: input.explanations,
  };
  const { rows, indexOf } = tableRows(tree, keptCodes(tree, byCode, input.unitId), src);
  sumGroups(rows);
  const top = topRows(rows, indexOf);
  return {
    formulaVersion: r.formulaVersion,
    rows,
    top,
    totals: totalsOf(rows, top, r),
    anyAppraised: r.criteria.some((c) => c.appraised) || r.adjustments.some((c) => c.appraised),
    ...(input.unitId ? { unitId: input.unitId } : {}),
  };
}

/** What the spreadsheet shows around the table: names, the reading moment and the full readiness. */
export interface ScoreTableMeta {
  entityName: string;
  cycleName: string;
  unitNames: ReadonlyMap<string, string>;
  readAt: string;
  readiness: Readiness;
  unitName?: string;
  /** The framework the scores rest on: its name, and the notice when it is a sample. */
  framework?: FrameworkLabel;
}

export interface CouncilRow {
  rank: number;
  entityId: string;
  entityName: string;
  selfPoints: number;
  appraisedPoints: number;
  appraisedCriteria: number;
  projectedPoints: number;
  surveyPoints: number;
  bonusPoints: number;
  penaltyPoints: number;
  maxPoints: number;
  projectedIndexPercent: number;
  band?: string;
  completenessPercent: number;
  criteriaCount: number;
}
export interface CouncilMeta {
  cycleName: string;
  readAt: string;
  formulaVersion: string;
  entityTotal: number;
  /** The cycle's scored framework, as on the score table. */
  framework?: FrameworkLabel;
}
