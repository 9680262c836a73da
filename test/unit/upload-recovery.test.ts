/** The upload redrive's pure rules (shared/domain/upload-recovery.ts) and what an expired upload counts for. */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  applyRevision,
  countsAsFilled,
  deriveEvidenceState,
  EVIDENCE_STATES,
  type Evidence,
  type EvidenceFile,
  type EvidenceRevision,
  summarize,
} from '#domain/evidence.ts';
import type { FrameworkNode } from '#domain/framework.ts';
import { computeReadiness, type EvidenceFact } from '#domain/readiness.ts';
import {
  expireRevision,
  RECOVERY_DEFAULTS,
  recoveryStep,
  uploadExpiredReason,
} from '#domain/upload-recovery.ts';
import { filesOf } from '#web/api/evidence-view.ts';
import type { Evidence as WebEvidence } from '#web/api/types.ts';
import { en as webEn, vi as webVi } from '#web/i18n/messages.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const cfg = { expireAfterMs: 24 * HOUR, graceMs: 10 * MIN };
const T0 = Date.parse('2023-11-16T01:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

const rev = (over: Partial<EvidenceRevision> = {}): EvidenceRevision => ({
  cycleId: 'cycle-2023',
  entityId: 'so-khcn',
  evidenceId: 'ev1',
  fileId: 'f1',
  revision: 1,
  fileName: 'ke-hoach.pdf',
  kind: 'pdf',
  declaredContentType: 'application/pdf',
  declaredSizeBytes: 1000,
  objectKey: 'evidence/cycle-2023/so-khcn/ev1/f1/1',
  upload: { mode: 'single' },
  state: 'pending_upload',
  uploadedBy: 'u1',
  createdAt: at(0),
  version: 1,
  ...over,
});

describe('recoveryStep', () => {
  const step = (r: Partial<EvidenceRevision>, object: { lastModified?: string } | undefined, after: number) =>
    recoveryStep(rev(r), object, new Date(T0 + after), cfg);

  it('re-finalizes a pending revision whose bytes are there, once the object has been there for the grace period', () => {
    expect(step({}, { lastModified: at(HOUR) }, HOUR + 10 * MIN)).toBe('finalize');
    expect(step({}, { lastModified: at(HOUR) }, HOUR + 9 * MIN)).toBe('wait');
    // A store that does not say when: the request's time.
    expect(step({}, {}, 10 * MIN)).toBe('finalize');
    // Bytes that arrive after the expiry time still win: they are finalized, never expired.
    expect(step({}, { lastModified: at(30 * HOUR) }, 31 * HOUR)).toBe('finalize');
  });

  it('expires a pending revision with no bytes exactly at the configured time, not before', () => {
    expect(step({}, undefined, 24 * HOUR - 1)).toBe('wait');
    expect(step({}, undefined, 24 * HOUR)).toBe('expire');
    expect(
      step(
        { upload: { mode: 'multipart', uploadId: 'u', partBytes: 5, partCount: 2 } },
        undefined,
        25 * HOUR,
      ),
    ).toBe('expire');
  });

  it('asks the scanner about a revision left scanning, and gives up after the expiry time', () => {
    const scanning = { state: 'scanning' as const, finalizedAt: at(HOUR) };
    expect(step(scanning, undefined, HOUR + 5 * MIN)).toBe('wait');
    expect(step(scanning, undefined, HOUR + 10 * MIN)).toBe('check-scan');
    expect(step(scanning, undefined, 25 * HOUR - 1)).toBe('check-scan');
    expect(step(scanning, undefined, 25 * HOUR)).toBe('scan-missing');
  });

  it('leaves settled revisions alone', () => {
    for (const state of ['available', 'quarantined', 'upload_expired'] as const)
      expect(step({ state }, undefined, 100 * HOUR)).toBe('settled');
  });

  it('never expires what has bytes and never finalizes what has none (any times)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 * HOUR }),
        fc.option(fc.integer({ min: 0, max: 100 * HOUR })),
        (after, landed) => {
          const s = step({}, landed === null ? undefined : { lastModified: at(landed) }, after);
          if (landed === null) expect(['wait', 'expire']).toContain(s);
          else expect(['wait', 'finalize']).toContain(s);
        },
      ),
    );
  });
});

describe('an expired upload', () => {
  it('is settled with a bilingual reason, Vietnamese first, naming the configured time', () => {
    const next = expireRevision(rev(), at(25 * HOUR), cfg);
    expect(next).toMatchObject({ state: 'upload_expired', finalizedAt: at(25 * HOUR), version: 2 });
    expect(next.quarantineReason?.vi).toBe(
      'Tải lên chưa hoàn tất: tệp không đến máy chủ trong 24 giờ sau khi bắt đầu. Hãy tải lên lại.',
    );
    expect(next.quarantineReason?.en).toMatch(/^Upload not completed: .* 24 hours .* upload it again\.$/);
    expect(uploadExpiredReason({ expireAfterMs: 1.5 * HOUR }).vi).toContain('1,5 giờ');
  });

  const file = (r: EvidenceRevision, current?: EvidenceRevision): EvidenceFile => ({
    fileId: r.fileId,
    latest: summarize(r),
    current: current ? summarize(current) : undefined,
  });
  const expired = expireRevision(rev(), at(25 * HOUR), cfg);

  it('makes the evidence `upload_expired` only when every file’s newest upload was abandoned', () => {
    expect(deriveEvidenceState([file(expired)])).toEqual({
      state: 'upload_expired',
      quarantineReason: expired.quarantineReason,
    });
    const other = rev({ fileId: 'f2', state: 'quarantined', quarantineReason: { vi: 'x', en: 'x' } });
    expect(deriveEvidenceState([file(expired), file(other)]).state).toBe('quarantined');
    const pending = rev({ fileId: 'f2' });
    expect(deriveEvidenceState([file(expired), file(pending)]).state).toBe('pending_upload');
    const good = rev({ fileId: 'f2', state: 'available' });
    expect(deriveEvidenceState([file(expired), file(good, good)]).state).toBe('available');
  });

  it('an abandoned replacement never hides the good revision before it', () => {
    const v1 = rev({ state: 'available', sha256: 'a'.repeat(64) });
    const base: Evidence = {
      evidenceId: 'ev1',
      cycleId: 'cycle-2023',
      entityId: 'so-khcn',
      criterionCodes: ['1.1'],
      unconfirmedCodes: [],
      title: 'Kế hoạch',
      state: 'available',
      files: [file(v1, v1)],
      uploadedBy: 'u1',
      createdAt: at(0),
      updatedAt: at(0),
      version: 3,
    };
    const v2 = rev({ revision: 2, objectKey: 'evidence/cycle-2023/so-khcn/ev1/f1/2' });
    const withPending = applyRevision(base, v2, at(HOUR));
    const after = applyRevision(withPending, expireRevision(v2, at(25 * HOUR), cfg), at(25 * HOUR));
    expect(after.state).toBe('available');
    expect(after.files[0]!.current?.revision).toBe(1);
    expect(after.files[0]!.latest).toMatchObject({ revision: 2, state: 'upload_expired' });
  });

  it('fills no slot under either evidence policy, so readiness is what it would be without it', () => {
    expect(EVIDENCE_STATES).toContain('upload_expired');
    expect(countsAsFilled('upload_expired', 'available')).toBe(false);
    expect(countsAsFilled('upload_expired', 'accepted')).toBe(false);
    const node = (code: string, maxPoints: number, extra: Partial<FrameworkNode> = {}): FrameworkNode => ({
      code,
      title: { vi: code, en: code },
      maxPoints,
      method: 'evidence',
      slots: [],
      ...extra,
    });
    const framework = {
      bands: [{ name: 'A', minPercent: 0 }],
      nodes: [
        node('1', 6),
        node('1.1', 2, { slots: [{ kind: 'ke-hoach', label: { vi: 'k', en: 'k' }, minCount: 1 }] }),
        node('1.2', 4, { slots: [{ kind: 'bao-cao', label: { vi: 'b', en: 'b' }, minCount: 2 }] }),
      ],
    };
    const fact = (code: string, documentType: string, state: EvidenceFact['state']): EvidenceFact => ({
      criterionCodes: [code],
      documentType,
      state,
    });
    const counted = [fact('1.2', 'bao-cao', 'available')];
    for (const evidencePolicy of ['available', 'accepted'] as const) {
      const without = computeReadiness({ framework, evidence: counted, scores: [], evidencePolicy });
      const withExpired = computeReadiness({
        framework,
        evidence: [
          ...counted,
          fact('1.1', 'ke-hoach', 'upload_expired'),
          fact('1.2', 'bao-cao', 'upload_expired'),
        ],
        scores: [],
        evidencePolicy,
      });
      expect(withExpired).toEqual(without);
    }
  });
});

describe('recovery configuration', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });
  const load = async () => (await import('#config/recovery-env.ts')).recoveryConfig();

  it('defaults to 24 hours, a 10-minute grace and 2000 revisions per run', async () => {
    vi.resetModules();
    expect(await load()).toEqual({
      expireAfterMs: RECOVERY_DEFAULTS.expireAfterHours * HOUR,
      graceMs: RECOVERY_DEFAULTS.graceMinutes * MIN,
      maxPerRun: RECOVERY_DEFAULTS.maxPerRun,
    });
    expect(RECOVERY_DEFAULTS).toEqual({ expireAfterHours: 24, graceMinutes: 10, maxPerRun: 2000 });
  });

  it('reads UPLOAD_EXPIRY_HOURS, and refuses a grace period that is not shorter than the expiry', async () => {
    vi.resetModules();
    vi.stubEnv('UPLOAD_EXPIRY_HOURS', '48');
    expect((await load()).expireAfterMs).toBe(48 * HOUR);
    vi.resetModules();
    vi.stubEnv('UPLOAD_EXPIRY_HOURS', '0.1');
    vi.stubEnv('REDRIVE_GRACE_MINUTES', '10');
    await expect(load()).rejects.toThrow(/REDRIVE_GRACE_MINUTES must be below UPLOAD_EXPIRY_HOURS/);
    vi.resetModules();
    vi.stubEnv('UPLOAD_EXPIRY_HOURS', 'soon');
    await expect(load()).rejects.toThrow(/UPLOAD_EXPIRY_HOURS/);
  });
});

describe('the web app', () => {
  it('names the state "Tải lên chưa hoàn tất" / "Upload not completed" and offers to upload again', () => {
    expect(webVi['evidence.state.upload_expired']).toBe('Tải lên chưa hoàn tất');
    expect(webEn['evidence.state.upload_expired']).toBe('Upload not completed');
    expect(webVi['ev.files.uploadAgain']).toBe('Tải lên lại');
    expect(webEn['ev.files.uploadAgain']).toBe('Upload again');
  });

  it('finds the file to send again: the one whose newest upload expired', () => {
    const expired = expireRevision(rev({ fileId: 'f2' }), at(25 * HOUR), cfg);
    const good = rev({ state: 'available' });
    const ev = {
      files: [
        { fileId: 'f1', latest: summarize(good), current: summarize(good) },
        { fileId: 'f2', latest: summarize(expired) },
      ],
    } as unknown as WebEvidence;
    const files = filesOf(ev);
    expect(files.find((f) => f.latestState === 'upload_expired')).toMatchObject({
      fileId: 'f2',
      quarantineReason: expired.quarantineReason,
    });
  });
});
