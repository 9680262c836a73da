/** What each evidence operation writes, as kernel writes (one transaction per change; purge in batches). */
import type { Evidence, EvidenceRevision } from '#domain/evidence.ts';
import type { EvidenceChange } from '#ports.ts';
import {
  carryItem,
  evidenceItem,
  linkItem,
  revisionItem,
  revisionKey,
  shaItem,
} from './descriptors/evidence.ts';
import type { Key } from './kernel/descriptor.ts';
import { batches, type Write } from './kernel/write.ts';
import * as keys from './keys.ts';

/**
 * A change: the evidence at its version (new: absent), each revision at its expected version and state (new:
 * absent), links put or deleted, SHA index entries, the carry-forward marker (once per target).
 */
export function changeWrites(change: EvidenceChange): Write[] {
  const ev = change.evidence;
  return [
    {
      put: evidenceItem.toItem(ev),
      when: change.expectedVersion === undefined ? { absent: true } : { version: change.expectedVersion },
    },
    ...(change.revisions ?? []).map(
      ({ revision, expected }): Write => ({
        put: revisionItem.toItem(revision),
        when: expected ? { version: expected.version, equals: { state: expected.state } } : { absent: true },
      }),
    ),
    ...(change.putLinks ?? []).map((link): Write => ({ put: linkItem.toItem({ at: ev, link }) })),
    ...(change.deleteLinks ?? []).map(
      (code): Write => ({ delete: keys.evidenceLink(ev.cycleId, ev.entityId, code, ev.evidenceId) }),
    ),
    ...(change.shaIndex ?? []).map((s): Write => ({ put: shaItem.toItem({ at: ev, ...s }) })),
    ...(change.carryMarker
      ? [{ put: carryItem.toItem({ at: ev, ...change.carryMarker }), when: { absent: true } } as Write]
      : []),
  ];
}

/** Every item of an evidence but the evidence and its audit entries: revisions, links, index entries. */
function childKeys(ev: Evidence, revisions: readonly EvidenceRevision[]): Key[] {
  const codes = [...new Set([...ev.criterionCodes, ...ev.unconfirmedCodes])];
  const shas = [...new Set(revisions.map((r) => r.sha256).filter((s): s is string => !!s))];
  return [
    ...revisions.map(revisionKey),
    ...codes.map((code) => keys.evidenceLink(ev.cycleId, ev.entityId, code, ev.evidenceId)),
    ...shas.map((sha) => keys.evidenceSha(ev.cycleId, ev.entityId, sha, ev.evidenceId)),
    ...(ev.carriedFrom
      ? [keys.evidenceCarry(ev.cycleId, ev.entityId, ev.carriedFrom.cycleId, ev.carriedFrom.evidenceId)]
      : []),
  ];
}

/**
 * The purge's transactions: every one re-checks that the evidence is still the binned one the admin
 * confirmed (a condition check), the last deletes the evidence itself; the caller adds the audit entry to
 * the last. Each transaction leaves room for the check (or the evidence's delete) and the audit entry.
 */
export function purgeTransactions(ev: Evidence, revisions: readonly EvidenceRevision[]): Write[][] {
  const evidenceKey = keys.evidence(ev.cycleId, ev.entityId, ev.evidenceId);
  const stillBinned = { version: ev.version, exists: ['deletedAt'] };
  const chunks = batches(childKeys(ev, revisions), () => 1, 2);
  if (!chunks.length) chunks.push([]);
  return chunks.map((chunk, i) => [
    i === chunks.length - 1
      ? { delete: evidenceKey, when: stillBinned }
      : { check: evidenceKey, when: stillBinned },
    ...chunk.map((key): Write => ({ delete: key })),
  ]);
}
