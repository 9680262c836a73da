/**
 * `checkFrameworkTree`: every rule that spans nodes (docs/frameworks.md, "Validation — every problem names its
 * node code"), one step per row of that table, written against loosely typed input so it also runs when some
 * node failed its own schema (an importer then reports all problems at once, not the first layer of them).
 */
import { checkNode } from './framework-node-checks.ts';
import {
  arr,
  type CodedNode,
  EPS,
  type FrameworkProblem,
  isNum,
  type LooseDocument,
  type LooseNode,
  nodeField,
  num,
  problem,
  round,
} from './framework-problems.ts';
import { NODE_CODE, type NodeRole } from './framework-schema.ts';
import { parentCode, roleOf } from './framework-tree.ts';

/** The tree rules in the order an importer lists them: codes, each node, each family, totals, years, mapping. */
export function checkFrameworkTree(doc: LooseDocument): FrameworkProblem[] {
  const nodes = arr(doc.nodes).filter((n): n is LooseNode => !!n && typeof n === 'object');
  const { byCode, duplicates } = indexByCode(nodes);
  const { children, orphans } = familiesOf(byCode);
  const top = [...byCode.values()].filter(
    (n) => parentCode(n.code) === undefined && roleOf(n as { role?: string }) === 'regular',
  );
  return [
    ...duplicates,
    ...orphans,
    ...nodes.flatMap(checkNode),
    ...[...children].flatMap(([code, kids]) => checkFamily(code, byCode.get(code)!, kids)),
    ...checkWeights(doc, top),
    ...checkTotal(doc, top),
    ...checkYears(doc),
    ...checkMapping(doc, new Set(byCode.keys())),
  ];
}

/** `code_duplicate`: the same code twice is reported on the second one; the first one stands. */
function indexByCode(nodes: readonly LooseNode[]) {
  const byCode = new Map<string, CodedNode>();
  const duplicates: FrameworkProblem[] = [];
  const withCode = nodes.filter((n): n is CodedNode => typeof n.code === 'string' && NODE_CODE.test(n.code));
  for (const n of withCode) {
    if (byCode.has(n.code))
      duplicates.push(
        problem(
          'code_duplicate',
          n.code,
          nodeField(n.code, 'code'),
          `Mã ${n.code} bị trùng.`,
          `Code ${n.code} appears more than once.`,
        ),
      );
    else byCode.set(n.code, n);
  }
  return { byCode, duplicates };
}

/** `orphan`: `1.2.3` without `1.2`. Every other node joins its parent's family for the family rules. */
function familiesOf(byCode: ReadonlyMap<string, CodedNode>) {
  const children = new Map<string, CodedNode[]>();
  const orphans: FrameworkProblem[] = [];
  for (const n of byCode.values()) {
    const p = parentCode(n.code);
    if (p === undefined) continue;
    if (!byCode.has(p)) {
      orphans.push(
        problem(
          'orphan',
          n.code,
          nodeField(n.code, 'code'),
          `Tiêu chí ${n.code} không có tiêu chí cha ${p}.`,
          `Node ${n.code} has no parent ${p}.`,
        ),
      );
      continue;
    }
    const list = children.get(p);
    if (list) list.push(n);
    else children.set(p, [n]);
  }
  return { children, orphans };
}

/** A parent and its children: role, method, applicability, then the sum of points. */
function checkFamily(code: string, parent: CodedNode, kids: readonly CodedNode[]): FrameworkProblem[] {
  const pRole = roleOf(parent as { role?: string });
  return [
    ...checkRoles(code, pRole, kids),
    ...checkMethods(code, parent, kids),
    ...checkApplicability(code, parent, kids),
    ...checkSum(code, parent, pRole, kids),
  ];
}

/** `role_mismatch`: below a bonus or penalty node everything is bonus or penalty too. */
function checkRoles(code: string, pRole: NodeRole, kids: readonly CodedNode[]): FrameworkProblem[] {
  if (pRole === 'regular') return [];
  return kids
    .filter((k) => roleOf(k as { role?: string }) !== pRole)
    .map((k) =>
      problem(
        'role_mismatch',
        k.code,
        nodeField(k.code, 'role'),
        `Tiêu chí ${k.code} phải cùng loại điểm (${pRole === 'bonus' ? 'thưởng' : 'trừ'}) với tiêu chí cha ${code}.`,
        `Node ${k.code} must have its parent ${code}'s role (${pRole}).`,
      ),
    );
}

/** `method_mismatch`: a survey node's points come from the survey, so its children are survey nodes too. */
function checkMethods(code: string, parent: CodedNode, kids: readonly CodedNode[]): FrameworkProblem[] {
  if (parent.method !== 'survey') return [];
  return kids
    .filter((k) => k.method !== 'survey')
    .map((k) =>
      problem(
        'method_mismatch',
        k.code,
        nodeField(k.code, 'method'),
        `Tiêu chí ${k.code} nằm dưới tiêu chí điều tra ${code} nên cũng phải là "survey".`,
        `Node ${k.code} sits under survey node ${code}, so it must be "survey" too.`,
      ),
    );
}

/** `applicability_wider`: a child never applies to an entity type its parent excludes. */
function checkApplicability(code: string, parent: CodedNode, kids: readonly CodedNode[]): FrameworkProblem[] {
  const parentTypes =
    Array.isArray(parent.appliesTo) && parent.appliesTo.length > 0
      ? (parent.appliesTo as string[])
      : undefined;
  if (!parentTypes) return [];
  const out: FrameworkProblem[] = [];
  for (const k of kids) {
    const kidTypes = arr(k.appliesTo) as string[];
    const wider = kidTypes.length === 0 ? [] : kidTypes.filter((t) => !parentTypes.includes(t));
    if (wider.length)
      out.push(
        problem(
          'applicability_wider',
          k.code,
          nodeField(k.code, 'appliesTo'),
          `Tiêu chí ${k.code} áp dụng cho ${wider.join(', ')} nhưng tiêu chí cha ${code} thì không.`,
          `Node ${k.code} applies to ${wider.join(', ')} but its parent ${code} does not.`,
        ),
      );
  }
  return out;
}

/** `sum_mismatch`: a parent's max points are the sum of its children of the same role (bonus/penalty apart). */
function checkSum(
  code: string,
  parent: CodedNode,
  pRole: NodeRole,
  kids: readonly CodedNode[],
): FrameworkProblem[] {
  const same = kids.filter((k) => roleOf(k as { role?: string }) === pRole);
  if (!isNum(parent.maxPoints) || same.length === 0 || !same.every((k) => isNum(k.maxPoints))) return [];
  const sum = same.reduce((s, k) => s + (k.maxPoints as number), 0);
  if (Math.abs(sum - parent.maxPoints) <= EPS) return [];
  return [
    problem(
      'sum_mismatch',
      code,
      nodeField(code, 'maxPoints'),
      `Tiêu chí ${code}: điểm tối đa ${num(parent.maxPoints).vi} khác tổng điểm các tiêu chí con ${num(round(sum)).vi} (${same.map((k) => k.code).join(', ')}).`,
      `Node ${code}: max points ${parent.maxPoints} differ from the sum of its children, ${round(sum)} (${same.map((k) => k.code).join(', ')}).`,
    ),
  ];
}

/** `weight_missing`: a weighted framework's composite needs every regular top-level node's weight. */
function checkWeights(doc: LooseDocument, top: readonly CodedNode[]): FrameworkProblem[] {
  if (doc.aggregation !== 'weighted') return [];
  return top
    .filter((n) => !isNum(n.weight))
    .map((n) =>
      problem(
        'weight_missing',
        n.code,
        nodeField(n.code, 'weight'),
        `Tiêu chí ${n.code}: thiếu trọng số (bộ tiêu chí tổng hợp theo trọng số).`,
        `Node ${n.code}: weight missing (weighted framework).`,
      ),
    );
}

/** `total_mismatch`: the declared total is Σ top-level max points (`sum`) or Σ their weights (`weighted`). */
function checkTotal(doc: LooseDocument, top: readonly CodedNode[]): FrameworkProblem[] {
  if (!isNum(doc.totalPoints) || top.length === 0) return [];
  const weighted = doc.aggregation === 'weighted';
  const parts = top.map((n) => (weighted ? n.weight : n.maxPoints));
  if (!parts.every(isNum)) return [];
  const sum = (parts as number[]).reduce((s, p) => s + p, 0);
  if (Math.abs(sum - doc.totalPoints) <= EPS) return [];
  return [
    problem(
      'total_mismatch',
      undefined,
      'totalPoints',
      `Tổng điểm khai báo ${num(doc.totalPoints).vi} khác ${weighted ? 'tổng trọng số' : 'tổng điểm các lĩnh vực'} ${num(round(sum)).vi}.`,
      `Declared total ${doc.totalPoints} differs from the ${weighted ? 'sum of weights' : 'sum of the top-level nodes'}, ${round(sum)}.`,
    ),
  ];
}

/** `years_order`: the years it applies to run forwards. */
function checkYears(doc: LooseDocument): FrameworkProblem[] {
  const years = doc.years as { from?: unknown; to?: unknown } | undefined;
  if (years && isNum(years.from) && isNum(years.to) && years.to < years.from)
    return [
      problem(
        'years_order',
        undefined,
        'years.to',
        'Năm kết thúc trước năm bắt đầu.',
        'The end year is before the start year.',
      ),
    ];
  return [];
}

/** How many codes each mapping kind takes on each side (docs/frameworks.md, "Versions"). */
const MAPPING_SHAPES: Record<string, [number | '2+', number | '2+']> = {
  same: [1, 1],
  renamed: [1, 1],
  split: [1, '2+'],
  merged: ['2+', 1],
  removed: [1, 0],
};
const fits = (n: number, want: number | '2+') => (want === '2+' ? n >= 2 : n === want);

/**
 * `mapping_shape` / `mapping_duplicate` / `mapping_unknown_to`: what the document alone can say about its
 * mapping ("Versions"); the previous version's codes are checked in framework-versions.ts.
 */
function checkMapping(doc: LooseDocument, codes: ReadonlySet<string>): FrameworkProblem[] {
  const mapping = doc.mapping as { entries?: unknown } | undefined;
  if (!mapping) return [];
  const out: FrameworkProblem[] = [];
  const seen = new Set<string>();
  arr(mapping.entries).forEach((raw, i) => {
    const e = raw as { kind?: unknown; from?: unknown; to?: unknown };
    const from = arr(e.from).map(String);
    const to = arr(e.to).map(String);
    const field = `mapping.entries.${i}`;
    const shape = MAPPING_SHAPES[String(e.kind)];
    if (
      shape &&
      (!fits(from.length, shape[0]) || !fits(to.length, shape[1]) || (e.kind === 'same' && from[0] !== to[0]))
    )
      out.push({
        kind: 'mapping_shape',
        field,
        message: {
          vi: `Ánh xạ ${i + 1} (${String(e.kind)}: ${from.join(', ')} → ${to.join(', ') || '∅'}) sai dạng: same/renamed 1→1, split 1→nhiều, merged nhiều→1, removed 1→0.`,
          en: `Mapping ${i + 1} (${String(e.kind)}: ${from.join(', ')} → ${to.join(', ') || '∅'}) has the wrong shape: same/renamed 1→1, split 1→many, merged many→1, removed 1→0.`,
        },
      });
    for (const c of from) {
      if (seen.has(c))
        out.push({
          kind: 'mapping_duplicate',
          nodeCode: c,
          field,
          message: { vi: `Mã cũ ${c} được ánh xạ hai lần.`, en: `Old code ${c} is mapped twice.` },
        });
      seen.add(c);
    }
    for (const c of to)
      if (!codes.has(c))
        out.push({
          kind: 'mapping_unknown_to',
          nodeCode: c,
          field,
          message: {
            vi: `Ánh xạ ${i + 1} trỏ tới mã ${c} không có trong phiên bản này.`,
            en: `Mapping ${i + 1} points to code ${c}, which is not in this version.`,
          },
        });
  });
  return out;
}
