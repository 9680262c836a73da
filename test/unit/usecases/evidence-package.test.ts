/**
 * The evidence package streams into one multipart upload and can stop between entries and resume from its
 * checkpoint; the archive written in several runs is byte-for-byte the one written in one, and proves itself.
 */
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { beforeEach, describe, expect, it } from 'vitest';
import { memoryClock, memoryObjectStore } from '#adapters/memory/index.ts';
import type { PackagePlan } from '#domain/evidence-package.ts';
import { continuePackage, PART_BYTES, type PackageResult, startPackage } from '#usecases/evidence-package.ts';
import { NOW, PDF } from './support.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const big = new Uint8Array(PART_BYTES + 1024 * 1024).fill(7); // more than one part
const note = new TextEncoder().encode('Báo cáo quý I');

let store: ReturnType<typeof memoryObjectStore>;
beforeEach(async () => {
  store = memoryObjectStore(memoryClock(NOW));
  await store.putObject('evidence/a', PDF, 'application/pdf');
  await store.putObject('evidence/b', big, 'application/pdf');
  await store.putObject('evidence/c', note, 'text/plain');
});

const entry = (path: string, key: string, bytes: Uint8Array, sha256 = sha(bytes)) => ({
  path,
  size: bytes.byteLength,
  source: { kind: 'object' as const, key },
  sha256,
});
const plan = (
  files = [entry('1/1.1/ke-hoach.pdf', 'evidence/a', PDF), entry('1/1.2/lon.pdf', 'evidence/b', big)],
): PackagePlan => ({
  readAt: NOW,
  entityName: 'Sở Khoa học và Công nghệ',
  cycleName: 'Kỳ đánh giá 2026',
  files,
  root: [entry('bao-cao.txt', 'evidence/c', note)],
  criteria: [],
});

async function runAll(key: string, p: PackagePlan, budget: () => number) {
  const progress: [number, number][] = [];
  let state = await startPackage({ store, remainingMs: budget }, key, p);
  let runs = 0;
  for (;;) {
    runs++;
    const r: PackageResult = await continuePackage(
      { store, remainingMs: budget },
      key,
      state,
      async (w, t) => {
        progress.push([w, t]);
      },
    );
    if (r.done) return { result: r, runs, progress, last: state };
    state = JSON.parse(JSON.stringify(r.state)); // a checkpoint goes through storage
  }
}

describe('continuePackage', () => {
  it('one run writes the whole archive: every entry, the manifests, the right SHA-256', async () => {
    const { result, runs, progress } = await runAll('exports/one.zip', plan(), () => 60_000);
    const bytes = store.bytes('exports/one.zip')!;
    expect(runs).toBe(1);
    expect(result).toEqual({ done: true, sizeBytes: bytes.byteLength, sha256: sha(bytes) });
    expect(progress.at(-1)).toEqual([6, 6]);
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files)).toEqual([
      'bao-cao.txt',
      'manifest.csv',
      'manifest.json',
      'index.html',
      '1/1.1/ke-hoach.pdf',
      '1/1.2/lon.pdf',
    ]);
    expect(await zip.file('1/1.1/ke-hoach.pdf')!.async('uint8array')).toEqual(PDF);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest.files.map((f: { path: string; sha256: string }) => [f.path, f.sha256])).toEqual([
      ['bao-cao.txt', sha(note)],
      ['1/1.1/ke-hoach.pdf', sha(PDF)],
      ['1/1.2/lon.pdf', sha(big)],
    ]);
  });

  it('with no time left it writes one entry per run and resumes to the identical archive', async () => {
    const once = await runAll('exports/one.zip', plan(), () => 60_000);
    const stepwise = await runAll('exports/steps.zip', plan(), () => 0);
    expect(stepwise.runs).toBe(6);
    expect(stepwise.result).toEqual(once.result);
    // Compared by hash: a deep equality over 9 MiB of bytes would take seconds.
    expect(sha(store.bytes('exports/steps.zip')!)).toBe(sha(store.bytes('exports/one.zip')!));
  });

  it('refuses a file whose bytes no longer match the SHA-256 recorded at upload', async () => {
    const p = plan([entry('1/1.1/ke-hoach.pdf', 'evidence/a', PDF, '0'.repeat(64))]);
    await expect(runAll('exports/bad.zip', p, () => 60_000)).rejects.toThrow(
      '1/1.1/ke-hoach.pdf: its bytes no longer match their SHA-256',
    );
    expect(store.bytes('exports/bad.zip')).toBeUndefined();
  });
});
