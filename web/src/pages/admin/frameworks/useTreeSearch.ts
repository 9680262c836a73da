/**
 * The framework tree's search and expansion: the search ignores diacritics and đ and keeps each match with
 * its path; while searching every branch is open, otherwise the areas start open and the user's choice holds.
 */
import { useMemo, useState } from 'react';
import { fold } from '../../../i18n/format.ts';
import { branchCodes, buildTree, type TreeRow } from './model.ts';

/** How many rows a tree shows, its nested rows included. */
function countRows<N>(rows: readonly TreeRow<N>[]): number {
  return rows.reduce((n, r) => n + 1 + (r.children ? countRows(r.children) : 0), 0);
}

export function useTreeSearch<N extends { code: string; title: string; searchText?: string }>(
  nodes: readonly N[],
) {
  const [query, setQuery] = useState('');
  const q = query.trim();
  const rows = useMemo(() => {
    const f = fold(q);
    return buildTree(
      nodes,
      f ? (n) => fold(`${n.code} ${n.title} ${n.searchText ?? ''}`).includes(f) : undefined,
    );
  }, [nodes, q]);
  const all = useMemo(() => branchCodes(rows), [rows]);
  const topLevel = useMemo(() => rows.map((r) => r.key), [rows]);
  const [expanded, setExpanded] = useState<readonly string[] | undefined>(undefined);
  const count = useMemo(() => countRows(rows), [rows]);
  return {
    query,
    setQuery,
    searching: Boolean(q),
    rows,
    count,
    expandedKeys: q ? all : (expanded ?? topLevel),
    setExpanded,
    expandAll: () => setExpanded(all),
    collapseAll: () => setExpanded([]),
  };
}
