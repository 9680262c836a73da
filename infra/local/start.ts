/**
 * `npm start`: the local stack with demo data. Ports can be moved with MC_PORT_API, MC_PORT_WEB, MC_PORT_AUTH,
 * MC_PORT_S3, MC_PORT_DYNAMO. Ctrl-C stops everything, the Java process included.
 */
import { join } from 'node:path';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-data.ts';
import { assertPortFree, checkJava, LocalSetupError } from './engines.ts';
import { REPO_ROOT, startLocalStack } from './stack.ts';

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

async function main() {
  const ports = {
    api: port('MC_PORT_API', 3000),
    web: port('MC_PORT_WEB', 5173),
    auth: port('MC_PORT_AUTH', 9229),
    s3: port('MC_PORT_S3', 4569),
    dynamo: port('MC_PORT_DYNAMO', 8000),
    mailbox: port('MC_PORT_MAILBOX', 8025),
  };
  checkJava();
  for (const [what, p] of Object.entries(ports)) await assertPortFree(p, what);

  const stack = await startLocalStack({
    ports,
    dataDir: join(REPO_ROOT, '.local'),
    persist: true,
    seed: true,
    reminderTimer: true,
    // Vite's dev server with hot reload; `MC_WEB=dist` serves the production build (npm run build:web) instead.
    web: process.env.MC_WEB === 'dist' ? 'dist' : 'dev',
    log: (line) => console.log(`  · ${line}`),
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: đang dừng… / stopping…`);
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  console.log(`
Minh Chứng — môi trường cục bộ đã sẵn sàng / local stack is up

  Ứng dụng web / Web app   ${stack.urls.web}
  API                      ${stack.urls.api}   (OpenAPI: ${stack.urls.openapi})
  Đăng nhập / Sign-in      ${stack.urls.auth}
  S3 (s3rver)              ${stack.urls.s3}
  DynamoDB Local           ${stack.urls.dynamo}
  Hộp thư / Mailbox        ${stack.urls.mailbox}   (nhắc việc: npm run remind -- --date YYYY-MM-DD [--dry-run])

  Tài khoản mẫu / demo users (mật khẩu / password: ${DEMO_PASSWORD})
${DEMO_USERS.map((u) => `    ${u.role.padEnd(9)} ${u.email}`).join('\n')}

  Xác thực hai bước / two-step sign-in (TOTP) — quản trị viên bắt buộc / required for admins:
${DEMO_USERS.filter((u) => u.totpSecret)
  .map((u) => `    ${u.email}: khoá / key ${u.totpSecret}`)
  .join('\n')}
    Trang đăng nhập hiện mã hiện tại; hoặc thêm khoá vào ứng dụng xác thực.
    The sign-in page shows the current code; or add the key to an authenticator app.

  Dữ liệu / data: .local/   ·   Ctrl-C để dừng / to stop
`);
}

main().catch((e) => {
  if (e instanceof LocalSetupError) {
    console.error(`\n✖ ${e.message}\n`);
  } else {
    console.error(e);
  }
  process.exit(1);
});
