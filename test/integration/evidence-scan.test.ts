/**
 * The AWS malware path, run on the local engines: finalize with the GuardDuty scanner adapter (verdict read
 * from the object's `GuardDutyMalwareScanStatus` tag, which s3rver stores) and the scan-result function fed
 * GuardDuty-shaped EventBridge events, in every order. GuardDuty itself only exists in AWS.
 *
 * These uploads go to a second bucket: the local stack finalizes objects of its own bucket with the EICAR
 * scanner, and would otherwise race the GuardDuty-mode finalize under test (for this bucket it finds no
 * object and changes nothing).
 */
import { CreateBucketCommand, PutObjectTaggingCommand } from '@aws-sdk/client-s3';
import type { EventBridgeEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#domain/actor.ts';
import { EICAR_SIGNATURE, GUARDDUTY_TAG } from '#domain/malware.ts';
import { getEvidence, newCycle, pdf, putWithUrl, rawS3, setLocalAwsEnv } from './evidence-helpers.ts';
import { stack } from './helpers.ts';

const GD_BUCKET = 'minhchung-guardduty-it';
const member: Actor = {
  userId: 'u-member',
  role: 'member',
  entityId: 'so-khcn-ninh-thuan',
  unitId: 'phong-qlcn',
};

type Mods = Awaited<ReturnType<typeof load>>;
async function load() {
  setLocalAwsEnv();
  process.env.BUCKET_NAME = GD_BUCKET;
  const [repo, cycles, frameworks, org, runtime, store, gd, evidenceUc, finalizeUc, scanFn, assignments] =
    await Promise.all([
      import('#adapters/dynamo/evidence-repository.ts'),
      import('#adapters/dynamo/cycle-repository.ts'),
      import('#adapters/dynamo/framework-repository.ts'),
      import('#adapters/dynamo/organization-repository.ts'),
      import('#adapters/runtime.ts'),
      import('#adapters/s3/object-store.ts'),
      import('#adapters/scanners/guardduty-scanner.ts'),
      import('#usecases/evidence.ts'),
      import('#usecases/evidence-finalize.ts'),
      import('#functions/scan-result/handler.ts'),
      import('#adapters/dynamo/assignment-repository.ts'),
    ]);
  const deps = {
    evidence: repo.evidenceRepository,
    cycles: cycles.cycleRepository,
    frameworks: frameworks.frameworkRepository,
    org: org.organizationRepository,
    assignments: assignments.assignmentRepository,
    store: store.objectStore,
    scanner: gd.guardDutyScanner(store.objectStore),
    clock: runtime.systemClock,
    ids: runtime.ulidIds,
    uploadUrlTtlSeconds: 300,
    multipart: { thresholdBytes: 16 * 1024 * 1024, partBytes: 8 * 1024 * 1024 },
  };
  return { deps, evidenceUc, finalizeUc, scanHandler: scanFn.handler };
}

/** The event GuardDuty Malware Protection for S3 publishes to the default bus. */
const scanEvent = (key: string, status: string, threats?: string[]): EventBridgeEvent<string, unknown> => ({
  version: '0',
  id: `evt-${Math.random()}`,
  'detail-type': 'GuardDuty Malware Protection Object Scan Result',
  source: 'aws.guardduty',
  account: '123456789012',
  time: new Date().toISOString(),
  region: 'ap-southeast-1',
  resources: [],
  detail: {
    schemaVersion: '1.0',
    scanStatus: 'COMPLETED',
    resourceType: 'S3_OBJECT',
    s3ObjectDetails: {
      bucketName: GD_BUCKET,
      objectKey: key,
      eTag: 'x',
      versionId: 'v1',
      s3Throttled: false,
    },
    scanResultDetails: {
      scanResultStatus: status,
      threats: threats ? threats.map((name) => ({ name })) : null,
    },
  },
});

async function tag(key: string, value: string) {
  const s3 = await rawS3();
  try {
    await s3.send(
      new PutObjectTaggingCommand({
        Bucket: GD_BUCKET,
        Key: key,
        Tagging: { TagSet: [{ Key: GUARDDUTY_TAG, Value: value }] },
      }),
    );
  } finally {
    s3.destroy();
  }
}

describe('GuardDuty Malware Protection path (finalize + scan-result), on the local engines', () => {
  let m: Mods;
  let cycleId: string;
  let n = 0;
  beforeAll(async () => {
    const s3 = await rawS3();
    await s3.send(new CreateBucketCommand({ Bucket: GD_BUCKET })).catch((e) => {
      if (!/BucketAlready/.test((e as Error).name)) throw e;
    });
    s3.destroy();
    m = await load();
    cycleId = await newCycle(2069);
  });

  /** A pending upload in the GuardDuty bucket with its bytes in place, not finalized yet. */
  async function uploaded(bytes = pdf(`gd-${n++}`), fileName = 'ke-hoach.pdf') {
    const ticket = await m.evidenceUc.requestUpload(
      m.deps,
      member,
      { cycleId, entityId: member.entityId!, criterionCode: '1.1' },
      {
        fileName,
        contentType: 'application/pdf',
        sizeBytes: bytes.length,
        onDuplicate: 'refuse',
      },
    );
    if (ticket.upload.mode !== 'single') throw new Error('expected a single PUT');
    expect(new URL(ticket.upload.url).pathname.startsWith(`/${GD_BUCKET}/`)).toBe(true);
    await putWithUrl(ticket.upload, bytes);
    return { key: ticket.revision.objectKey, evidenceId: ticket.evidence.evidenceId };
  }
  const state = async (evidenceId: string) => (await getEvidence(cycleId, evidenceId)).body;

  it('finalize leaves a clean-so-far file in `scanning`; the scan result makes it available, once', async () => {
    const { key, evidenceId } = await uploaded();
    expect(await m.finalizeUc.finalizeUpload(m.deps, key)).toBe('scanning');
    const waiting = await state(evidenceId);
    expect(waiting.evidence.state).toBe('scanning');
    expect(waiting.revisions[0]).toMatchObject({ state: 'scanning', sha256: expect.any(String) });
    expect(await m.finalizeUc.finalizeUpload(m.deps, key)).toBe('already-finalized');

    await tag(key, 'NO_THREATS_FOUND');
    expect(await m.scanHandler(scanEvent(key, 'NO_THREATS_FOUND'), {} as never)).toEqual({
      outcome: 'available',
    });
    const done = await state(evidenceId);
    expect(done.evidence.state).toBe('available');
    expect(done.revisions[0].scan).toMatchObject({ engine: 'guardduty', status: 'clean' });
    // EventBridge delivers at least once: the same event again changes nothing.
    expect(await m.scanHandler(scanEvent(key, 'NO_THREATS_FOUND'), {} as never)).toEqual({
      outcome: 'already-final',
    });
    expect((await state(evidenceId)).evidence.version).toBe(done.evidence.version);
  });

  it('THREATS_FOUND after finalize quarantines, naming the threat', async () => {
    const { key, evidenceId } = await uploaded();
    expect(await m.finalizeUc.finalizeUpload(m.deps, key)).toBe('scanning');
    const res = await m.scanHandler(
      scanEvent(key, 'THREATS_FOUND', ['EICAR-Test-File (not a virus)']),
      {} as never,
    );
    expect(res).toEqual({ outcome: 'quarantined' });
    const done = await state(evidenceId);
    expect(done.evidence.state).toBe('quarantined');
    expect(done.evidence.quarantineReason.en).toContain('EICAR-Test-File');
  });

  it('a verdict already tagged on the object is read by finalize directly', async () => {
    const infected = await uploaded();
    await tag(infected.key, 'THREATS_FOUND');
    expect(await m.finalizeUc.finalizeUpload(m.deps, infected.key)).toBe('quarantined');
    const clean = await uploaded();
    await tag(clean.key, 'NO_THREATS_FOUND');
    expect(await m.finalizeUc.finalizeUpload(m.deps, clean.key)).toBe('available');
    expect((await state(clean.evidenceId)).evidence.state).toBe('available');
  });

  it('a scan result that beats finalize is recorded, and finalize uses it', async () => {
    const { key, evidenceId } = await uploaded();
    expect(await m.scanHandler(scanEvent(key, 'THREATS_FOUND', ['Trojan.Test']), {} as never)).toEqual({
      outcome: 'recorded',
    });
    expect((await state(evidenceId)).evidence.state).toBe('pending_upload');
    expect(await m.finalizeUc.finalizeUpload(m.deps, key)).toBe('quarantined');
    expect((await state(evidenceId)).evidence.quarantineReason.vi).toContain('Trojan.Test');
  });

  it('malware wins: a file quarantined for its type is relabelled when THREATS_FOUND arrives, or found so by finalize', async () => {
    // The EICAR test file is plain text: named .pdf it fails the type check before GuardDuty answers.
    const eicar = (i: number) => Buffer.from(`${EICAR_SIGNATURE}${' '.repeat(i)}`, 'latin1');
    const late = await uploaded(eicar(1), 'eicar.pdf');
    expect(await m.finalizeUc.finalizeUpload(m.deps, late.key)).toBe('quarantined');
    expect((await state(late.evidenceId)).evidence.quarantineReason.vi).toContain('không khớp phần mở rộng');
    const threat = scanEvent(late.key, 'THREATS_FOUND', ['EICAR-Test-File (not a virus)']);
    expect(await m.scanHandler(threat, {} as never)).toEqual({ outcome: 'quarantined' });
    const relabelled = await state(late.evidenceId);
    expect(relabelled.evidence.quarantineReason.vi).toContain('Phát hiện mã độc (EICAR-Test-File');
    expect(relabelled.revisions[0].scan).toMatchObject({ engine: 'guardduty', status: 'infected' });
    // Delivered again: nothing changes.
    expect(await m.scanHandler(threat, {} as never)).toEqual({ outcome: 'already-final' });
    expect((await state(late.evidenceId)).evidence.version).toBe(relabelled.evidence.version);
    // A clean verdict never relabels a quarantined file.
    const other = await uploaded(eicar(2), 'eicar.pdf');
    await m.finalizeUc.finalizeUpload(m.deps, other.key);
    expect(await m.scanHandler(scanEvent(other.key, 'NO_THREATS_FOUND'), {} as never)).toEqual({
      outcome: 'already-final',
    });
    // The verdict already tagged when finalize runs: malware is the reason straight away.
    const tagged = await uploaded(eicar(3), 'eicar.pdf');
    await tag(tagged.key, 'THREATS_FOUND');
    expect(await m.finalizeUc.finalizeUpload(m.deps, tagged.key)).toBe('quarantined');
    expect((await state(tagged.evidenceId)).evidence.quarantineReason.en).toContain('Malware detected');
  });

  it('files GuardDuty cannot scan (password-protected, too large) are not made available', async () => {
    const { key, evidenceId } = await uploaded();
    await m.finalizeUc.finalizeUpload(m.deps, key);
    expect(await m.scanHandler(scanEvent(key, 'UNSUPPORTED'), {} as never)).toEqual({
      outcome: 'quarantined',
    });
    expect((await state(evidenceId)).evidence.quarantineReason.vi).toContain('Không quét virus được');
  });

  it('unreadable events and unknown keys are dropped without a retry storm', async () => {
    const bad = { ...scanEvent('x', 'NO_THREATS_FOUND'), detail: { nonsense: true } };
    expect(await m.scanHandler(bad, {} as never)).toEqual({ outcome: 'unreadable' });
    expect(await m.scanHandler(scanEvent('uploads/tmp/x', 'NO_THREATS_FOUND'), {} as never)).toEqual({
      outcome: 'unknown-object',
    });
  });

  it('through the local stack: a recorded THREATS_FOUND outweighs the inline scanner’s clean verdict', async () => {
    // This upload goes to the stack's own bucket, finalized by the stack with the EICAR scanner.
    const { ticketFor, settled } = await import('./evidence-helpers.ts');
    const bytes = pdf('worst-verdict');
    const t = await ticketFor(cycleId, '1.1', bytes);
    expect(
      await m.finalizeUc.applyScanResult(m.deps, t.revision.objectKey, {
        engine: 'guardduty',
        status: 'infected',
        detail: 'Test.Threat',
      }),
    ).toBe('recorded');
    await putWithUrl(t.upload, bytes);
    const done = await settled(cycleId, t.evidence.evidenceId);
    expect(done.evidence.state).toBe('quarantined');
    expect(done.revisions[0].scan).toMatchObject({ engine: 'guardduty', status: 'infected' });
    expect(stack.bucket).not.toBe(GD_BUCKET);
  });
});
