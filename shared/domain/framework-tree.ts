/**
 * Reading a framework's tree by its codes (docs/frameworks.md, "The model"): a node's parent is its code
 * without the last part, leaves are the scored criteria, and applicability narrows down the tree.
 */

import type { NodeRole } from './framework-schema.ts';
import type { EntityType } from './organization.ts';

export const parentCode = (code: string): string | undefined =>
  code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : undefined;

export const compareCodes = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

export const roleOf = (n: { role?: string }): NodeRole => (n.role as NodeRole | undefined) ?? 'regular';

/** Leaves are the criteria that get scored; a node is a leaf when no other node's code extends it. */
export function leaves<N extends { code: string }>(nodes: readonly N[]): N[] {
  const codes = nodes.map((n) => n.code);
  return nodes.filter((n) => !codes.some((c) => c.startsWith(`${n.code}.`)));
}

export function findNode<N extends { code: string }>(
  framework: { nodes: readonly N[] },
  code: string,
): N | undefined {
  return framework.nodes.find((n) => n.code === code);
}

/** Nodes that apply to an entity type: a node is dropped when it or any ancestor excludes the type. */
export function applicableNodes<N extends { code: string; appliesTo?: readonly string[] }>(
  nodes: readonly N[],
  type: EntityType,
): N[] {
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const applies = (code: string | undefined): boolean => {
    if (code === undefined) return true;
    const n = byCode.get(code);
    if (n?.appliesTo && n.appliesTo.length > 0 && !n.appliesTo.includes(type)) return false;
    return applies(parentCode(code));
  };
  return nodes.filter((n) => applies(n.code));
}
