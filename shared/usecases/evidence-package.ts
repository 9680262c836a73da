/**
 * Streams the evidence package into the bucket (docs/dossier.md): one multipart upload, parts of PART_BYTES,
 * memory bounded by one part plus one chunk — never the whole archive in memory or on disk. When the run's time
 * budget is spent (checked between entries), it writes a checkpoint — the plan, the ZIP writer's state (every
 * written entry's offset, size and CRC), the upload id and its parts, and the unsent tail under one part — and
 * returns; the next run continues from it and writes exactly the bytes an uninterrupted run would have.
 */
import { createHash } from 'node:crypto';
import { generated, type PackageEntry, type PackagePlan, packageEntries } from '#domain/evidence-package.ts';
import { localFields } from '#domain/working-days.ts';
import { dosDateTime, type ZipCheckpoint, ZipWriter } from '#domain/zip-writer.ts';
import type { ObjectStore } from '#ports.ts';

/** S3 parts: at least 5 MiB but the last; 8 MiB keeps the worker's memory low and 10,000 parts ≈ 78 GiB. */
export const PART_BYTES = 8 * 1024 * 1024;

export interface PackageState {
  plan: PackagePlan;
  zip: ZipCheckpoint;
  /** Index of the next entry to write (in `packageEntries(plan)`). */
  next: number;
  uploadId: string;
  parts: { partNumber: number; etag: string }[];
  /** Bytes written but not yet sent (fewer than PART_BYTES), base64. */
  tail: string;
  /** Checkpoints written so far (names the next one). */
  run: number;
}

export type PackageProgress = (written: number, total: number) => Promise<void>;

export interface PackageRun {
  store: Pick<
    ObjectStore,
    'createMultipart' | 'uploadPart' | 'completeMultipart' | 'abortMultipart' | 'stream'
  >;
  /** Milliseconds this run may still take before it checkpoints (checked between entries). */
  remainingMs: () => number;
}

export type PackageResult =
  | { done: true; sizeBytes: number; sha256: string }
  | { done: false; state: PackageState };

export async function startPackage(deps: PackageRun, key: string, plan: PackagePlan): Promise<PackageState> {
  const uploadId = await deps.store.createMultipart(key, 'application/zip');
  return { plan, zip: { offset: 0, entries: [] }, next: 0, uploadId, parts: [], tail: '', run: 0 };
}

/** Sends the archive's bytes in parts of PART_BYTES; fewer than that wait in the tail (checkpointed). */
function partWriter(deps: PackageRun, key: string, state: PackageState) {
  const parts = [...state.parts];
  let pending: Uint8Array[] = state.tail ? [Buffer.from(state.tail, 'base64')] : [];
  let pendingBytes = pending.reduce((s, b) => s + b.length, 0);

  const sendFull = async () => {
    while (pendingBytes >= PART_BYTES) {
      const all = Buffer.concat(pending);
      const body = all.subarray(0, PART_BYTES);
      const partNumber = parts.length + 1;
      parts.push({ partNumber, etag: await deps.store.uploadPart(key, state.uploadId, partNumber, body) });
      const rest = all.subarray(PART_BYTES);
      pending = rest.length ? [Buffer.from(rest)] : [];
      pendingBytes = rest.length;
    }
  };
  const push = async (b: Uint8Array) => {
    if (!b.length) return;
    pending.push(b);
    pendingBytes += b.length;
    if (pendingBytes >= PART_BYTES) await sendFull();
  };
  return { parts, push, tail: () => Buffer.concat(pending) };
}

/** One entry: its header, its bytes (checked against the SHA-256 recorded at upload), its trailer. */
async function writeEntry(
  deps: PackageRun,
  plan: PackagePlan,
  entry: PackageEntry,
  out: { zip: ZipWriter; when: ReturnType<typeof dosDateTime>; push: (b: Uint8Array) => Promise<void> },
): Promise<void> {
  const { zip, push } = out;
  await push(zip.begin(entry.path, entry.size, out.when));
  // Each stored file is checked against the SHA-256 recorded when it was uploaded: the package proves itself.
  const hash = entry.sha256 ? createHash('sha256') : undefined;
  for await (const chunk of await bytesOf(deps, plan, entry)) {
    hash?.update(chunk);
    await push(zip.data(chunk));
  }
  if (hash && hash.digest('hex') !== entry.sha256)
    throw new Error(`${entry.path}: its bytes no longer match their SHA-256`);
  await push(zip.end());
}

/** Sends the last part (it may be small, or the only one) and completes the upload. */
async function completeUpload(
  deps: PackageRun,
  key: string,
  uploadId: string,
  parts: { partNumber: number; etag: string }[],
  last: Uint8Array,
): Promise<void> {
  if (last.length || parts.length === 0)
    parts.push({
      partNumber: parts.length + 1,
      etag: await deps.store.uploadPart(key, uploadId, parts.length + 1, last),
    });
  const outcome = await deps.store.completeMultipart(key, uploadId, parts);
  if (outcome === 'invalid-parts') throw new Error('the package upload lost a part');
}

/** The archive's SHA-256 (a hash cannot be carried across runs): one more bounded read of the stored object. */
async function storedDigest(deps: PackageRun, key: string, written: number) {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  for await (const chunk of await deps.store.stream(key)) {
    hash.update(chunk);
    sizeBytes += chunk.length;
  }
  if (sizeBytes !== written) throw new Error(`the package holds ${sizeBytes} bytes, ${written} were written`);
  return { sizeBytes, sha256: hash.digest('hex') };
}

/**
 * Writes entries from `state.next` on. Always writes at least one entry per run (progress is guaranteed however
 * small the budget), then stops between entries once the budget is spent.
 */
export async function continuePackage(
  deps: PackageRun,
  key: string,
  state: PackageState,
  progress: PackageProgress,
): Promise<PackageResult> {
  const entries = packageEntries(state.plan);
  const when = dosDateTime(localFields(new Date(state.plan.readAt)));
  const zip = new ZipWriter(state.zip);
  const out = partWriter(deps, key, state);

  let next = state.next;
  for (; next < entries.length; next++) {
    if (next > state.next && deps.remainingMs() <= 0) break;
    await writeEntry(deps, state.plan, entries[next]!, { zip, when, push: out.push });
    if (next % 20 === 0) await progress(next + 1, entries.length);
  }

  if (next < entries.length)
    return {
      done: false,
      state: {
        plan: state.plan,
        zip: zip.checkpoint(),
        next,
        uploadId: state.uploadId,
        parts: out.parts,
        tail: out.tail().toString('base64'),
        run: state.run + 1,
      },
    };

  await out.push(zip.finish());
  await completeUpload(deps, key, state.uploadId, out.parts, out.tail());
  await progress(entries.length, entries.length);
  return { done: true, ...(await storedDigest(deps, key, zip.position)) };
}

async function bytesOf(
  deps: PackageRun,
  plan: PackagePlan,
  entry: PackageEntry,
): Promise<AsyncIterable<Uint8Array>> {
  if (entry.source.kind === 'object') return deps.store.stream(entry.source.key);
  const bytes = generated(plan, entry.source.kind);
  return (async function* () {
    yield bytes;
  })();
}
