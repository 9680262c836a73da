/**
 * The web app's pure parts: path parameters are encoded, and the formatting and file checks
 * behave as Vietnamese users expect. (The browser journeys are in test/e2e.)
 */
import { describe, expect, test } from 'vitest';
import { buildPath } from '#web/api/path.ts';
import { checkFile } from '#web/common/upload-check.ts';
import { fold, formatBytes, formatDate, formatIsoDate, formatPercent } from '#web/i18n/format.ts';
import * as adminMessages from '#web/i18n/messages/admin.ts';
import * as adminPeopleMessages from '#web/i18n/messages/admin-people.ts';
import * as adminSetupMessages from '#web/i18n/messages/admin-setup.ts';
import * as dashboardMessages from '#web/i18n/messages/dashboard.ts';
import * as dossierMessages from '#web/i18n/messages/dossier.ts';
import * as evidenceMessages from '#web/i18n/messages/evidence.ts';
import * as evidenceReviewMessages from '#web/i18n/messages/evidence-review.ts';
import * as homeMessages from '#web/i18n/messages/home.ts';
import * as reportMessages from '#web/i18n/messages/report.ts';
import * as securityMessages from '#web/i18n/messages/security.ts';
import { core, en, vi } from '#web/i18n/messages.ts';

describe('web API client paths', () => {
  test('path parameters are encoded', () => {
    expect(buildPath('/v1/cycles/{cycleId}/criteria/{code}', { cycleId: 'a b', code: '1.1' })).toBe(
      '/v1/cycles/a%20b/criteria/1.1',
    );
    expect(() => buildPath('/v1/cycles/{cycleId}')).toThrow(/cycleId/);
  });
});

describe('web formatting', () => {
  test('dates are dd/MM/yyyy, instants in Asia/Ho_Chi_Minh', () => {
    expect(formatIsoDate('2023-11-30')).toBe('30/11/2023');
    // 17:30 UTC on 31/12 is already 1 January in Hà Nội.
    expect(formatDate('2023-12-31T17:30:00.000Z')).toBe('01/01/2024');
  });

  test('numbers follow the language', () => {
    expect(formatBytes(1536, 'vi')).toBe('1,5 KB');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(52_428_800, 'vi')).toBe('50 MB');
    expect(formatPercent(12.345, 'vi')).toBe('12,3%');
  });

  test('search ignores diacritics and đ', () => {
    expect(fold('Kế hoạch Đào tạo')).toBe('ke hoach dao tao');
    expect(fold('  QUYẾT ĐỊNH ')).toBe('quyet dinh');
  });

  test('every message has both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const [k, v] of Object.entries(en)) expect(v, k).not.toBe('');
  });
});

describe('upload pre-check', () => {
  const limits = {
    maxFileBytes: 1024 * 1024,
    allowedKinds: ['pdf', 'docx', 'jpg'] as ('pdf' | 'docx' | 'jpg')[],
  };
  const bytes = (n: number) => formatBytes(n, 'vi');

  test('the extension decides the kind when the browser gives no type', () => {
    expect(checkFile({ name: 'Kế hoạch.PDF', size: 10, type: '' }, limits, bytes)).toEqual({
      ok: true,
      kind: 'pdf',
      contentType: 'application/pdf',
    });
    expect(
      checkFile({ name: 'anh.jpeg', size: 10, type: 'application/octet-stream' }, limits, bytes),
    ).toMatchObject({
      ok: true,
      contentType: 'image/jpeg',
    });
  });

  test('refuses kinds the cycle does not take, empty files and files over the limit', () => {
    expect(checkFile({ name: 'bang.xlsx', size: 10, type: '' }, limits, bytes)).toMatchObject({
      ok: false,
      key: 'upload.check.type',
    });
    expect(checkFile({ name: 'x.pdf', size: 0, type: 'application/pdf' }, limits, bytes)).toMatchObject({
      ok: false,
      key: 'upload.check.empty',
    });
    expect(
      checkFile({ name: 'x.pdf', size: 2 * 1024 * 1024, type: 'application/pdf' }, limits, bytes),
    ).toEqual({
      ok: false,
      key: 'upload.check.size',
      vars: { size: '2 MB', max: '1 MB' },
    });
  });
});

describe('web message modules', () => {
  test('feature modules never reuse a key (a spread would silently replace the other text)', () => {
    const modules: object[] = [
      core,
      adminMessages.vi,
      adminSetupMessages.vi,
      adminPeopleMessages.vi,
      dashboardMessages.vi,
      evidenceMessages.vi,
      evidenceReviewMessages.vi,
      homeMessages.vi,
      dossierMessages.vi,
      reportMessages.vi,
      securityMessages.vi,
    ];
    const counted = Object.keys(vi).length;
    const total = modules.reduce<number>((n, m) => n + Object.keys(m).length, 0);
    const seen = new Set<string>();
    for (const m of modules)
      for (const k of Object.keys(m)) {
        expect(seen.has(k), `${k} is defined twice`).toBe(false);
        seen.add(k);
      }
    expect(counted).toBe(total);
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });
});
