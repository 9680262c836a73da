/**
 * After the bytes land: finalize (object-created event) and an out-of-band scan result, both idempotent and
 * order-independent, each settling the revision and its evidence with one audited write.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { EICAR_SIGNATURE } from '#domain/malware.ts';
import type { MalwareScanner } from '#ports.ts';
import { addFile, requestUpload } from '#usecases/evidence.ts';
import { applyScanResult, finalizeUpload, inspectObject } from '#usecases/evidence-finalize.ts';
import { actors, NOW, PDF, seededAdapters, trail } from './support.ts';

type Adapters = Awaited<ReturnType<typeof seededAdapters>>;
let a: Adapters;
const guardDuty: MalwareScanner = { engine: 'guardduty' }; // out of band: no inline scan, no tag yet
const upload = async (bytes = PDF, declared: Record<string, unknown> = {}) => {
  const t = await requestUpload(
    { ...a, uploadUrlTtlSeconds: 900, multipart: { thresholdBytes: 1e9, partBytes: 8e6 } },
    actors.leaderA,
    { cycleId: 'c-2026', entityId: 'so-a', criterionCode: '1.1' },
    {
      fileName: 'ke-hoach.pdf',
      contentType: 'application/pdf',
      sizeBytes: bytes.byteLength,
      onDuplicate: 'refuse',
      ...declared,
    },
  );
  a.store.acceptUpload(t.revision.objectKey, bytes, 'application/pdf');
  return t;
};
const revisionOf = (t: Awaited<ReturnType<typeof upload>>) => a.evidence.getRevision(t.revision);
beforeEach(async () => {
  a = await seededAdapters();
});

describe('finalizeUpload', () => {
  it('a clean PDF becomes available with its size, SHA-256 and verdict; audited as the system', async () => {
    const t = await upload();
    a.clock.set('2026-03-02T03:00:05.000Z');
    expect(await finalizeUpload(a, t.revision.objectKey)).toBe('available');
    const rev = await revisionOf(t);
    expect(rev).toMatchObject({
      state: 'available',
      sizeBytes: PDF.byteLength,
      sniffedType: 'pdf',
      scan: { engine: 'eicar-signature', status: 'clean' },
      finalizedAt: '2026-03-02T03:00:05.000Z',
      version: 2,
    });
    expect(rev?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const ev = await a.evidence.get('c-2026', 'so-a', t.evidence.evidenceId);
    expect([ev?.state, ev?.files[0]?.current?.revision]).toEqual(['available', 1]);
    const last = (await trail(a)).at(-1)!;
    expect([last.action, last.actor]).toEqual([
      'evidence.file-available',
      { userId: 'system:finalize', role: 'admin' },
    ]);
  });

  it('a second delivery changes nothing; unknown keys and vanished objects are ignored', async () => {
    const t = await upload();
    await finalizeUpload(a, t.revision.objectKey);
    expect(await finalizeUpload(a, t.revision.objectKey)).toBe('already-finalized');
    expect((await trail(a)).filter((e) => e.action === 'evidence.file-available')).toHaveLength(1);
    expect(await finalizeUpload(a, 'exports/x/y.xlsx')).toBe('unknown-object');
    expect(await finalizeUpload(a, 'evidence/c-2026/so-a/e9/f9/1')).toBe('unknown-object');
    const gone = await upload(PDF, { fileName: 'hai.pdf', onDuplicate: 'upload' });
    await a.store.deleteObject(gone.revision.objectKey);
    expect(await finalizeUpload(a, gone.revision.objectKey)).toBe('gone');
  });

  it('two files of one evidence finalized at once both land (the loser retries on the newer version)', async () => {
    const t = await upload();
    const second = await addFile(
      { ...a, uploadUrlTtlSeconds: 900, multipart: { thresholdBytes: 1e9, partBytes: 8e6 } },
      actors.leaderA,
      { cycleId: 'c-2026', entityId: 'so-a', evidenceId: t.evidence.evidenceId },
      {
        fileName: 'phu-luc.pdf',
        contentType: 'application/pdf',
        sizeBytes: PDF.byteLength,
        onDuplicate: 'upload',
      },
    );
    a.store.acceptUpload(second.revision.objectKey, PDF, 'application/pdf');
    const outcomes = await Promise.all([
      finalizeUpload(a, t.revision.objectKey),
      finalizeUpload(a, second.revision.objectKey),
    ]);
    expect(outcomes).toEqual(['available', 'available']);
    const ev = await a.evidence.get('c-2026', 'so-a', t.evidence.evidenceId);
    expect(ev?.files.map((f) => f.current?.revision)).toEqual([1, 1]);
    expect(ev?.state).toBe('available');
  });

  it('EICAR, a size other than declared and a wrong SHA-256 are each quarantined with a reason', async () => {
    const eicar = new TextEncoder().encode(`%PDF-1.4\n${EICAR_SIGNATURE}\n`);
    const infected = await upload(eicar);
    expect(await finalizeUpload(a, infected.revision.objectKey)).toBe('quarantined');
    expect((await revisionOf(infected))?.scan?.status).toBe('infected');
    const short = await upload(PDF, { sizeBytes: PDF.byteLength + 1, fileName: 'b.pdf' });
    expect(await finalizeUpload(a, short.revision.objectKey)).toBe('quarantined');
    expect((await revisionOf(short))?.quarantineReason?.en).toContain('differs from the declared size');
    const corrupt = await upload(PDF, { sha256: '0'.repeat(64), fileName: 'c.pdf', onDuplicate: 'upload' });
    expect(await finalizeUpload(a, corrupt.revision.objectKey)).toBe('quarantined');
    const ev = await a.evidence.get('c-2026', 'so-a', corrupt.evidence.evidenceId);
    expect(ev?.state).toBe('quarantined');
  });
});

describe('applyScanResult (out-of-band scanner)', () => {
  beforeEach(async () => {
    a = await seededAdapters({ scanner: guardDuty });
  });
  const clean = { engine: 'guardduty', status: 'clean' as const };

  it('finalize waits in scanning; the clean verdict then makes it available; a repeat is already final', async () => {
    const t = await upload();
    expect(await finalizeUpload(a, t.revision.objectKey)).toBe('scanning');
    expect(await applyScanResult(a, t.revision.objectKey, clean)).toBe('available');
    expect((await revisionOf(t))?.scan).toEqual({ at: NOW, ...clean });
    expect(await applyScanResult(a, t.revision.objectKey, clean)).toBe('already-final');
  });

  it('a verdict that beats finalize is recorded, and finalize uses it', async () => {
    const t = await upload();
    expect(await applyScanResult(a, t.revision.objectKey, clean)).toBe('recorded');
    expect((await revisionOf(t))?.state).toBe('pending_upload');
    expect(await finalizeUpload(a, t.revision.objectKey)).toBe('available');
  });

  it('malware found relabels a revision quarantined for another reason', async () => {
    const t = await upload(PDF, { sizeBytes: PDF.byteLength + 5 });
    expect(await finalizeUpload(a, t.revision.objectKey)).toBe('quarantined');
    const infected = { engine: 'guardduty', status: 'infected' as const, detail: 'EICAR-Test-File' };
    expect(await applyScanResult(a, t.revision.objectKey, infected)).toBe('quarantined');
    expect((await revisionOf(t))?.scan?.status).toBe('infected');
    expect(await applyScanResult(a, 'evidence/c-2026/so-a/nope/f/1', clean)).toBe('unknown-object');
  });
});

describe('inspectObject', () => {
  it('reads size, SHA-256 and type in one pass over the chunks', async () => {
    const facts = await inspectObject(
      (async function* () {
        yield PDF.subarray(0, 4);
        yield PDF.subarray(4);
      })(),
    );
    expect(facts).toMatchObject({ sizeBytes: PDF.byteLength, sniffed: 'pdf', scan: undefined });
  });
});
