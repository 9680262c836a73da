import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identityFromClaims } from '#domain/actor.ts';
import { DEFAULT_UPLOAD_LIMITS } from '#domain/cycle.ts';
import { UnauthenticatedError } from '#domain/errors.ts';
import { checkUploadAgainstLimits, uploadRequestSchema } from '#domain/evidence.ts';
import { bytesMatchKind, sniffHead } from '#domain/file-types.ts';
import { objectKeys } from '#domain/object-keys.ts';
import { decide } from '#domain/policy.ts';
import { cleanFileName, foldForSearch } from '#domain/text.ts';

describe('identityFromClaims', () => {
  const now = new Date('2026-03-01T08:00:00Z');
  const t = Math.floor(now.getTime() / 1000);
  const base = { sub: 'u1', email: 'a@b.vn', iat: t - 60, exp: t + 3600 };

  it('reads who the token names and its times, as numbers or as the strings API Gateway passes', () => {
    expect(identityFromClaims(base, now)).toEqual({
      userId: 'u1',
      email: 'a@b.vn',
      name: undefined,
      issuedAt: t - 60,
      expiresAt: t + 3600,
    });
    expect(identityFromClaims({ ...base, iat: String(t - 60), exp: String(t + 3600) }, now)).toMatchObject({
      issuedAt: t - 60,
      expiresAt: t + 3600,
    });
  });

  it('a token without a numeric exp or iat, or already expired, or without sub proves nothing', () => {
    const { exp: _e, ...noExp } = base;
    const { iat: _i, ...noIat } = base;
    for (const claims of [
      undefined,
      noExp,
      noIat,
      { ...base, exp: 'soon' },
      { ...base, exp: '' },
      { ...base, exp: null },
      { ...base, exp: t },
      { ...base, exp: t - 1 },
      { ...base, iat: '1e9' },
      { ...base, sub: '' },
    ])
      expect(() => identityFromClaims(claims as Record<string, unknown>, now)).toThrow(UnauthenticatedError);
  });
});

describe('policy skeleton', () => {
  const member = { userId: 'u', role: 'member' as const, entityId: 'e1', unitId: 'p1' };
  it('members act inside their entity only; only admins open cycles; reviewers never upload', () => {
    expect(decide(member, 'evidence:upload', { entityId: 'e1' })).toEqual({ allow: true });
    expect(decide(member, 'evidence:upload', { entityId: 'e2' })).toEqual({
      allow: false,
      reason: 'OTHER_ENTITY',
    });
    expect(decide(member, 'cycle:create')).toEqual({ allow: false, reason: 'ROLE_NOT_ALLOWED' });
    expect(decide({ userId: 'r', role: 'reviewer' }, 'evidence:upload', { entityId: 'e1' }).allow).toBe(
      false,
    );
    expect(decide({ userId: 'a', role: 'admin' }, 'cycle:create').allow).toBe(true);
  });
});

describe('file names and search text', () => {
  it('keeps Vietnamese names, NFC, without path parts or control characters', () => {
    const nfd = 'Kế hoạch số 1803.pdf'.normalize('NFD');
    expect(cleanFileName(nfd)).toBe('Kế hoạch số 1803.pdf'.normalize('NFC'));
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('..\\..\\x.pdf')).toBe('x.pdf');
    expect(cleanFileName('a\u0000b\u001f.pdf')).toBe('ab.pdf');
    // Nothing left: the schema refuses the name (file-integrity.test.ts).
    expect(cleanFileName('...')).toBe('');
  });

  it('bounds long names and keeps the extension; emoji are not cut in half', () => {
    const long = `${'😀'.repeat(150)}${'a'.repeat(150)}.docx`;
    const out = cleanFileName(long);
    expect(Array.from(out).length).toBeLessThanOrEqual(200);
    expect(out.endsWith('.docx')).toBe(true);
    expect(out).not.toMatch(/\uFFFD/);
    expect(out.isWellFormed()).toBe(true);
  });

  it('cleaning is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        expect(cleanFileName(cleanFileName(s))).toBe(cleanFileName(s));
      }),
    );
  });

  it('search folds diacritics, đ and case', () => {
    expect(foldForSearch('Kế hoạch số 1803/KH-SKHCCN')).toBe('ke hoach so 1803/kh-skhccn');
    expect(foldForSearch('ĐẢNG ủy')).toBe('dang uy');
  });
});

describe('upload limits and sniffing', () => {
  it('refuses types outside the allow-list and sizes over the limit, naming the field', () => {
    const res = checkUploadAgainstLimits(
      { contentType: 'application/x-msdownload', sizeBytes: 60 * 1024 * 1024, fileName: 'x.exe' },
      DEFAULT_UPLOAD_LIMITS,
    );
    expect('issues' in res && res.issues.map((i) => i.field)).toEqual([
      'body.fileName',
      'body.contentType',
      'body.sizeBytes',
    ]);
    expect(
      checkUploadAgainstLimits(
        { contentType: 'application/pdf', sizeBytes: 1, fileName: 'a.pdf' },
        DEFAULT_UPLOAD_LIMITS,
      ),
    ).toEqual({
      kind: 'pdf',
    });
  });

  it('zero-byte files are refused at the schema', () => {
    expect(
      uploadRequestSchema.safeParse({ fileName: 'a.pdf', contentType: 'application/pdf', sizeBytes: 0 })
        .success,
    ).toBe(false);
  });

  it('recognises magic numbers and matches them to declared kinds', () => {
    expect(sniffHead(Buffer.from('%PDF-1.7'))).toBe('pdf');
    expect(sniffHead(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe('zip');
    expect(sniffHead(Buffer.from('MZ\x90\x00'))).toBe('exe');
    expect(sniffHead(Buffer.alloc(0))).toBe('unknown');
    expect(bytesMatchKind('docx', 'docx')).toBe(true);
    // A ZIP without Word's parts is not a .docx (file-integrity.test.ts).
    expect(bytesMatchKind('zip', 'docx')).toBe(false);
    expect(bytesMatchKind('exe', 'pdf')).toBe(false);
  });

  it('object keys are ours and round-trip; anything else is not an evidence key', () => {
    const ref = { cycleId: 'c1', entityId: 'e1', evidenceId: '01ABC', fileId: '01DEF', revision: 3 };
    const key = objectKeys.evidenceFile(ref);
    expect(key).toBe('evidence/c1/e1/01ABC/01DEF/3');
    expect(objectKeys.parseEvidenceFile(key)).toEqual(ref);
    expect(objectKeys.parseEvidenceFile('evidence/c1/e1/01ABC/01DEF/0')).toBeUndefined();
    expect(objectKeys.parseEvidenceFile('evidence/../x/y/z')).toBeUndefined();
    expect(objectKeys.parseEvidenceFile('other/c/e/i')).toBeUndefined();
  });
});
