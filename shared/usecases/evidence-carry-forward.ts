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
 *
 * The copies fit the API's time limit (docs/operations.md): the request makes the small ones itself, several at
 * a time and only while it is young (REQUEST_COPIES), and hands the rest (large files, what is left when time
 * runs short, what failed) to a background run; the response's `copying` counts those.
 */
import type { Actor } from '#domain/actor.ts';
import { type CarryForwardRequest, type CodeMapping, mapCriterionCodes } from '#domain/carry-forward.ts';
import type { Cycle } from '#domain/cycle.ts';
import { ConflictError, NotFoundError, ValidationError } from '#domain/errors.ts';
import { applyRevision, type Evidence, type EvidenceRevision } from '#domain/evidence.ts';
import { documentOf, type Framework, type FrameworkDocument } from '#domain/framework.ts';
import { translateCodes } from '#domain/framework-versions.ts';
import { objectKeys } from '#domain/object-keys.ts';
import type {
  CarryCopyRunner,
  Clock,
  CycleRepository,
  EvidenceRepository,
  FrameworkRepository,
  IdGenerator,
  ObjectStore,
} from '#ports.ts';
import { mapLimit, type PendingCopy, pendingCopy, REQUEST_COPIES, runCopies } from './carried-copies.ts';
import { auditEntry, type EntityRef, loadCycleFor, requireOpen } from './evidence-support.ts';
import { authorizeInScope, type ScopeDeps } from './scope.ts';

interface CarryDeps extends ScopeDeps {
  cycles: CycleRepository;
  frameworks: FrameworkRepository;
  evidence: EvidenceRepository;
  store: ObjectStore;
  clock: Clock;
  ids: IdGenerator;
  /** Where copies the request leaves go; without it the scheduled redrive makes them. */
  copies?: CarryCopyRunner;
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
  /** Files whose copy continues in the background; their evidence stays pending until the copy lands. */
  copying: number;
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

/** The cycle carried into (open) and the one carried from (another cycle that assesses the entity). */
async function loadCycles(deps: CarryDeps, ref: EntityRef, fromCycleId: string) {
  const target = await loadCycleFor(deps, ref);
  requireOpen(target);
  if (fromCycleId === ref.cycleId)
    throw new ValidationError([
      {
        field: 'body.fromCycleId',
        message: { vi: 'Hãy chọn một kỳ đánh giá khác kỳ này.', en: 'Choose a cycle other than this one.' },
      },
    ]);
  const source = await loadCycleFor(deps, { cycleId: fromCycleId, entityId: ref.entityId });
  return { target, source };
}

type Translate = Awaited<ReturnType<typeof codeTranslator>>;

/**
 * One source evidence: already carried (its unfinished copies re-issued), skipped (no available file, or no
 * criterion left in the new framework), or carried now.
 */
async function carryOrSkip(
  deps: CarryDeps,
  actor: Actor,
  ref: EntityRef,
  from: { source: Cycle; translate: Translate },
  src: Evidence,
): Promise<Outcome> {
  const { source, translate } = from;
  const existing = await deps.evidence.findCarried(ref.cycleId, ref.entityId, source.cycleId, src.evidenceId);
  if (existing) {
    const copies = await unfinishedCopies(deps, { ...ref, evidenceId: existing });
    return { already: { sourceEvidenceId: src.evidenceId, evidenceId: existing }, copies };
  }
  if (!src.files.some((f) => f.current))
    return { skipped: { sourceEvidenceId: src.evidenceId, reason: 'no-available-file' as const } };
  const { mapped, unmapped } = translate(src.criterionCodes);
  if (mapped.length === 0)
    return {
      skipped: { sourceEvidenceId: src.evidenceId, reason: 'no-criterion-in-new-framework' as const },
    };
  const carried = await carryOne(deps, actor, ref, src, mapped, unmapped);
  if (carried) return carried;
  const id = await deps.evidence.findCarried(ref.cycleId, ref.entityId, source.cycleId, src.evidenceId);
  return id ? { already: { sourceEvidenceId: src.evidenceId, evidenceId: id } } : {};
}

/**
 * Makes the small copies in this request while it is young; the rest go to the background run. Returns how
 * many were left for it.
 */
async function makeCopies(
  deps: CarryDeps,
  ref: EntityRef,
  copies: PendingCopy[],
  startedAt: number,
): Promise<number> {
  const run = await runCopies(deps.store, copies, {
    concurrency: REQUEST_COPIES.concurrency,
    canStart: (c) =>
      c.sizeBytes <= REQUEST_COPIES.maxBytes &&
      deps.clock.now().getTime() - startedAt < REQUEST_COPIES.budgetMs,
    failures: 'defer',
  });
  if (run.deferred.length && deps.copies) {
    const evidenceIds = [...new Set(run.deferred.map((c) => c.evidenceId))];
    // Not started (Lambda refused the invocation): the scheduled redrive makes these copies after its grace
    // period, so the carry-forward itself, already written, still succeeds.
    await deps.copies.start({ ...ref, evidenceIds }).catch(() => undefined);
  }
  return run.deferred.length;
}

export async function carryForward(
  deps: CarryDeps,
  actor: Actor,
  ref: EntityRef,
  req: CarryForwardRequest,
): Promise<CarryForwardResult> {
  const startedAt = deps.clock.now().getTime();
  await authorizeInScope(deps, actor, 'evidence:carry-forward', { entityId: ref.entityId });
  const { target, source } = await loadCycles(deps, ref, req.fromCycleId);
  const targetFramework = await frameworkOf(deps, target.frameworkId, target.frameworkVersion);
  const translate = await codeTranslator(deps, source, target, targetFramework, req.mapping);

  const page = await deps.evidence.search(
    { cycleId: source.cycleId, entityId: ref.entityId, deleted: 'exclude' },
    req.limit,
    req.cursor,
  );
  const result: CarryForwardResult = {
    carried: [],
    alreadyCarried: [],
    skipped: [],
    copying: 0,
    next: page.next,
  };
  // A few evidence at a time: reads and one transaction each; the copies come after, all together.
  const outcomes = await mapLimit(page.items, CONCURRENCY, (src) =>
    carryOrSkip(deps, actor, ref, { source, translate }, src),
  );
  const copies: PendingCopy[] = [];
  for (const o of outcomes) {
    if (o.carried) result.carried.push(o.carried);
    if (o.already) result.alreadyCarried.push(o.already);
    if (o.skipped) result.skipped.push(o.skipped);
    if (o.copies) copies.push(...o.copies);
  }
  result.copying = await makeCopies(deps, ref, copies, startedAt);
  return result;
}

const CONCURRENCY = 4;

/** What became of one source evidence, and the copies it still needs. */
interface Outcome {
  carried?: CarryForwardResult['carried'][number];
  already?: CarryForwardResult['alreadyCarried'][number];
  skipped?: CarryForwardResult['skipped'][number];
  copies?: PendingCopy[];
}

/** A first revision in the new cycle for each available current file, to be copied to a fresh key. */
async function copiedRevisions(
  deps: CarryDeps,
  ref: EntityRef,
  src: Evidence,
  evidenceId: string,
  now: string,
): Promise<EvidenceRevision[]> {
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
  return revisions;
}

/** The new evidence: the source's description, its links all unconfirmed, its files pending their copies. */
function carriedEvidence(
  ref: EntityRef,
  src: Evidence,
  evidenceId: string,
  mapped: string[],
  revisions: readonly EvidenceRevision[],
  now: string,
): Evidence {
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
  return { ...evidence, version: 1 };
}

async function carryOne(
  deps: CarryDeps,
  actor: Actor,
  ref: EntityRef,
  src: Evidence,
  mapped: string[],
  unmapped: string[],
): Promise<{ carried: CarryForwardResult['carried'][number]; copies: PendingCopy[] } | undefined> {
  const now = deps.clock.now().toISOString();
  const evidenceId = deps.ids.next();
  const revisions = await copiedRevisions(deps, ref, src, evidenceId, now);
  if (revisions.length === 0) return undefined;
  const evidence = carriedEvidence(ref, src, evidenceId, mapped, revisions, now);
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
  return {
    carried: {
      sourceEvidenceId: src.evidenceId,
      evidenceId,
      unconfirmedCodes: mapped,
      unmappedCodes: unmapped,
    },
    // Fresh keys: nothing can be there yet.
    copies: revisions.flatMap((r) => pendingCopy(r, false) ?? []),
  };
}

/** Copies an earlier run wrote down but may not have made (a crash between the write and the copy). */
async function unfinishedCopies(
  deps: CarryDeps,
  ref: EntityRef & { evidenceId: string },
): Promise<PendingCopy[]> {
  const revisions = await deps.evidence.listRevisions(ref.cycleId, ref.entityId, ref.evidenceId);
  return revisions.flatMap((r) => pendingCopy(r) ?? []);
}
