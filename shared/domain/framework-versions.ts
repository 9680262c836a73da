/**
 * Versions of a framework. A published version is immutable; a new version declares how the previous
 * version's codes map to its own (same / renamed / split / merged / removed). Whatever carries a cycle's data
 * forward (assignments here, evidence and scores elsewhere) translates codes with `codeTranslation`.
 */
import type { FrameworkDocument, FrameworkProblem, MappingKind } from './framework.ts';

export interface Translation {
  kind: MappingKind;
  to: string[];
  /** True when no mapping entry named the code and the rule "present in both ⇒ same, else removed" applied. */
  implicit: boolean;
}

/** Checks a new version's mapping against the previous version (the shape is checked by the schema). */
export function checkMappingAgainst(
  prev: FrameworkDocument | undefined,
  next: FrameworkDocument,
): FrameworkProblem[] {
  const out: FrameworkProblem[] = [];
  if (!next.mapping) return out;
  if (!prev || next.mapping.fromVersion !== prev.version || next.mapping.fromVersion !== next.version - 1) {
    out.push({
      kind: 'mapping_version',
      field: 'mapping.fromVersion',
      message: {
        vi: `Ánh xạ phải đi từ phiên bản liền trước (${next.version - 1}), không phải ${next.mapping.fromVersion}${prev ? '' : ' (chưa có phiên bản đó)'}.`,
        en: `The mapping must start from the previous version (${next.version - 1}), not ${next.mapping.fromVersion}${prev ? '' : ' (that version does not exist)'}.`,
      },
    });
    return out;
  }
  const old = new Set(prev.nodes.map((n) => n.code));
  next.mapping.entries.forEach((e, i) => {
    for (const c of e.from)
      if (!old.has(c))
        out.push({
          kind: 'mapping_unknown_from',
          nodeCode: c,
          field: `mapping.entries.${i}`,
          message: {
            vi: `Ánh xạ ${i + 1}: mã ${c} không có trong phiên bản ${prev.version}.`,
            en: `Mapping ${i + 1}: code ${c} is not in version ${prev.version}.`,
          },
        });
  });
  return out;
}

/** For every code of `prev`, what it becomes in `next`. */
export function codeTranslation(prev: FrameworkDocument, next: FrameworkDocument): Map<string, Translation> {
  const nextCodes = new Set(next.nodes.map((n) => n.code));
  const out = new Map<string, Translation>();
  for (const e of next.mapping?.fromVersion === prev.version ? next.mapping.entries : [])
    for (const c of e.from) out.set(c, { kind: e.kind, to: [...e.to], implicit: false });
  for (const n of prev.nodes)
    if (!out.has(n.code))
      out.set(
        n.code,
        nextCodes.has(n.code)
          ? { kind: 'same', to: [n.code], implicit: true }
          : { kind: 'removed', to: [], implicit: true },
      );
  return out;
}

/** Codes that `prev` has, `next` lacks and no mapping entry names: the preview warns about them. */
export function implicitlyRemoved(prev: FrameworkDocument, next: FrameworkDocument): string[] {
  return [...codeTranslation(prev, next)]
    .filter(([, t]) => t.implicit && t.kind === 'removed')
    .map(([c]) => c);
}

/**
 * Translates codes through a chain of consecutive versions (v1 → v2 → v3). Split codes fan out, merged codes
 * collapse, removed codes are reported with the version that removed them.
 */
export function translateCodes(
  codes: readonly string[],
  chain: readonly FrameworkDocument[],
): { codes: string[]; dropped: { code: string; removedIn: number }[] } {
  let current = codes.map((c) => ({ origin: c, code: c }));
  const dropped: { code: string; removedIn: number }[] = [];
  for (let i = 1; i < chain.length; i++) {
    const t = codeTranslation(chain[i - 1]!, chain[i]!);
    const next: { origin: string; code: string }[] = [];
    for (const { origin, code } of current) {
      const tr = t.get(code);
      if (!tr || tr.to.length === 0) dropped.push({ code: origin, removedIn: chain[i]!.version });
      else for (const to of tr.to) next.push({ origin, code: to });
    }
    current = next;
  }
  return { codes: [...new Set(current.map((c) => c.code))], dropped };
}
