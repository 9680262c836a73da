/**
 * Which nodes count for an entity (docs/readiness.md, rule 1) and the framework facts every readiness
 * computation needs, worked out once per framework and entity type: leaves with their role and slots, the
 * ancestors each leaf rolls up into (rule 8) and the top bonus/penalty node that caps it (rule 5).
 */

import { type EvidenceSlot, type FrameworkNode, type NodeRole, roleOf } from './framework.ts';
import type { EntityType } from './organization.ts';
import type { SlotPeriod } from './readiness-model.ts';

/** Numeric comparison of codes (`1.10` after `1.9`) without a collator: it runs on every sort of 10⁴ codes. */
export function compareCodes(a: string, b: string): number {
  if (a === b) return 0;
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = Number(x[i]) - Number(y[i]);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

export const parentOf = (code: string): string | undefined => {
  const i = code.lastIndexOf('.');
  return i < 0 ? undefined : code.slice(0, i);
};

export type Node = Pick<
  FrameworkNode,
  'code' | 'maxPoints' | 'minPoints' | 'method' | 'role' | 'appliesTo' | 'slots'
>;

/** Rule 1: a node applies unless it or an ancestor lists `appliesTo` without the entity's type. */
function applicability(
  byCode: ReadonlyMap<string, Node>,
  parent: ReadonlyMap<string, string | undefined>,
  entityType: EntityType | undefined,
) {
  const verdict = new Map<string, boolean>();
  // Without an entity type every node applies (rule 1).
  if (!entityType) return (_code: string | undefined) => true;
  const applies = (code: string | undefined): boolean => {
    if (code === undefined) return true;
    const known = verdict.get(code);
    if (known !== undefined) return known;
    const n = byCode.get(code);
    const own = !entityType || !n?.appliesTo || n.appliesTo.length === 0 || n.appliesTo.includes(entityType);
    const v = own && applies(parent.has(code) ? parent.get(code) : parentOf(code));
    verdict.set(code, v);
    return v;
  };
  return applies;
}

const PLAIN_CODE = /^\d{1,15}(?:\.\d{1,15})*$/;

/** `a` before or with `b` in code order, for codes of digits and dots, read in place (no split, no arrays). */
function plainInOrder(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    let x = 0;
    let y = 0;
    for (; i < a.length && a.charCodeAt(i) !== 46; i++) x = x * 10 + a.charCodeAt(i) - 48;
    for (; j < b.length && b.charCodeAt(j) !== 46; j++) y = y * 10 + b.charCodeAt(j) - 48;
    if (x !== y) return x < y;
    i++;
    j++;
  }
  return i >= a.length; // a ran out first (or both did): a is the shorter code or equal
}

/** Whether the nodes are already in code order, checked without parsing when every code is plain. */
function alreadyInCodeOrder(nodes: readonly Node[]): boolean | undefined {
  for (let i = 0; i < nodes.length; i++) {
    const code = nodes[i]!.code;
    if (!PLAIN_CODE.test(code)) return undefined;
    if (i > 0 && !plainInOrder(nodes[i - 1]!.code, code)) return false;
  }
  return true;
}

/** Code order with sort keys parsed once; a framework stored in code order (the usual case) is not re-sorted. */
function inCodeOrder(nodes: Node[]): Node[] {
  if (alreadyInCodeOrder(nodes)) return nodes;
  const key = new Map<Node, number[]>();
  for (const n of nodes) key.set(n, n.code.split('.').map(Number));
  const cmp = (a: Node, b: Node) => {
    const x = key.get(a)!;
    const y = key.get(b)!;
    for (let i = 0; i < x.length && i < y.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return x.length - y.length;
  };
  // A stable sort of a sequence whose neighbours are already in order returns it unchanged.
  for (let i = 1; i < nodes.length; i++) if (!(cmp(nodes[i - 1]!, nodes[i]!) <= 0)) return nodes.sort(cmp);
  return nodes;
}

/** The framework reduced to what applies to the entity, with leaves found in one pass (not O(n²)). */
export function applicableTree(nodes: readonly Node[], entityType?: EntityType) {
  const byCode = new Map<string, Node>();
  const parent = new Map<string, string | undefined>();
  for (const n of nodes) {
    byCode.set(n.code, n);
    parent.set(n.code, parentOf(n.code));
  }
  const applies = applicability(byCode, parent, entityType);
  const hasChild = new Set<string>();
  for (const p of parent.values()) if (p !== undefined) hasChild.add(p);
  const applicable = inCodeOrder(nodes.filter((n) => applies(n.code)));
  return {
    byCode,
    parent,
    applicable,
    leaves: applicable.filter((n) => !hasChild.has(n.code)),
    inner: applicable.filter((n) => hasChild.has(n.code)),
  };
}

export type Tree = ReturnType<typeof applicableTree>;

/** Visits the ancestors of a code that share its role (a bonus subtree stops at its regular parent). */
export function eachAncestor(tree: Tree, code: string, role: NodeRole, visit: (code: string) => void) {
  for (let p = tree.parent.get(code); p !== undefined; p = tree.parent.get(p) ?? parentOf(p)) {
    const pn = tree.byCode.get(p);
    if (pn && roleOf(pn) !== role) break;
    visit(p);
  }
}

/** A slot as the formula reads it: `period: any` and no period are the same rule (rule 2). */
export interface SlotRule {
  kind: string;
  minCount: number;
  period?: SlotPeriod;
}

const IMPLICIT_SLOT: SlotRule = { kind: '*', minCount: 1 };

/** Rule 2: declared slots, else one implicit slot "≥ 1 file of any type". */
export function slotRules(node: { slots: readonly Pick<EvidenceSlot, 'kind' | 'minCount' | 'period'>[] }) {
  if (node.slots.length === 0) return [IMPLICIT_SLOT];
  return node.slots.map(
    (s): SlotRule =>
      s.period && s.period !== 'any'
        ? { kind: s.kind, minCount: s.minCount, period: s.period }
        : { kind: s.kind, minCount: s.minCount },
  );
}

export interface LeafPlan {
  node: Node;
  role: NodeRole;
  /** A regular survey leaf (rule 6); other leaves are criteria: L or bonus/penalty (rule 5). */
  survey: boolean;
  slots: SlotRule[];
  /** Indexes in `inner` of the ancestors this leaf adds to (same role; rule 8). */
  rollsInto: number[];
  /** The top node of its bonus/penalty subtree, whose max caps the subtree (rule 5). */
  top: string;
  /** Its code's position in `leafIndex`. */
  factsAt: number;
}

export interface ReadinessPlan {
  tree: Tree;
  /** Leaves in code order; bonus/penalty survey leaves have no place in the formula and are left out. */
  leaves: LeafPlan[];
  /** Each leaf code's position among the distinct leaf codes: the entity's facts are filed by it once. */
  leafIndex: Map<string, number>;
  /** Inner nodes in code order with their role and depth (rule 8). */
  inner: { node: Node; role: NodeRole; depth: number }[];
}

/**
 * Rules 5 and 8: the ancestors a leaf of a role rolls up into (nearest first, stopping at a node of another
 * role) and the farthest of them, the top that caps a bonus/penalty subtree. Siblings share one parent's
 * answer, so it is worked out once per parent and role.
 */
function ancestorChains(tree: Tree) {
  const innerIndex = new Map(tree.inner.map((n, i) => [n.code, i]));
  const memo = { regular: new Map(), bonus: new Map(), penalty: new Map() } as Record<
    NodeRole,
    Map<string, { rollsInto: number[]; top: string | undefined }>
  >;
  return (code: string, role: NodeRole) => {
    const parent = tree.parent.has(code) ? tree.parent.get(code) : parentOf(code);
    if (parent === undefined) return { rollsInto: [] as number[], top: code };
    let chain = memo[role].get(parent);
    if (!chain) {
      const rollsInto: number[] = [];
      let top: string | undefined;
      eachAncestor(tree, code, role, (p) => {
        top = p;
        const i = innerIndex.get(p);
        if (i !== undefined) rollsInto.push(i);
      });
      chain = { rollsInto, top };
      memo[role].set(parent, chain);
    }
    return { rollsInto: chain.rollsInto, top: chain.top ?? code };
  };
}

function planOf(nodes: readonly Node[], entityType: EntityType | undefined): ReadinessPlan {
  const tree = applicableTree(nodes, entityType);
  const chainOf = ancestorChains(tree);
  const leaves: LeafPlan[] = [];
  const leafIndex = new Map<string, number>();
  for (const node of tree.leaves) {
    const role = roleOf(node);
    const survey = node.method === 'survey';
    if (survey && role !== 'regular') continue;
    const { rollsInto, top } = chainOf(node.code, role);
    // A code listed twice reads the same facts (validation refuses it; the formula stays total).
    let factsAt = leafIndex.get(node.code);
    if (factsAt === undefined) {
      factsAt = leafIndex.size;
      leafIndex.set(node.code, factsAt);
    }
    leaves.push({ node, role, survey, slots: survey ? [] : slotRules(node), rollsInto, top, factsAt });
  }
  const inner = tree.inner.map((node) => ({ node, role: roleOf(node), depth: node.code.split('.').length }));
  return { tree, leaves, leafIndex, inner };
}

// Frameworks are immutable once published: a cycle's entities, snapshots and exports share one plan.
const plans = new WeakMap<readonly Node[], Map<EntityType | undefined, ReadinessPlan>>();

/** Rule 1 and the framework's shape, computed once per framework (node list) and entity type. */
export function readinessPlan(nodes: readonly Node[], entityType?: EntityType): ReadinessPlan {
  let byType = plans.get(nodes);
  if (!byType) {
    byType = new Map();
    plans.set(nodes, byType);
  }
  let plan = byType.get(entityType);
  if (!plan) {
    plan = planOf(nodes, entityType);
    byType.set(entityType, plan);
  }
  return plan;
}
