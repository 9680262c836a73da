/**
 * Admin CLI: `npm run admin -- <command> …`. Runs the same use cases as the API (same validation, same
 * audit entries) as an administrator, against DynamoDB Local by default or AWS with `--aws`.
 *
 *   import-framework <file.json|spreadsheet> [--publish] [--dry-run]   (.xlsx, .xls, .ods, .csv, .tsv, .txt)
 *   publish-framework <frameworkId> <version>
 *   export-framework <frameworkId> <version> <out.xlsx|out.json>
 *   validate-framework <file.json|spreadsheet>                (offline: no database)
 *   open-cycle <cycle.json>
 *   import-assignments <cycleId> <entityId> <spreadsheet> [--dry-run]
 *   template <framework|assignments> <out.xlsx>
 *   export-dossier <cycleId> <entityId> <out.xlsx> [--unit <unitId>]
 *   export-council <cycleId> <out.xlsx>
 *   redrive-uploads                                           (once, what the 15-minute schedule runs)
 *   invite-user <email> <name> [--role admin] [--entity <id>] [--unit <id>] [--scope province:<name>|entities:<id>,…]
 *                                                             (the first administrator of a deployment)
 *
 * Exit codes: 0 done; 1 the file has problems (each printed with its row); 2 usage; 3 refused or failed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { extname } from 'node:path';
import type { Actor } from '#domain/actor.ts';
import { strictOf } from '#domain/common.ts';
import { newCycleSchema } from '#domain/cycle.ts';
import { ConflictError, DomainError, ValidationError } from '#domain/errors.ts';
import type { FrameworkProblem } from '#domain/framework.ts';
import { validateFrameworkDocument } from '#domain/framework.ts';
import { enIssueMessage } from '#domain/zod-messages.ts';
import type { Progress } from '#ports.ts';

const USAGE = `Cách dùng / usage: npm run admin -- <lệnh> [tham số]

  import-framework <tệp.json|bảng tính> [--publish] [--dry-run]  nhập bộ tiêu chí (xem trước với --dry-run);
                                                                 bảng tính / spreadsheet: .xlsx .xls .ods .csv .tsv .txt
  publish-framework <mã-bộ> <phiên-bản>                          ban hành một phiên bản nháp
  export-framework <mã-bộ> <phiên-bản> <ra.xlsx|ra.json>         xuất bộ tiêu chí
  validate-framework <tệp.json|bảng tính>                        kiểm tra tệp, không cần cơ sở dữ liệu
  open-cycle <kỳ.json>                                           mở kỳ đánh giá (JSON như POST /v1/cycles)
  import-assignments <mã-kỳ> <mã-đơn-vị> <bảng tính> [--dry-run] giao nhiệm vụ hàng loạt
  template <framework|assignments> <ra.xlsx>                     tải mẫu Excel trống
  export-dossier <mã-kỳ> <mã-đơn-vị> <ra.xlsx> [--unit <mã-phòng>]  xuất bảng điểm tự đánh giá (hồ sơ)
  export-council <mã-kỳ> <ra.xlsx>                               xuất bảng tổng hợp kết quả các đơn vị
  redrive-uploads                                                hoàn tất các tệp tải lên bị kẹt, hết hạn tệp bỏ dở (chạy một lần)
  invite-user <thư> "<họ tên>" [--role admin|reviewer|leader|member] [--entity <mã>] [--unit <mã>]
              [--scope province:<tỉnh>|entities:<mã>,…]          mời một người dùng (quản trị viên đầu tiên), như POST /v1/users

Tùy chọn / options: --aws (dùng AWS theo TABLE_NAME, USER_POOL_ID, AWS_REGION), --endpoint <url> (mặc định DynamoDB Local
http://localhost:8000), --table <tên> (mặc định minhchung-local), --user-pool <id> (mặc định USER_POOL_ID; cục bộ:
máy chủ đăng nhập cục bộ).`;

class UsageError extends Error {}

function parseArgs(argv: string[]) {
  const flags = new Set<string>();
  const options: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (['--endpoint', '--table', '--unit', '--role', '--entity', '--scope', '--user-pool'].includes(a))
      options[a.slice(2)] = argv[++i] ?? '';
    else if (a.startsWith('--')) flags.add(a.slice(2));
    else positional.push(a);
  }
  return { flags, options, positional };
}

/** Points the data adapters at DynamoDB Local unless told otherwise; must run before they are imported. */
function configureEnvironment(flags: Set<string>, options: Record<string, string>) {
  const local = !flags.has('aws');
  process.env.TABLE_NAME = options.table ?? process.env.TABLE_NAME ?? 'minhchung-local';
  process.env.BUCKET_NAME ??= 'minhchung-evidence-local';
  process.env.AWS_REGION ??= 'ap-southeast-1';
  if (local) {
    process.env.DYNAMODB_ENDPOINT =
      options.endpoint ??
      process.env.DYNAMODB_ENDPOINT ??
      `http://localhost:${process.env.MC_PORT_DYNAMO ?? 8000}`;
    // The local stack's S3 front (exports are stored and read back as the API does).
    process.env.S3_ENDPOINT ??= `http://localhost:${process.env.MC_PORT_S3 ?? 4569}`;
    process.env.AWS_ACCESS_KEY_ID ??= 'S3RVER';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'S3RVER';
    // The local issuer speaks Cognito's admin API (infra/local/issuer.ts).
    process.env.COGNITO_ENDPOINT ??= `http://localhost:${process.env.MC_PORT_AUTH ?? 9229}`;
    process.env.USER_POOL_ID = options['user-pool'] ?? process.env.USER_POOL_ID ?? 'local_MinhChung';
  } else {
    if (options.endpoint) process.env.DYNAMODB_ENDPOINT = options.endpoint;
    if (options['user-pool']) process.env.USER_POOL_ID = options['user-pool'];
  }
}

const actor: Actor = { userId: `cli:${userInfo().username}`, role: 'admin' };

/** Progress on stderr, rewritten in place on a terminal. */
function progress(label: string): Progress {
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done < total && now - last < 200) return;
    last = now;
    const line = `  ${label}: ${done}/${total}`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}${done >= total ? '\n' : ''}`);
    else if (done >= total || done % 1000 === 0) process.stderr.write(`${line}\n`);
  };
}

function printProblems(
  problems: readonly {
    row?: number;
    nodeCode?: string;
    field?: string;
    message: { vi: string; en: string };
  }[],
) {
  for (const p of problems) {
    const where = [
      p.row !== undefined ? `dòng ${p.row}` : undefined,
      p.nodeCode ? `[${p.nodeCode}]` : undefined,
    ]
      .filter(Boolean)
      .join(' ');
    console.error(`  ✖ ${where ? `${where}: ` : ''}${p.message.vi}`);
    console.error(`      ${p.message.en}`);
  }
}

const readFile = (path: string): Buffer => {
  try {
    return readFileSync(path);
  } catch {
    throw new UsageError(`Không đọc được tệp / cannot read file: ${path}`);
  }
};

const SHEET_EXTENSIONS = new Set(['.xlsx', '.xls', '.ods', '.csv', '.tsv', '.txt']);

function frameworkSource(path: string) {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') {
    try {
      return { format: 'json' as const, document: JSON.parse(readFile(path).toString('utf8')) as unknown };
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`JSON không hợp lệ / invalid JSON: ${path}`);
    }
  }
  // Any spreadsheet the one reader opens; it recognises the kind from the bytes (docs/spreadsheets.md).
  if (SHEET_EXTENSIONS.has(ext))
    return { format: 'xlsx-bytes' as const, bytes: new Uint8Array(readFile(path)) };
  throw new UsageError(
    'Tệp phải là .json hoặc bảng tính (.xlsx, .xls, .ods, .csv, .tsv, .txt) / the file must be .json or a spreadsheet (.xlsx, .xls, .ods, .csv, .tsv, .txt)',
  );
}

/** `province:<name>`, `entities:<id>,…` or `all`, as the people admin page writes a scope. */
function parseScope(value: string) {
  if (value === 'all') return { kind: 'all' as const };
  const [kind, rest = ''] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
  if (kind === 'province') return { kind: 'province' as const, province: rest.normalize('NFC') };
  if (kind === 'entities') return { kind: 'entities' as const, entityIds: rest.split(',').filter(Boolean) };
  throw new UsageError('--scope: province:<tỉnh>, entities:<mã>,… hoặc / or all');
}

async function main(argv: string[]): Promise<number> {
  const { flags, options, positional } = parseArgs(argv);
  const [command, ...args] = positional;
  if (!command || flags.has('help') || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  configureEnvironment(flags, options);
  const need = (n: number) => {
    if (args.length < n) throw new UsageError(USAGE);
  };
  // Imported here, after the environment is set: adapters read it when they first run.
  const { systemClock, ulidIds } = await import('#adapters/runtime.ts');

  switch (command) {
    case 'validate-framework': {
      need(1);
      const source = frameworkSource(args[0]!);
      let problems: FrameworkProblem[];
      if (source.format === 'json') {
        const r = validateFrameworkDocument(source.document);
        problems = r.ok ? [] : r.problems;
      } else {
        const { frameworkSheet } = await import('#adapters/xlsx/framework-sheet.ts');
        const read = await frameworkSheet.read(source.bytes, progress('đọc dòng / rows read'));
        const r = validateFrameworkDocument(read.document);
        problems = frameworkSheet.withRows([...read.problems, ...(r.ok ? [] : r.problems)], read);
      }
      if (problems.length) {
        console.error(`✖ ${problems.length} lỗi / problem(s):`);
        printProblems(problems);
        return 1;
      }
      console.log('✔ Hợp lệ / valid');
      return 0;
    }
    case 'import-framework': {
      need(1);
      const { frameworkRepository } = await import('#adapters/dynamo/framework-repository.ts');
      const { frameworkSheet } = await import('#adapters/xlsx/framework-sheet.ts');
      const { importFramework } = await import('#usecases/frameworks.ts');
      const deps = {
        frameworks: frameworkRepository,
        sheets: frameworkSheet,
        clock: systemClock,
        ids: ulidIds,
      };
      const dryRun = flags.has('dry-run');
      const publish = flags.has('publish');
      const shown = await importFramework(
        deps,
        actor,
        { mode: 'preview', publish, source: frameworkSource(args[0]!) },
        progress('đọc dòng / rows read'),
      );
      for (const w of shown.warnings) console.error(`  ⚠ ${w.vi}`);
      if (!shown.ok) {
        console.error(`✖ ${shown.problems.length} lỗi, chưa ghi gì / problem(s), nothing written:`);
        printProblems(shown.problems);
        return 1;
      }
      if (!dryRun)
        await importFramework(deps, actor, { mode: 'commit', publish, source: frameworkSource(args[0]!) });
      const f = shown.framework!;
      console.log(
        `${dryRun ? 'Xem trước / preview' : '✔ Đã ghi / written'}: ${f.frameworkId} v${f.version} (${f.status}, ${f.provenance}) — ${shown.creates.length} tiêu chí, tổng ${shown.totals?.totalPoints} điểm`,
      );
      return 0;
    }
    case 'publish-framework': {
      need(2);
      const { frameworkRepository } = await import('#adapters/dynamo/framework-repository.ts');
      const { publishFramework } = await import('#usecases/frameworks.ts');
      const f = await publishFramework(
        { frameworks: frameworkRepository, clock: systemClock, ids: ulidIds },
        actor,
        args[0]!,
        Number(args[1]),
      );
      console.log(`✔ Đã ban hành / published: ${f.frameworkId} v${f.version}`);
      return 0;
    }
    case 'export-framework': {
      need(3);
      const { frameworkRepository } = await import('#adapters/dynamo/framework-repository.ts');
      const { frameworkSheet } = await import('#adapters/xlsx/framework-sheet.ts');
      const { exportFramework } = await import('#usecases/frameworks.ts');
      const out = args[2]!;
      const file = await exportFramework(
        { frameworks: frameworkRepository, sheets: frameworkSheet },
        actor,
        args[0]!,
        Number(args[1]),
        extname(out).toLowerCase() === '.json' ? 'json' : 'xlsx',
      );
      writeFileSync(out, file.bytes);
      console.log(`✔ ${out} (${file.bytes.length} byte)`);
      return 0;
    }
    case 'open-cycle': {
      need(1);
      const { cycleRepository } = await import('#adapters/dynamo/cycle-repository.ts');
      const { frameworkRepository } = await import('#adapters/dynamo/framework-repository.ts');
      const { organizationRepository } = await import('#adapters/dynamo/organization-repository.ts');
      const { createCycle } = await import('#usecases/cycles.ts');
      let raw: unknown;
      try {
        raw = JSON.parse(readFile(args[0]!).toString('utf8'));
      } catch (e) {
        if (e instanceof UsageError) throw e;
        throw new UsageError(`JSON không hợp lệ / invalid JSON: ${args[0]}`);
      }
      const parsed = strictOf(newCycleSchema).safeParse(raw, { error: enIssueMessage });
      if (!parsed.success) {
        console.error('✖ Tệp kỳ đánh giá không hợp lệ / invalid cycle file:');
        printProblems(
          parsed.error.issues.map((i) => ({
            field: i.path.join('.'),
            message: { vi: `${i.path.join('.')}: ${i.message}`, en: `${i.path.join('.')}: ${i.message}` },
          })),
        );
        return 1;
      }
      const cycle = await createCycle(
        {
          cycles: cycleRepository,
          frameworks: frameworkRepository,
          org: organizationRepository,
          clock: systemClock,
          ids: ulidIds,
        },
        actor,
        parsed.data,
      );
      console.log(
        `✔ Đã mở kỳ / cycle opened: ${cycle.cycleId} (${cycle.year}, ${cycle.frameworkId} v${cycle.frameworkVersion})`,
      );
      return 0;
    }
    case 'import-assignments': {
      need(3);
      const { assignmentRepository } = await import('#adapters/dynamo/assignment-repository.ts');
      const { cycleRepository } = await import('#adapters/dynamo/cycle-repository.ts');
      const { frameworkRepository } = await import('#adapters/dynamo/framework-repository.ts');
      const { organizationRepository } = await import('#adapters/dynamo/organization-repository.ts');
      const { assignmentSheet } = await import('#adapters/xlsx/assignment-sheet.ts');
      const { importAssignments } = await import('#usecases/assignments.ts');
      const deps = {
        cycles: cycleRepository,
        frameworks: frameworkRepository,
        org: organizationRepository,
        assignments: assignmentRepository,
        sheets: assignmentSheet,
        clock: systemClock,
        ids: ulidIds,
      };
      const ref = { cycleId: args[0]!, entityId: args[1]! };
      const bytes = new Uint8Array(readFile(args[2]!));
      const dryRun = flags.has('dry-run');
      const preview = await importAssignments(
        deps,
        actor,
        ref,
        { mode: 'preview', bytes },
        progress('đọc dòng / rows read'),
      );
      for (const w of preview.warnings) console.error(`  ⚠ ${w.message.vi}`);
      if (!preview.ok) {
        console.error(`✖ ${preview.problems.length} lỗi, chưa ghi gì / problem(s), nothing written:`);
        printProblems(preview.problems);
        return 1;
      }
      if (!dryRun && preview.creates.length)
        await importAssignments(deps, actor, ref, { mode: 'commit', bytes }, progress('ghi / written'));
      console.log(
        `${dryRun ? 'Xem trước / preview' : '✔ Đã ghi / written'}: ${preview.creates.length} nhiệm vụ mới, ${preview.unchanged.length} không đổi`,
      );
      return 0;
    }
    case 'template': {
      need(2);
      const { frameworkSheet } = await import('#adapters/xlsx/framework-sheet.ts');
      const { assignmentSheet } = await import('#adapters/xlsx/assignment-sheet.ts');
      const kind = args[0];
      if (kind !== 'framework' && kind !== 'assignments') throw new UsageError(USAGE);
      const bytes = kind === 'framework' ? await frameworkSheet.template() : await assignmentSheet.template();
      writeFileSync(args[1]!, bytes);
      console.log(`✔ ${args[1]}`);
      return 0;
    }
    case 'export-dossier':
    case 'export-council': {
      need(command === 'export-dossier' ? 3 : 2);
      const out = args[command === 'export-dossier' ? 2 : 1]!;
      const { exportWith } = await import('./export-dossier.ts');
      const file = await exportWith(actor, {
        cycleId: args[0]!,
        ...(command === 'export-dossier' ? { entityId: args[1]! } : {}),
        ...(options.unit ? { unitId: options.unit } : {}),
      });
      writeFileSync(out, file.bytes);
      console.log(`✔ ${out} (${file.bytes.length} byte; số liệu đọc lúc / read at ${file.readAt})`);
      return 0;
    }
    case 'redrive-uploads': {
      // The same use case and configuration as the 15-minute schedule (docs/evidence.md, "Recovery").
      const { cycleRepository } = await import('#adapters/dynamo/cycle-repository.ts');
      const { evidenceRepository } = await import('#adapters/dynamo/evidence-repository.ts');
      const { streamingObjectStore } = await import('#adapters/s3/object-store.ts');
      const { scannerFromEnv } = await import('#adapters/scanners/from-env.ts');
      const { recoveryConfig } = await import('#config/recovery-env.ts');
      const { redriveUploads } = await import('#usecases/upload-recovery.ts');
      const report = await redriveUploads(
        {
          evidence: evidenceRepository,
          cycles: cycleRepository,
          store: streamingObjectStore,
          scanner: scannerFromEnv(streamingObjectStore),
          clock: systemClock,
          ids: ulidIds,
        },
        recoveryConfig(),
      );
      const count = (c: Record<string, number>) =>
        Object.entries(c)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ') || '0';
      console.log(
        `${report.failed.length ? '✖' : '✔'} Đã xem / examined ${report.examined}: hoàn tất / finalized ${count(report.finalized)}; kết quả quét / scans ${count(report.scans)}; hết hạn / expired ${report.expired}; chờ / waiting ${report.waiting}${report.more ? '; còn nữa, chạy lại / more to do, run again' : ''}`,
      );
      for (const f of report.failed) console.error(`  ✖ ${f.objectKey}: ${f.error}`);
      return report.failed.length ? 3 : 0;
    }
    case 'invite-user': {
      // The same use case as POST /v1/users: Cognito AdminCreateUser (temporary password by e-mail), the
      // profile, the audit entry. How a deployment gets its first administrator (docs/deploy.md).
      need(2);
      const { inviteUserSchema } = await import('#domain/user.ts');
      const parsed = inviteUserSchema.safeParse(
        {
          email: args[0],
          name: args.slice(1).join(' ').normalize('NFC'),
          role: options.role ?? 'admin',
          ...(options.entity ? { entityId: options.entity } : {}),
          ...(options.unit ? { unitId: options.unit } : {}),
          ...(options.scope ? { scope: parseScope(options.scope) } : {}),
        },
        { error: enIssueMessage },
      );
      if (!parsed.success)
        throw new UsageError(
          parsed.error.issues.map((i) => `✖ ${i.path.join('.') || 'input'}: ${i.message}`).join('\n'),
        );
      const { userRepository } = await import('#adapters/dynamo/user-repository.ts');
      const { organizationRepository } = await import('#adapters/dynamo/organization-repository.ts');
      const { cognitoUserDirectory } = await import('#adapters/cognito/user-directory.ts');
      const { inviteUser } = await import('#usecases/users.ts');
      const user = await inviteUser(
        {
          users: userRepository,
          directory: cognitoUserDirectory,
          org: organizationRepository,
          clock: systemClock,
          ids: ulidIds,
        },
        actor,
        parsed.data,
      );
      console.log(
        `✔ Đã mời / invited ${user.email} (${user.role}, ${user.userId}): mật khẩu tạm thời đã gửi qua thư / temporary password sent by e-mail`,
      );
      return 0;
    }
    default:
      throw new UsageError(`Không có lệnh "${command}" / unknown command.\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof UsageError) {
      console.error(e.message);
      process.exit(2);
    }
    if (e instanceof ValidationError) {
      console.error(`✖ ${e.detail.vi}`);
      printProblems(e.issues);
      process.exit(1);
    }
    if (e instanceof ConflictError || e instanceof DomainError) {
      console.error(`✖ ${e.detail.vi}\n  ${e.detail.en}`);
      process.exit(3);
    }
    console.error(e);
    process.exit(3);
  },
);
