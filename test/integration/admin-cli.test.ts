/**
 * The admin CLI against the suite's DynamoDB Local: a clean framework file imports (exit 0) and a broken
 * sheet exits non-zero, printing each problem with its row, having written nothing.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_COLUMNS, frameworkSheet } from '#adapters/xlsx/framework-sheet.ts';
import { validateFrameworkDocument } from '#domain/framework.ts';
import { REPO_ROOT } from '#infra/local/stack.ts';
import { api, cognito, stack } from './helpers.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'minhchung-cli-'));
const id = `cli-${Date.now().toString(36)}`;

async function admin(...args: string[]) {
  try {
    const r = await run(
      process.execPath,
      ['infra/admin/cli.ts', ...args, '--endpoint', stack.dynamo, '--table', stack.tableName],
      {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          AWS_ACCESS_KEY_ID: 'local',
          AWS_SECRET_ACCESS_KEY: 'local',
          // The suite's issuer, which speaks Cognito's admin API (invite-user).
          COGNITO_ENDPOINT: stack.auth,
        },
      },
    );
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const doc = {
  frameworkId: id,
  version: 1,
  name: { vi: 'Bộ nhập bằng dòng lệnh', en: 'Imported from the CLI' },
  index: 'other',
  years: { from: 2030 },
  provenance: 'sample',
  nodes: [
    { code: '1', title: { vi: 'Một', en: 'One' }, maxPoints: 2, method: 'evidence' },
    { code: '1.1', title: { vi: 'Một một', en: 'One one' }, maxPoints: 2, method: 'evidence' },
  ],
};

describe('admin CLI', () => {
  it('exits 1 on a broken sheet, printing the row of each problem, and writes nothing', async () => {
    const parsed = validateFrameworkDocument(doc);
    if (!parsed.ok) throw new Error('fixture');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await frameworkSheet.write(parsed.document)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const maxCol = FRAMEWORK_COLUMNS.findIndex((c) => c.key === 'maxPoints') + 1;
    let row = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(1).value === '1.1') row = n;
    });
    ws.getCell(row, maxCol).value = 3;
    const file = join(dir, 'loi.xlsx');
    writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));

    const r = await admin('import-framework', file, '--publish');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`dòng ${row - 1}`);
    expect(r.stderr).toContain('sum of its children');
    expect((await api('GET', `/v1/frameworks/${id}/versions/1`)).status).toBe(404);
  });

  it('imports and publishes a clean file (exit 0), then refuses to overwrite it', async () => {
    const file = join(dir, 'tot.json');
    writeFileSync(file, JSON.stringify(doc));
    const ok = await admin('import-framework', file, '--publish');
    expect(ok.stderr + ok.stdout).toContain(`${id} v1`);
    expect(ok.code).toBe(0);
    expect((await api('GET', `/v1/frameworks/${id}/versions/1`)).body.status).toBe('published');
    const again = await admin('import-framework', file);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('đã ban hành');
    expect((await admin('nonsense')).code).toBe(2);
  });

  it('opens a cycle from a JSON file, tracked frameworks included; a wrong file exits 1', async () => {
    const cycle = {
      year: 2033,
      name: { vi: 'Kỳ mở bằng dòng lệnh', en: 'Cycle opened from the CLI' },
      frameworkId: 'par-so-mau',
      frameworkVersion: 1,
      trackedFrameworks: [{ frameworkId: 'sipas', version: 1 }],
      entityIds: ['so-khcn-ninh-thuan'],
      dates: {
        evidenceDue: '2033-11-30',
        selfAssessmentDue: '2033-12-15',
        appraisalStart: '2033-12-18',
        appraisalEnd: '2034-01-15',
        publication: '2034-02-28',
      },
    };
    const file = join(dir, 'ky.json');
    writeFileSync(file, JSON.stringify(cycle));
    const ok = await admin('open-cycle', file);
    expect(ok.code).toBe(0);
    const cycleId = /cycle opened: (\S+)/.exec(ok.stdout)?.[1];
    expect((await api('GET', `/v1/cycles/${cycleId}`, { as: 'admin' })).body.trackedFrameworks).toEqual([
      { frameworkId: 'sipas', version: 1 },
    ]);
    writeFileSync(
      file,
      JSON.stringify({ ...cycle, trackedFrameworks: [{ frameworkId: 'khong-co', version: 1 }] }),
    );
    const bad = await admin('open-cycle', file);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('khong-co');
  });

  it('invites the first administrator (docs/deploy.md): a temporary password by e-mail, then their own', async () => {
    const email = `quan-tri-${id}@minhchung.local`;
    const ok = await admin('invite-user', email, 'Nguyễn Văn Quản Trị', '--role', 'admin');
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`invited ${email} (admin,`);
    const messages = (await (await fetch(`${stack.auth}/local/messages`)).json()) as {
      to: string;
      body: string;
    }[];
    const temp = /mật khẩu tạm thời: (\S+?)\. /.exec(
      messages.filter((m) => m.to === email).at(-1)?.body ?? '',
    )?.[1];
    expect(temp).toBeTruthy();
    const first = await cognito('InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: stack.clientId,
      AuthParameters: { USERNAME: email, PASSWORD: temp },
    });
    expect(first.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const done = await cognito('RespondToAuthChallenge', {
      ClientId: stack.clientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: first.Session,
      ChallengeResponses: { USERNAME: email, NEW_PASSWORD: 'Quan-Tri@2026-lan-dau' },
    });
    const me = await api('GET', '/v1/me', { token: done.AuthenticationResult.IdToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email, name: 'Nguyễn Văn Quản Trị', role: 'admin' });
    // Inviting the same address again is refused and changes nothing.
    const again = await admin('invite-user', email, 'Ai đó', '--role', 'admin');
    expect(again.code).toBe(3);
    expect(again.stderr).toContain(email);
    const wrong = await admin('invite-user', 'khong-phai-thu', 'X', '--role', 'member');
    expect(wrong.code).toBe(2);
  });
});
