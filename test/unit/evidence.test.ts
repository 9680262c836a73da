import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapCriterionCodes } from '#domain/carry-forward.ts';
import { DEFAULT_UPLOAD_LIMITS } from '#domain/cycle.ts';
import {
  applyRevision,
  deriveEvidenceState,
  type Evidence,
  type EvidenceRevision,
  editMetadata,
  partSize,
  planUpload,
  quarantineReasonFor,
  searchTextOf,
  settleRevision,
} from '#domain/evidence.ts';
import { bytesMatchKind } from '#domain/file-types.ts';
import { EICAR_SIGNATURE, eicarScan, verdictFromGuardDuty, worstVerdict } from '#domain/malware.ts';
import { decide } from '#domain/policy.ts';
import { contentDisposition, searchTokens } from '#domain/text.ts';

const MB = 1024 * 1024;
const NOW = '2026-01-01T00:00:00.000Z';

const rev = (over: Partial<EvidenceRevision>): EvidenceRevision => ({
  cycleId: 'c',
  entityId: 'e',
  evidenceId: 'ev',
  fileId: 'f1',
  revision: 1,
  fileName: 'a.pdf',
  kind: 'pdf',
  declaredContentType: 'application/pdf',
  declaredSizeBytes: 10,
  objectKey: 'evidence/c/e/ev/f1/1',
  upload: { mode: 'single' },
  state: 'pending_upload',
  uploadedBy: 'u',
  createdAt: NOW,
  version: 1,
  ...over,
});

const blank: Evidence = {
  evidenceId: 'ev',
  cycleId: 'c',
  entityId: 'e',
  criterionCodes: ['1.1'],
  unconfirmedCodes: [],
  title: 'Kế hoạch',
  state: 'pending_upload',
  files: [],
  uploadedBy: 'u',
  createdAt: NOW,
  updatedAt: NOW,
  version: 1,
};

describe('upload plan', () => {
  const cfg = { thresholdBytes: 16 * MB, partBytes: 8 * MB };

  it('one PUT up to the threshold, multipart above it', () => {
    expect(planUpload(16 * MB, cfg)).toEqual({ mode: 'single' });
    expect(planUpload(16 * MB + 1, cfg)).toEqual({ mode: 'multipart', partBytes: 8 * MB, partCount: 3 });
  });

  it('parts cover the file exactly, never more than 10 000, all but the last full (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 16 * MB + 1, max: 5 * 1024 * MB }), (size) => {
        const plan = planUpload(size, cfg);
        if (plan.mode !== 'multipart') throw new Error('expected multipart');
        expect(plan.partCount).toBeLessThanOrEqual(10_000);
        let total = 0;
        for (let n = 1; n <= plan.partCount; n++) {
          const s = partSize(size, plan.partBytes, plan.partCount, n);
          expect(s).toBeGreaterThan(0);
          if (n < plan.partCount) expect(s).toBe(plan.partBytes);
          total += s;
        }
        expect(total).toBe(size);
      }),
    );
  });
});

describe('finalize checks', () => {
  const facts = (over = {}) => ({ sizeBytes: 10, sha256: 'x', sniffed: 'pdf' as const, ...over });
  const judge = (f = {}, limits = DEFAULT_UPLOAD_LIMITS) =>
    quarantineReasonFor(
      { declaredSizeBytes: 10, kind: 'pdf', fileName: 'bao-cao.pdf' },
      facts(f),
      limits,
      bytesMatchKind,
    );

  it('passes the declared bytes and names each failure in vi and en', () => {
    expect(judge()).toBeUndefined();
    expect(judge({ sizeBytes: 0 })?.en).toBe('The file is empty (0 bytes).');
    expect(judge({ sizeBytes: 11 })?.vi).toContain('khác với kích thước đã khai báo');
    expect(judge({ sniffed: 'exe' })?.vi).toMatch(/tệp chương trình \(Windows \.exe/);
    expect(judge({ sniffed: 'docx' })?.vi).toContain('Nội dung không khớp phần mở rộng');
    expect(judge({}, { maxFileBytes: 5, allowedKinds: ['pdf'] })?.en).toContain('exceeds');
    expect(judge({}, { maxFileBytes: 100, allowedKinds: ['docx'] })?.en).toContain('no longer accepts PDF');
  });

  it('settles: a failed check or a bad verdict quarantines; no verdict yet means scanning', () => {
    expect(settleRevision({ vi: 'x', en: 'x' }, undefined).state).toBe('quarantined');
    expect(settleRevision(undefined, undefined).state).toBe('scanning');
    expect(settleRevision(undefined, { engine: 'g', status: 'clean' }).state).toBe('available');
    expect(settleRevision(undefined, { engine: 'g', status: 'infected', detail: 'X' }).reason?.en).toContain(
      'X',
    );
    expect(settleRevision(undefined, { engine: 'g', status: 'unscannable' }).state).toBe('quarantined');
  });
});

describe('evidence state from its revisions', () => {
  it('current is the newest available revision whatever order the revisions settle in (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom('available', 'quarantined', 'scanning')),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        (events) => {
          let ev = blank;
          for (const [n, state] of events)
            ev = applyRevision(ev, rev({ revision: n, state: state as EvidenceRevision['state'] }), NOW);
          const file = ev.files[0]!;
          const available = events.filter(([, s]) => s === 'available').map(([n]) => n);
          expect(file.latest.revision).toBe(Math.max(...events.map(([n]) => n)));
          expect(file.current?.revision).toBe(available.length ? Math.max(...available) : undefined);
          expect(ev.state === 'available').toBe(available.length > 0);
        },
      ),
    );
  });

  it('pending, scanning, quarantined in that order when nothing is available; reviews stand until files change', () => {
    const files = (state: EvidenceRevision['state']) => applyRevision(blank, rev({ state }), NOW).files;
    expect(deriveEvidenceState(files('pending_upload')).state).toBe('pending_upload');
    expect(deriveEvidenceState(files('scanning')).state).toBe('scanning');
    const q = applyRevision(
      blank,
      rev({ state: 'quarantined', quarantineReason: { vi: 'v', en: 'e' } }),
      NOW,
    );
    expect(q).toMatchObject({ state: 'quarantined', quarantineReason: { en: 'e' } });
    const accepted = {
      ...applyRevision(blank, rev({ state: 'available' }), NOW),
      state: 'accepted' as const,
    };
    expect(applyRevision(accepted, rev({ fileId: 'f2', state: 'pending_upload' }), NOW).state).toBe(
      'accepted',
    );
    expect(applyRevision(accepted, rev({ revision: 2, state: 'available' }), NOW).state).toBe('available');
  });

  it('edits apply only what changed; null clears', () => {
    const ev = { ...blank, note: 'ghi chú', documentNumber: '1/KH' };
    const { next, changed } = editMetadata(ev, {
      version: 1,
      title: 'Kế hoạch',
      note: null,
      documentNumber: '2/KH',
    });
    expect(changed).toEqual(['documentNumber', 'note']);
    expect(next.note).toBeUndefined();
    expect(next.documentNumber).toBe('2/KH');
  });
});

describe('search text', () => {
  it('"ke hoach 1803" finds "Kế hoạch số 1803/KH-SKHCCN"; every token must match', () => {
    const text = searchTextOf({ title: 'Kế hoạch số 1803/KH-SKHCCN', files: [] });
    const matches = (q: string) => searchTokens(q).every((t) => text.includes(t));
    expect(matches('ke hoach 1803')).toBe(true);
    expect(matches('KẾ HOẠCH')).toBe(true);
    expect(matches('kh-skhccn')).toBe(true);
    expect(matches('ke hoach 1804')).toBe(false);
    expect(searchTokens('a a b c d e f g h i j')).toHaveLength(8);
  });
});

describe('Content-Disposition (RFC 6266)', () => {
  it('UTF-8 filename* round-trips any name; the ASCII fallback is safe to quote', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (name) => {
        const header = contentDisposition(name);
        const m = /^attachment; filename="([^"]*)"; filename\*=UTF-8''(.*)$/.exec(header);
        expect(m).not.toBeNull();
        expect(decodeURIComponent(m![2]!)).toBe(name.normalize('NFC'));
        expect(m![1]).toMatch(/^[\x20-\x7e]*$/);
        expect(m![1]).not.toMatch(/["\\]/);
        expect(m![2]).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]*$/);
      }),
    );
    expect(contentDisposition('Kế hoạch "số 1".pdf')).toBe(
      `attachment; filename="Ke hoach _so 1_.pdf"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20%22s%E1%BB%91%201%22.pdf`,
    );
    expect(contentDisposition('Đề án.pdf')).toContain('filename="De an.pdf"');
  });
});

describe('malware verdicts', () => {
  const chunks = (buf: Buffer, sizes: number[]) => {
    const out: Buffer[] = [];
    let i = 0;
    for (const s of sizes) {
      if (i >= buf.length) break;
      out.push(buf.subarray(i, i + s));
      i += s;
    }
    if (i < buf.length) out.push(buf.subarray(i));
    return out;
  };

  it('finds EICAR anywhere, however the stream is cut (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.uint8Array({ maxLength: 300 }),
        fc.array(fc.integer({ min: 1, max: 90 }), { maxLength: 30 }),
        (before, after, sizes) => {
          const file = Buffer.concat([before, Buffer.from(EICAR_SIGNATURE, 'latin1'), after]);
          const scan = eicarScan();
          for (const c of chunks(file, sizes)) scan.update(c);
          expect(scan.verdict().status).toBe('infected');
        },
      ),
    );
  });

  it('a clean stream stays clean, including a signature cut short', () => {
    const scan = eicarScan();
    const almost = Buffer.from(EICAR_SIGNATURE.slice(0, -1), 'latin1');
    for (const c of chunks(Buffer.concat([almost, Buffer.alloc(100, 1)]), [7, 13, 1, 1, 50])) scan.update(c);
    expect(scan.verdict()).toEqual({ engine: 'eicar-signature', status: 'clean' });
  });

  it('maps GuardDuty statuses; unknown ones give no verdict; the most severe verdict wins', () => {
    expect(verdictFromGuardDuty('NO_THREATS_FOUND')?.status).toBe('clean');
    expect(verdictFromGuardDuty('THREATS_FOUND', ['A', 'B'])).toMatchObject({
      status: 'infected',
      detail: 'A, B',
    });
    for (const s of ['UNSUPPORTED', 'ACCESS_DENIED', 'FAILED'])
      expect(verdictFromGuardDuty(s)?.status).toBe('unscannable');
    expect(verdictFromGuardDuty('SOMETHING_NEW')).toBeUndefined();
    const clean = { engine: 'a', status: 'clean' as const };
    const infected = { engine: 'b', status: 'infected' as const };
    expect(worstVerdict(clean, undefined, infected)).toBe(infected);
    expect(worstVerdict(undefined)).toBeUndefined();
  });
});

describe('carry-forward mapping', () => {
  const targets = new Set(['1.1', '1.2', '2.1', '2.2', '3.1']);
  it('same, renamed, split, merged and removed codes; codes without an entry map to themselves if present', () => {
    const mapping = [
      { from: '1.1', to: ['1.1'], kind: 'same' as const },
      { from: '1.3', to: ['1.2'], kind: 'renamed' as const },
      { from: '2', to: ['2.1', '2.2'], kind: 'split' as const },
      { from: '4.1', to: ['3.1'], kind: 'merged' as const },
      { from: '4.2', to: ['3.1'], kind: 'merged' as const },
      { from: '5', to: [], kind: 'removed' as const },
    ];
    expect(mapCriterionCodes(['1.1', '1.3', '2', '4.1', '4.2', '5', '9.9', '3.1'], mapping, targets)).toEqual(
      {
        mapped: ['1.1', '1.2', '2.1', '2.2', '3.1'],
        unmapped: ['5', '9.9'],
      },
    );
    expect(mapCriterionCodes(['1.1', '7'], undefined, targets)).toEqual({ mapped: ['1.1'], unmapped: ['7'] });
  });
});

describe('evidence policy rows', () => {
  const member = { userId: 'm', role: 'member' as const, entityId: 'e1', unitId: 'u1' };
  const leader = { userId: 'l', role: 'leader' as const, entityId: 'e1', unitId: 'u2' };
  const reviewer = { userId: 'r', role: 'reviewer' as const };
  const own = { entityId: 'e1', unitIds: ['u1'] };
  const otherUnit = { entityId: 'e1', unitIds: ['u9'] };

  it('members edit, delete and restore their unit’s evidence; leaders the entity’s; only admins purge', () => {
    for (const a of ['evidence:edit', 'evidence:delete', 'evidence:restore'] as const) {
      expect(decide(member, a, own).allow).toBe(true);
      expect(decide(member, a, otherUnit)).toEqual({ allow: false, reason: 'OTHER_UNIT' });
      expect(decide(leader, a, otherUnit).allow).toBe(true);
      expect(decide(reviewer, a, own).allow).toBe(false);
    }
    expect(decide(member, 'evidence:link', otherUnit).allow).toBe(true);
    expect(decide(leader, 'evidence:purge', own).allow).toBe(false);
    expect(decide({ userId: 'a', role: 'admin' }, 'evidence:purge', own).allow).toBe(true);
    expect(decide(reviewer, 'evidence:download', own).allow).toBe(true);
    expect(decide(member, 'evidence:carry-forward', own).allow).toBe(false);
    expect(decide(leader, 'evidence:carry-forward', own).allow).toBe(true);
  });
});
