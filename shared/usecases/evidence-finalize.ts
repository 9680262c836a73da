/**
 * What happens after the bytes land: finalize (S3 object-created event) and, in AWS, the GuardDuty scan
 * result (EventBridge). Both are idempotent and order-independent: a second delivery changes nothing, a
 * scan result that beats finalize is recorded and used by finalize, events for one evidence's files in any
 * order fold into the same state.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_UPLOAD_LIMITS } from '#domain/cycle.ts';
import { ConflictError } from '#domain/errors.ts';
import {
  applyRevision,
  type Evidence,
  type EvidenceRevision,
  type ObjectFacts,
  quarantineReasonFor,
  settleRevision,
} from '#domain/evidence.ts';
import { bytesMatchKind, contentSniffer } from '#domain/file-types.ts';
import { type ScanVerdict, type StreamingScan, worstVerdict } from '#domain/malware.ts';
import { objectKeys } from '#domain/object-keys.ts';
import type {
  Clock,
  CycleRepository,
  EvidenceChange,
  EvidenceRepository,
  IdGenerator,
  MalwareScanner,
  ObjectStore,
} from '#ports.ts';
import { auditEntry, findDuplicate, SYSTEM, withRetries } from './evidence-support.ts';

/**
 * Reads the object once as a stream: size, SHA-256, what the bytes are (magic numbers, ZIP entry names, the
 * OLE root's CLSID: `contentSniffer`) and (inline scanners) a malware verdict, in bounded memory whatever the
 * size. Hashing stays on this thread: a worker thread would cost a second V8 isolate (~60 MB) and gains
 * nothing on a Lambda with less than two vCPUs (bench/finalize.ts measured it).
 */
export async function inspectObject(
  body: AsyncIterable<Uint8Array>,
  scan?: StreamingScan,
): Promise<ObjectFacts & { scan?: ScanVerdict }> {
  const hash = createHash('sha256');
  const sniffer = contentSniffer();
  let size = 0;
  for await (const chunk of body) {
    sniffer.update(chunk);
    hash.update(chunk);
    scan?.update(chunk);
    size += chunk.length;
  }
  return {
    sizeBytes: size,
    sha256: hash.digest('hex'),
    sniffed: sniffer.result(),
    scan: scan?.verdict(),
  };
}

export type FinalizeOutcome =
  | 'available'
  | 'quarantined'
  | 'scanning'
  | 'already-finalized'
  | 'unknown-object'
  | 'gone';

interface FinalizeDeps {
  evidence: EvidenceRepository;
  cycles: CycleRepository;
  store: ObjectStore;
  scanner: MalwareScanner;
  clock: Clock;
  ids: IdGenerator;
}

/**
 * Writes a revision's settled state together with its evidence (re-derived), the SHA-256 index entry and
 * the duplicate hint, conditional on both versions; retried by the caller on a conflict.
 */
async function commitRevision(
  deps: Pick<FinalizeDeps, 'evidence' | 'clock' | 'ids'>,
  current: EvidenceRevision,
  next: EvidenceRevision,
  actor: string,
): Promise<void> {
  const ev = await deps.evidence.get(current.cycleId, current.entityId, current.evidenceId);
  if (!ev) throw new Error(`evidence ${current.evidenceId} vanished while finalizing`);
  const now = deps.clock.now().toISOString();
  let evidence: Evidence = applyRevision(ev, next, now);
  const change: Partial<EvidenceChange> = {};
  if (next.state === 'available' && next.sha256) {
    change.shaIndex = [{ sha256: next.sha256, fileId: next.fileId, revision: next.revision }];
    if (!ev.duplicateOf) {
      const dup = await findDuplicate(deps, ev, next.sha256, ev.evidenceId);
      if (dup) evidence = { ...evidence, duplicateOf: { evidenceId: dup.evidenceId, title: dup.title } };
    }
  }
  await deps.evidence.save({
    ...change,
    evidence,
    expectedVersion: ev.version,
    revisions: [{ revision: next, expected: { version: current.version, state: current.state } }],
    audit: auditEntry(
      deps,
      now,
      SYSTEM(actor),
      next.state === 'available'
        ? 'evidence.file-available'
        : next.state === 'quarantined'
          ? 'evidence.file-quarantined'
          : 'evidence.file-scanning',
      ev.evidenceId,
      { fileId: next.fileId, revision: next.revision, state: current.state },
      {
        fileId: next.fileId,
        revision: next.revision,
        state: next.state,
        sha256: next.sha256,
        sizeBytes: next.sizeBytes,
        sniffedType: next.sniffedType,
        scan: next.scan,
        reason: next.quarantineReason,
        duplicateOf: evidence.duplicateOf,
      },
    ),
  });
}

/**
 * Runs on every object-created event (S3 notification in AWS, s3rver's event locally). Idempotent: only a
 * `pending_upload` revision is finalized, under a condition on its version; an event for a key we never
 * issued is ignored.
 */
export async function finalizeUpload(deps: FinalizeDeps, objectKey: string): Promise<FinalizeOutcome> {
  const ref = objectKeys.parseEvidenceFile(objectKey);
  if (!ref) return 'unknown-object';
  const first = await deps.evidence.getRevision(ref);
  if (!first) return 'unknown-object';
  if (first.state !== 'pending_upload') return 'already-finalized';

  const head = await deps.store.head(objectKey);
  if (!head) return 'gone';
  const cycle = await deps.cycles.get(ref.cycleId);
  const limits = cycle?.uploadLimits ?? DEFAULT_UPLOAD_LIMITS;
  const facts = await inspectObject(await deps.store.stream(objectKey), deps.scanner.inline?.());
  const check = quarantineReasonFor(first, facts, limits, bytesMatchKind);

  let current = first;
  return withRetries(6, async (attempt) => {
    if (attempt > 1) {
      const again = await deps.evidence.getRevision(ref);
      if (again?.state !== 'pending_upload') return 'already-finalized' as const;
      current = again;
    }
    // Inline verdicts come with the bytes; an out-of-band one may already be recorded (its event beat this
    // one) or tagged on the object; otherwise it comes later. Several verdicts: the most severe stands.
    // The tag is looked up even when a check failed: malware found is the reason the user must see.
    const known = worstVerdict(facts.scan, current.scan);
    const verdict = known ?? (await deps.scanner.lookup?.(objectKey));
    const settled = settleRevision(check, verdict);
    const now = deps.clock.now().toISOString();
    const next: EvidenceRevision = {
      ...current,
      state: settled.state,
      quarantineReason: settled.reason,
      sizeBytes: facts.sizeBytes,
      sha256: facts.sha256,
      sniffedType: facts.sniffed,
      scan: verdict ? { at: now, ...verdict } : undefined,
      finalizedAt: now,
      version: current.version + 1,
    };
    await commitRevision(deps, current, next, 'finalize');
    return settled.state as 'available' | 'quarantined' | 'scanning';
  });
}

export type ScanOutcome = 'available' | 'quarantined' | 'recorded' | 'already-final' | 'unknown-object';

/**
 * A malware verdict that arrives on its own (GuardDuty's EventBridge event). A revision waiting in
 * `scanning` settles; one not finalized yet keeps the verdict for finalize; one already quarantined for
 * another reason (its type, say) takes malware found as its reason; anything else is left alone.
 */
export async function applyScanResult(
  deps: Pick<FinalizeDeps, 'evidence' | 'clock' | 'ids'>,
  objectKey: string,
  verdict: ScanVerdict,
): Promise<ScanOutcome> {
  const ref = objectKeys.parseEvidenceFile(objectKey);
  if (!ref) return 'unknown-object';
  return withRetries(6, async () => {
    const current = await deps.evidence.getRevision(ref);
    if (!current) return 'unknown-object' as const;
    const now = deps.clock.now().toISOString();
    const scan = { at: now, ...verdict };
    if (current.state === 'pending_upload') {
      const recorded = await deps.evidence.recordScan(
        { ...current, scan, version: current.version + 1 },
        current.version,
      );
      if (recorded) return 'recorded' as const;
      // Finalize moved the revision on meanwhile: look again.
      throw new ConflictError({ vi: 'Phiên bản vừa thay đổi.', en: 'The revision changed meanwhile.' });
    }
    const relabel =
      current.state === 'quarantined' && verdict.status === 'infected' && current.scan?.status !== 'infected';
    if (current.state !== 'scanning' && !relabel) return 'already-final' as const;
    const settled = settleRevision(undefined, verdict);
    const next: EvidenceRevision = {
      ...current,
      state: settled.state,
      quarantineReason: settled.reason,
      scan,
      version: current.version + 1,
    };
    await commitRevision(deps, current, next, 'malware-scan');
    return settled.state as 'available' | 'quarantined';
  });
}
