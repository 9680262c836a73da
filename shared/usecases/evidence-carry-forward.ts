/**
 * Carry last year's evidence into a new cycle (docs/evidence.md). Each carried evidence is a new evidence of the
 * new cycle with its own copies of the files (server-side copy to new keys, so purging either cycle never
 * touches the other) and its links translated through the framework mapping, every link awaiting a member's
 * confirmation (PUT …/links/{code}) before it counts. The copies go through finalize like any upload: size,
 * type, SHA-256 and the malware scan are checked again against the new cycle's limits.
 *
 * Idempotent and resumable: a marker per (source cycle, source evidence) in the new partition means a second
 * run skips what was carried (and re-issues copies a first run did not finish); the response's `next`
 * continues a long carry-forward where this call stopped.
 */
import type { Actor } from '../domain/actor.ts';
import { type CarryForwardRequest, type CodeMapping, mapCriterionCodes } from '../domain/carry-forward.ts';
import type { Cycle } from '../domain/cycle.ts';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { applyRevision, type Evidence, type EvidenceRevision } from '../domain/evidence.ts';
import { documentOf, type Framework, type FrameworkDocument } from '../domain/framework.ts';
import { translateCodes } from '../domain/framework-versions.ts';
import { objectKeys } from '../domain/object-keys.ts';
import type {
  Clock,
  CycleRepository,
  EvidenceRepository,
  FrameworkRepository,
  IdGenerator,
  ObjectStore,
} from '../ports.ts';
import { auditEntry, type EntityRef, loadCycleFor, requireOpen } from './evidence-support.ts';
import { authorizeInScope, type ScopeDeps } from './scope.ts';

interface CarryDeps extends ScopeDeps {
  cycles: CycleRepository;
  frameworks: FrameworkRepository;
  evidence: EvidenceRepository;
  store: ObjectStore;
  clock: Clock;
  ids: IdGenerator;
}

export interface CarryForwardResult {
  carried: {
    sourceEvidenceId: string;
    evidenceId: string;
    unconfirmedCodes: string[];
    unmappedCodes: string[];
  }[];
  /** Already carried by an earlier run (unfinished copies re-issued). */
  alreadyCarried: { sourceEvidenceId: string; evidenceId: string }[];
  skipped: { sourceEvidenceId: string; reason: 'no-available-file' | 'no-criterion-in-new-framework' }[];
  next?: string;
}

async function frameworkOf(
  deps: Pick<CarryDeps, 'frameworks'>,
  id: string,
  version: number,
): Promise<Framework> {
  const f = await deps.frameworks.get(id, version);
  if (!f)
    throw new NotFoundError({
      vi: `Không tìm thấy bộ tiêu chí ${id} phiên bản ${version}.`,
      en: `Framework ${id} version ${version} not found.`,
    });
  return f;
}

/** old codes → new codes, through the framework's version chain, an explicit mapping, or identity. */
async function codeTranslator(
  deps: Pick<CarryDeps, 'frameworks'>,
  from: Cycle,
  to: Cycle,
  target: Framework,
  mapping: CodeMapping | undefined,
): Promise<(codes: readonly string[]) => { mapped: string[]; unmapped: string[] }> {
  const takesEvidence = new Set(target.nodes.filter((n) => n.method !== 'survey').map((n) => n.code));
  const sameFramework = from.frameworkId === to.frameworkId && from.frameworkVersion <= to.frameworkVersion;
  if (mapping || !sameFramework) return (codes) => mapCriterionCodes(codes, mapping, takesEvidence);
  const chain: FrameworkDocument[] = [];
  for (let v = from.frameworkVersion; v <= to.frameworkVersion; v++)
    chain.push(documentOf(v === to.frameworkVersion ? target : await frameworkOf(deps, from.frameworkId, v)));
  return (codes) => {
    const t = translateCodes(codes, chain);
    const mapped = t.codes.filter((c) => takesEvidence.has(c));
    const reached = new Set(mapped);
    // An old code is unmapped when none of what it became takes evidence in the new framework.
    const unmapped = codes.filter((c) => !translateCodes([c], chain).codes.some((x) => reached.has(x)));
    return { mapped, unmapped };
  };
}

export async function carryForward(
  deps: CarryDeps,
  actor: Actor,
  ref: EntityRef,
  req: CarryForwardRequest,
): Promise<CarryForwardResult> {
  await authorizeInScope(deps, actor, 'evidence:carry-forward', { entityId: ref.entityId });
  const target = await loadCycleFor(deps, ref);
  requireOpen(target);
  if (req.fromCycleId === ref.cycleId)
    throw new ValidationError([
      {
        field: 'body.fromCycleId',
        message: { vi: 'Hãy chọn một kỳ đánh giá khác kỳ này.', en: 'Choose a cycle other than this one.' },
      },
    ]);
  const source = await loadCycleFor(deps, { cycleId: req.fromCycleId, entityId: ref.entityId });
  const targetFramework = await frameworkOf(deps, target.frameworkId, target.frameworkVersion);
  const translate = await codeTranslator(deps, source, target, targetFramework, req.mapping);

  const page = await deps.evidence.search(
    { cycleId: source.cycleId, entityId: ref.entityId, deleted: 'exclude' },
    req.limit,
    req.cursor,
  );
  const result: CarryForwardResult = { carried: [], alreadyCarried: [], skipped: [], next: page.next };
  // A few evidence at a time: each is a transaction and server-side copies, well inside the API's time limit.
  const outcomes = await mapLimit(page.items, CONCURRENCY, async (src) => {
    const existing = await deps.evidence.findCarried(
      ref.cycleId,
      ref.entityId,
      source.cycleId,
      src.evidenceId,
    );
    if (existing) {
      await resumeCopies(deps, { ...ref, evidenceId: existing });
      return { already: { sourceEvidenceId: src.evidenceId, evidenceId: existing } };
    }
    if (!src.files.some((f) => f.current))
      return { skipped: { sourceEvidenceId: src.evidenceId, reason: 'no-available-file' as const } };
    const { mapped, unmapped } = translate(src.criterionCodes);
    if (mapped.length === 0)
      return {
        skipped: { sourceEvidenceId: src.evidenceId, reason: 'no-criterion-in-new-framework' as const },
      };
    const carried = await carryOne(deps, actor, ref, src, mapped, unmapped);
    if (carried) return { carried };
    const id = await deps.evidence.findCarried(ref.cycleId, ref.entityId, source.cycleId, src.evidenceId);
    return id ? { already: { sourceEvidenceId: src.evidenceId, evidenceId: id } } : {};
  });
  for (const o of outcomes) {
    if (o.carried) result.carried.push(o.carried);
    if (o.already) result.alreadyCarried.push(o.already);
    if (o.skipped) result.skipped.push(o.skipped);
  }
  return result;
}

const CONCURRENCY = 4;

/** `fn` over `items`, at most `n` at a time, results in input order. */
async function mapLimit<T, R>(items: readonly T[], n: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}

async function carryOne(
  deps: CarryDeps,
  actor: Actor,
  ref: EntityRef,
  src: Evidence,
  mapped: string[],
  unmapped: string[],
): Promise<CarryForwardResult['carried'][number] | undefined> {
  const now = deps.clock.now().toISOString();
  const evidenceId = deps.ids.next();
  const revisions: EvidenceRevision[] = [];
  for (const f of src.files) {
    if (!f.current) continue;
    const from = await deps.evidence.getRevision({ ...src, fileId: f.fileId, revision: f.current.revision });
    if (from?.state !== 'available') continue;
    const fileId = deps.ids.next();
    revisions.push({
      cycleId: ref.cycleId,
      entityId: ref.entityId,
      evidenceId,
      fileId,
      revision: 1,
      fileName: from.fileName,
      kind: from.kind,
      declaredContentType: from.declaredContentType,
      declaredSizeBytes: from.sizeBytes ?? from.declaredSizeBytes,
      declaredSha256: from.sha256,
      objectKey: objectKeys.evidenceFile({ ...ref, evidenceId, fileId, revision: 1 }),
      upload: { mode: 'copy', sourceKey: from.objectKey },
      state: 'pending_upload',
      uploadedBy: from.uploadedBy,
      createdAt: now,
      version: 1,
    });
  }
  if (revisions.length === 0) return undefined;
  let evidence: Evidence = {
    evidenceId,
    cycleId: ref.cycleId,
    entityId: ref.entityId,
    unitId: src.unitId,
    criterionCodes: [],
    unconfirmedCodes: mapped,
    title: src.title,
    documentNumber: src.documentNumber,
    documentType: src.documentType,
    issueDate: src.issueDate,
    effectivePeriod: src.effectivePeriod,
    issuer: src.issuer,
    note: src.note,
    state: 'pending_upload',
    files: [],
    carriedFrom: { cycleId: src.cycleId, evidenceId: src.evidenceId },
    uploadedBy: src.uploadedBy,
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
  for (const r of revisions) evidence = applyRevision(evidence, r, now);
  evidence = { ...evidence, version: 1 };
  try {
    await deps.evidence.save({
      evidence,
      revisions: revisions.map((revision) => ({ revision })),
      putLinks: mapped.map((criterionCode) => ({
        evidenceId,
        criterionCode,
        needsConfirmation: true,
        linkedBy: actor.userId,
        linkedAt: now,
      })),
      carryMarker: { fromCycleId: src.cycleId, sourceEvidenceId: src.evidenceId },
      audit: auditEntry(
        deps,
        now,
        actor,
        'evidence.carried-forward',
        evidenceId,
        {
          cycleId: src.cycleId,
          evidenceId: src.evidenceId,
          criterionCodes: src.criterionCodes,
        },
        { unconfirmedCodes: mapped, unmappedCodes: unmapped, files: revisions.length },
      ),
    });
  } catch (e) {
    // A concurrent run carried it first (the marker exists): not an error.
    if (e instanceof ConflictError) return undefined;
    throw e;
  }
  for (const r of revisions)
    if (r.upload.mode === 'copy') await deps.store.copy(r.upload.sourceKey, r.objectKey);
  return { sourceEvidenceId: src.evidenceId, evidenceId, unconfirmedCodes: mapped, unmappedCodes: unmapped };
}

/** Copies an earlier run wrote down but may not have made (a crash between the write and the copy). */
async function resumeCopies(deps: CarryDeps, ref: EntityRef & { evidenceId: string }): Promise<void> {
  const revisions = await deps.evidence.listRevisions(ref.cycleId, ref.entityId, ref.evidenceId);
  for (const r of revisions)
    if (r.upload.mode === 'copy' && r.state === 'pending_upload' && !(await deps.store.head(r.objectKey)))
      await deps.store.copy(r.upload.sourceKey, r.objectKey);
}
