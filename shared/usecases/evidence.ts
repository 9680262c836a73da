import { createHash } from 'node:crypto';
import type { Actor } from '../domain/actor.ts';
import type { Cycle } from '../domain/cycle.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import {
  canonicalMime,
  checkUploadAgainstLimits,
  type Evidence,
  type UploadRequest,
} from '../domain/evidence.ts';
import { bytesMatchKind, type SniffedFamily, sniff } from '../domain/file-types.ts';
import { type Framework, findNode } from '../domain/framework.ts';
import { objectKeys } from '../domain/object-keys.ts';
import { authorize } from '../domain/policy.ts';
import type {
  Clock,
  CycleRepository,
  EvidenceRepository,
  FrameworkRepository,
  IdGenerator,
  ObjectStore,
  Page,
  PresignedUpload,
} from '../ports.ts';
import { cycleNotFound } from './cycles.ts';

export interface CriterionRef {
  cycleId: string;
  entityId: string;
  criterionCode: string;
}

/** Loads the cycle and framework and checks the entity and criterion belong to them. */
async function loadCriterion(
  deps: { cycles: CycleRepository; frameworks: FrameworkRepository },
  ref: CriterionRef,
): Promise<{ cycle: Cycle; framework: Framework }> {
  const cycle = await deps.cycles.get(ref.cycleId);
  if (!cycle) throw cycleNotFound(ref.cycleId);
  if (!cycle.entityIds.includes(ref.entityId))
    throw new NotFoundError({
      vi: `Đơn vị "${ref.entityId}" không thuộc kỳ đánh giá này.`,
      en: `Entity "${ref.entityId}" is not assessed in this cycle.`,
    });
  const framework = await deps.frameworks.get(cycle.frameworkId, cycle.frameworkVersion);
  const node = framework && findNode(framework, ref.criterionCode);
  if (!framework || !node)
    throw new NotFoundError({
      vi: `Không có tiêu chí "${ref.criterionCode}" trong bộ tiêu chí của kỳ này.`,
      en: `Criterion "${ref.criterionCode}" is not in this cycle's framework.`,
    });
  return { cycle, framework };
}

export interface UploadTicket {
  evidence: Evidence;
  upload: PresignedUpload;
}

export async function requestUpload(
  deps: {
    cycles: CycleRepository;
    frameworks: FrameworkRepository;
    evidence: EvidenceRepository;
    store: ObjectStore;
    clock: Clock;
    ids: IdGenerator;
    uploadUrlTtlSeconds: number;
  },
  actor: Actor,
  ref: CriterionRef,
  req: UploadRequest,
): Promise<UploadTicket> {
  authorize(actor, 'evidence:upload', { entityId: ref.entityId });
  const { cycle, framework } = await loadCriterion(deps, ref);
  const node = findNode(framework, ref.criterionCode)!;
  if (node.method === 'survey')
    throw new ValidationError([
      {
        field: 'path.criterionCode',
        message: {
          vi: 'Tiêu chí này lấy điểm từ điều tra xã hội học, không nộp tài liệu kiểm chứng.',
          en: 'This criterion is scored by survey; it takes no evidence files.',
        },
      },
    ]);
  if (cycle.status !== 'open')
    throw new ValidationError([
      { field: 'path.cycleId', message: { vi: 'Kỳ đánh giá đã đóng.', en: 'This cycle is closed.' } },
    ]);
  const checked = checkUploadAgainstLimits(req, cycle.uploadLimits);
  if ('issues' in checked) throw new ValidationError(checked.issues);

  const evidenceId = deps.ids.next();
  const now = deps.clock.now().toISOString();
  const contentType = canonicalMime(checked.kind);
  const evidence: Evidence = {
    evidenceId,
    cycleId: ref.cycleId,
    entityId: ref.entityId,
    unitId: actor.unitId,
    criterionCodes: [ref.criterionCode],
    title: req.title ?? req.fileName,
    // Without a stated type, a file fills the criterion's first slot: the common case of one required document.
    documentType: req.documentType ?? node.slots[0]?.kind,
    fileName: req.fileName,
    declaredContentType: contentType,
    declaredSizeBytes: req.sizeBytes,
    kind: checked.kind,
    objectKey: objectKeys.evidenceFile(ref.cycleId, ref.entityId, evidenceId),
    state: 'pending_upload',
    uploadedBy: actor.userId,
    createdAt: now,
    version: 1,
  };
  await deps.evidence.createPending(evidence, {
    auditId: deps.ids.next(),
    at: now,
    actor: { userId: actor.userId, role: actor.role },
    action: 'evidence.upload-requested',
    subject: `evidence/${evidenceId}`,
    after: evidence,
  });
  const upload = await deps.store.presignPut(
    evidence.objectKey,
    contentType,
    req.sizeBytes,
    deps.uploadUrlTtlSeconds,
  );
  return { evidence, upload };
}

export async function listEvidence(
  deps: { cycles: CycleRepository; frameworks: FrameworkRepository; evidence: EvidenceRepository },
  actor: Actor,
  ref: CriterionRef,
  limit: number,
  cursor?: string,
): Promise<Page<Evidence>> {
  authorize(actor, 'evidence:read', { entityId: ref.entityId });
  await loadCriterion(deps, ref);
  return deps.evidence.listByCriterion(ref.cycleId, ref.entityId, ref.criterionCode, limit, cursor);
}

export interface ObjectFacts {
  sizeBytes: number;
  sha256: string;
  family: SniffedFamily;
}

const HEAD_BYTES = 16;

/** Reads the object once as a stream: size, SHA-256 and the first bytes, in bounded memory. */
export async function inspectObject(body: AsyncIterable<Uint8Array>): Promise<ObjectFacts> {
  const hash = createHash('sha256');
  const head = new Uint8Array(HEAD_BYTES);
  let headLen = 0;
  let size = 0;
  for await (const chunk of body) {
    if (headLen < HEAD_BYTES) {
      const take = chunk.subarray(0, HEAD_BYTES - headLen);
      head.set(take, headLen);
      headLen += take.length;
    }
    hash.update(chunk);
    size += chunk.length;
  }
  return { sizeBytes: size, sha256: hash.digest('hex'), family: sniff(head.subarray(0, headLen)) };
}

export type FinalizeOutcome = 'available' | 'quarantined' | 'already-finalized' | 'unknown-object' | 'gone';

/**
 * Runs on every object-created event. Idempotent: a second delivery of the same object finds the evidence
 * no longer pending and changes nothing; an event for a key we never issued is ignored.
 */
export async function finalizeUpload(
  deps: { evidence: EvidenceRepository; store: ObjectStore; clock: Clock; ids: IdGenerator },
  objectKey: string,
): Promise<FinalizeOutcome> {
  const ids = objectKeys.parseEvidenceFile(objectKey);
  if (!ids) return 'unknown-object';
  const ev = await deps.evidence.get(ids.cycleId, ids.entityId, ids.evidenceId);
  if (!ev) return 'unknown-object';
  if (ev.state !== 'pending_upload') return 'already-finalized';

  const head = await deps.store.head(objectKey);
  if (!head) return 'gone';
  const facts = await inspectObject(await deps.store.stream(objectKey));

  let reason: Evidence['quarantineReason'];
  if (facts.sizeBytes === 0) {
    reason = { vi: 'Tệp rỗng (0 byte).', en: 'The file is empty (0 bytes).' };
  } else if (facts.sizeBytes !== ev.declaredSizeBytes) {
    reason = {
      vi: `Kích thước tệp (${facts.sizeBytes} byte) khác với kích thước đã khai báo (${ev.declaredSizeBytes} byte).`,
      en: `The file size (${facts.sizeBytes} bytes) differs from the declared size (${ev.declaredSizeBytes} bytes).`,
    };
  } else if (!bytesMatchKind(facts.family, ev.kind)) {
    reason = {
      vi: `Nội dung tệp không phải là ${ev.kind.toUpperCase()} như tên/loại tệp khai báo.`,
      en: `The file's content is not the ${ev.kind.toUpperCase()} its name and type claim.`,
    };
  }
  const now = deps.clock.now().toISOString();
  const next: Evidence = {
    ...ev,
    state: reason ? 'quarantined' : 'available',
    quarantineReason: reason,
    sizeBytes: facts.sizeBytes,
    sha256: facts.sha256,
    sniffedType: facts.family,
    finalizedAt: now,
    version: ev.version + 1,
  };
  const written = await deps.evidence.finalize(next, ev.version, {
    auditId: deps.ids.next(),
    at: now,
    actor: { userId: 'system:finalize', role: 'admin' },
    action: reason ? 'evidence.quarantined' : 'evidence.available',
    subject: `evidence/${ev.evidenceId}`,
    before: { state: ev.state },
    after: { state: next.state, sha256: next.sha256, sizeBytes: next.sizeBytes, reason },
  });
  if (!written) return 'already-finalized';
  return next.state as 'available' | 'quarantined';
}
