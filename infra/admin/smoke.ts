/**
 * Smoke test of a running stage: `npm run smoke -- --stage prod|dev|local`. Signs in as the smoke user, uploads a
 * small PDF made in memory, waits until finalize (and, in AWS, the malware scan) makes it available, reads the
 * entity's readiness and bins the evidence again, printing each step with ✓/✗ and its time. Exit code 0 when
 * every step passed, 1 when one failed (named on the last line), 2 for a usage error. See README, "Deploy".
 *
 * Where it finds the stage:
 * - `local`: the running local stack's `/config.json` (what the web app reads: API URL, sign-in endpoint and
 *   client), at `--web-url` or http://localhost:$MC_PORT_WEB (5173); it signs in as the first demo member.
 * - `dev` / `prod`: the outputs of the CloudFormation stack `MinhChung-<stage>` (DescribeStacks; region from
 *   `--region`, AWS_REGION or the AWS profile), then the deployed `/config.json` behind `WebUrl`, which must name
 *   the same API and client. The smoke user's credentials come from MC_SMOKE_EMAIL and MC_SMOKE_PASSWORD, or
 *   from the SecureString parameter `/minhchung/<stage>/smoke-user` holding `{"email": …, "password": …}`.
 *
 * Sign-in is the web app's own: Cognito's InitiateAuth with USER_PASSWORD_AUTH, which the local issuer speaks
 * too, and the ID token as `Authorization: Bearer`. The smoke user must be a member (or leader) of an entity in
 * an open cycle, with a permanent password and no MFA challenge. The evidence is typed `khac` (other), so it
 * fills no slot of the criterion while it exists, and is binned at the end whatever happened before.
 */
import { createHash, randomBytes } from 'node:crypto';
import { clientOptions } from '#adapters/client-profile.ts';

export const STEP_IDS = [
  'config',
  'sign-in',
  'me',
  'pick',
  'request-upload',
  'put',
  'finalize',
  'readiness',
  'cleanup',
] as const;
export type StepId = (typeof STEP_IDS)[number];

export const STEP_LABELS: Record<StepId, string> = {
  config: 'Cấu hình, API trả lời / config, API answers',
  'sign-in': 'Đăng nhập / sign in',
  me: 'Người dùng / GET /v1/me',
  pick: 'Chọn kỳ, tiêu chí / pick cycle, criterion',
  'request-upload': 'Xin tải lên / request upload',
  put: 'Gửi tệp / PUT to the bucket',
  finalize: 'Chờ hoàn tất / wait for finalize',
  readiness: 'Mức sẵn sàng / read readiness',
  cleanup: 'Dọn dẹp / clean up (bin)',
};

/** The CloudFormation outputs the smoke test reads (infra/stacks/minh-chung-stack.ts; pinned by an infra test). */
export const STACK_OUTPUTS = ['ApiUrl', 'UserPoolId', 'UserPoolClientId', 'WebUrl'] as const;
export const smokeStackName = (stage: string) => `MinhChung-${stage}`;
export const smokeUserParameter = (stage: string) => `/minhchung/${stage}/smoke-user`;

/** What `/config.json` says (web/src/config.ts), locally and in AWS alike. */
export interface WebConfig {
  apiUrl: string;
  auth: { endpoint: string; clientId: string; region: string };
  stage: string;
  demo?: { password: string; users: { email: string; role: string }[] };
}

export interface SmokeTarget {
  stage: string;
  apiUrl: string;
  auth: { endpoint: string; clientId: string; region: string };
  credentials: { email: string; password: string };
  /** One line for the config step (where the values came from). */
  describe: string;
}

export interface SmokeOptions {
  /** Finds the stage and the smoke user: the `config` step. */
  resolve: () => Promise<SmokeTarget>;
  cycleId?: string;
  criterionCode?: string;
  finalizeTimeoutMs?: number;
  pollMs?: number;
  out?: (line: string) => void;
}

export interface StepResult {
  id: StepId;
  status: 'passed' | 'failed' | 'skipped';
  ms: number;
  detail?: string;
}

export interface SmokeReport {
  ok: boolean;
  steps: StepResult[];
  failedStep?: StepId;
}

class StepFailure extends Error {}
const fail = (message: string): never => {
  throw new StepFailure(message);
};

/** A small, well-formed one-page PDF; the label makes its bytes (and SHA-256) unique per run. */
export function smokePdf(label: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let text = `%PDF-1.4\n% ${label.replace(/[^\x20-\x7e]/g, '?')}\n`;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(text, 'latin1'));
    text += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(text, 'latin1');
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  text += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(text, 'latin1');
}

interface Cycle {
  cycleId: string;
  year: number;
  status: string;
  entityIds: string[];
}
interface Me {
  userId: string;
  role: string;
  entityId?: string;
  unitId?: string;
}
interface CriterionReadiness {
  code: string;
  unitIds: string[];
}

/** The first open cycle that assesses the entity (the API lists the newest year first), or the one asked for. */
export function pickCycle(cycles: Cycle[], entityId: string, wanted?: string): Cycle | undefined {
  if (wanted) return cycles.find((c) => c.cycleId === wanted);
  return cycles.find((c) => c.status === 'open' && c.entityIds.includes(entityId));
}

/**
 * A criterion the user may upload to: members only to their unit's criteria or those no unit is assigned
 * (shared/domain/policy.ts, `evidence:upload` is unit reach for members); leaders to any of their entity's.
 */
export function pickCriterion(
  criteria: CriterionReadiness[],
  me: Pick<Me, 'role' | 'unitId'>,
  wanted?: string,
): CriterionReadiness | undefined {
  const allowed = (c: CriterionReadiness) =>
    me.role !== 'member' || c.unitIds.length === 0 || (!!me.unitId && c.unitIds.includes(me.unitId));
  if (wanted) return criteria.find((c) => c.code === wanted);
  return criteria.find(allowed);
}

const REQUEST_TIMEOUT_MS = 20_000;

// biome-ignore lint/suspicious/noExplicitAny: untyped JSON from the wire, read field by field below
type Wire = any;
interface Answer {
  status: number;
  body: Wire;
  text: string;
}

async function http(
  method: string,
  url: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: Buffer } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] ??= 'application/json';
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (e) {
    // undici's "fetch failed" carries the socket error as its cause (an AggregateError for IPv4 and IPv6 alike).
    const cause = (e as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }).cause;
    const reason = cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message ?? (e as Error).message;
    return fail(`${method} ${new URL(url).host}: không kết nối được / no connection (${reason})`);
  }
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: res.status, body, text };
}

/** The API's error, short: its code and English message, or S3's XML code. */
function why(res: Answer): string {
  const e = res.body?.error;
  if (e)
    return `HTTP ${res.status} ${e.code}${e.reason ? `/${e.reason}` : ''}: ${e.message?.en ?? ''}`.trim();
  if (res.body?.message) return `HTTP ${res.status}: ${res.body.message}`;
  const code = /<Code>([^<]+)<\/Code>/.exec(res.text)?.[1];
  return `HTTP ${res.status}${code ? ` ${code}` : ''}`;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function runSmoke(opts: SmokeOptions): Promise<SmokeReport> {
  const out = opts.out ?? ((line: string) => console.log(line));
  const timeoutMs = opts.finalizeTimeoutMs ?? 120_000;
  const pollMs = opts.pollMs ?? 1_000;
  const steps: StepResult[] = [];
  const width = Math.max(...Object.values(STEP_LABELS).map((l) => l.length));

  const print = (s: StepResult) => {
    const mark = s.status === 'passed' ? '✓' : s.status === 'failed' ? '✗' : '–';
    const time = s.status === 'skipped' ? 'bỏ qua / skipped' : seconds(s.ms).padStart(7);
    out(`  ${mark} ${STEP_LABELS[s.id].padEnd(width)} ${time}${s.detail ? `  ${s.detail}` : ''}`);
  };
  const failed = () => steps.find((s) => s.status === 'failed');
  /** Runs a step unless one failed before, or `skip`; cleanup runs whenever there is something to remove. */
  const step = async <T>(
    id: StepId,
    fn: () => Promise<{ value: T; detail?: string }>,
    skip = id !== 'cleanup' && !!failed(),
  ): Promise<T> => {
    if (skip) {
      const s: StepResult = { id, status: 'skipped', ms: 0 };
      steps.push(s);
      print(s);
      return undefined as T;
    }
    const t0 = Date.now();
    try {
      const { value, detail } = await fn();
      const s: StepResult = { id, status: 'passed', ms: Date.now() - t0, detail };
      steps.push(s);
      print(s);
      return value;
    } catch (e) {
      const detail = e instanceof StepFailure ? e.message : `${(e as Error).name}: ${(e as Error).message}`;
      const s: StepResult = { id, status: 'failed', ms: Date.now() - t0, detail };
      steps.push(s);
      print(s);
      return undefined as T;
    }
  };

  const started = Date.now();
  const target = await step('config', async () => {
    const t = await opts.resolve();
    // The authorizer answers before any function runs: a live API refuses a request without a token.
    const res = await http('GET', `${trimSlash(t.apiUrl)}/v1/me`);
    if (res.status !== 401)
      fail(`GET /v1/me không có token phải là 401 / without a token must be 401: ${why(res)}`);
    return { value: { ...t, apiUrl: trimSlash(t.apiUrl) }, detail: t.describe };
  });
  const api = (method: string, path: string, token: string, body?: unknown) =>
    http(method, `${target.apiUrl}${path}`, { token, body });

  const token = await step('sign-in', async () => {
    const res = await http('POST', target.auth.endpoint, {
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: {
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: target.auth.clientId,
        AuthParameters: { USERNAME: target.credentials.email, PASSWORD: target.credentials.password },
      },
    });
    if (res.status !== 200) {
      const type = String(res.body?.__type ?? '')
        .split('#')
        .pop();
      fail(`${target.credentials.email}: ${type || `HTTP ${res.status}`} ${res.body?.message ?? ''}`.trim());
    }
    if (res.body.ChallengeName)
      fail(
        `${target.credentials.email}: Cognito hỏi thêm ${res.body.ChallengeName} — người dùng kiểm tra cần mật khẩu cố định, không MFA / the smoke user needs a permanent password and no MFA`,
      );
    const idToken = res.body.AuthenticationResult?.IdToken as string | undefined;
    if (!idToken) fail('không có IdToken / no IdToken in the answer');
    return { value: idToken!, detail: target.credentials.email };
  });

  const me = await step('me', async () => {
    const res = await api('GET', '/v1/me', token);
    if (res.status !== 200) fail(why(res));
    const m = res.body as Me;
    if (!m.entityId || !['member', 'leader'].includes(m.role))
      fail(
        `${m.role}${m.entityId ? ` @ ${m.entityId}` : ''}: người dùng kiểm tra phải là chuyên viên hoặc lãnh đạo của một cơ quan / the smoke user must be a member or leader of an entity`,
      );
    return { value: m, detail: `${m.role} · ${m.entityId}${m.unitId ? ` / ${m.unitId}` : ''}` };
  });

  const picked = await step('pick', async () => {
    const cycles: Cycle[] = [];
    let next: string | undefined;
    do {
      const res = await api(
        'GET',
        `/v1/cycles?limit=100${next ? `&cursor=${encodeURIComponent(next)}` : ''}`,
        token,
      );
      if (res.status !== 200) fail(why(res));
      cycles.push(...(res.body.items as Cycle[]));
      next = res.body.next;
    } while (next && !pickCycle(cycles, me.entityId!, opts.cycleId));
    const cycle = pickCycle(cycles, me.entityId!, opts.cycleId);
    if (cycle?.status !== 'open')
      fail(
        opts.cycleId
          ? `kỳ ${opts.cycleId} không có hoặc đã đóng / cycle ${opts.cycleId} missing or closed`
          : `không có kỳ đang mở cho ${me.entityId} / no open cycle assesses ${me.entityId}`,
      );
    const res = await api('GET', `/v1/cycles/${cycle!.cycleId}/entities/${me.entityId}/readiness`, token);
    if (res.status !== 200) fail(`readiness: ${why(res)}`);
    const criterion = pickCriterion(res.body.criteria as CriterionReadiness[], me, opts.criterionCode);
    if (!criterion)
      fail(
        opts.criterionCode
          ? `không có tiêu chí ${opts.criterionCode} / no criterion ${opts.criterionCode}`
          : 'không có tiêu chí nào người dùng được tải lên / no criterion the smoke user may upload to',
      );
    return {
      value: { cycleId: cycle!.cycleId, code: criterion!.code },
      detail: `${cycle!.cycleId} · ${criterion!.code}`,
    };
  });

  const stamp = new Date().toISOString();
  const bytes = smokePdf(`Minh Chung smoke test ${stamp} ${randomBytes(6).toString('hex')}`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const entityPath = () => `/v1/cycles/${picked.cycleId}/entities/${me.entityId}`;
  let evidenceId: string | undefined;

  const ticket = await step('request-upload', async () => {
    const res = await api('POST', `${entityPath()}/criteria/${picked.code}/uploads`, token, {
      fileName: `kiem-tra-khoi-${stamp.slice(0, 19).replace(/[-:T]/g, '')}.pdf`,
      contentType: 'application/pdf',
      sizeBytes: bytes.length,
      sha256,
      title: 'Kiểm tra khói tự động (tự xoá) / automatic smoke test (removed)',
      documentType: 'khac',
      note: 'npm run smoke',
    });
    if (res.status !== 201) fail(why(res));
    evidenceId = res.body.evidence.evidenceId;
    if (res.body.upload.mode !== 'single') fail(`upload mode ${res.body.upload.mode}, expected single`);
    return {
      value: res.body as {
        upload: { url: string; headers: Record<string, string> };
        revision: { fileId: string; revision: number };
      },
      detail: `${evidenceId} · ${bytes.length} B · SHA-256 ${sha256.slice(0, 12)}…`,
    };
  });

  await step('put', async () => {
    // Exactly the signed headers, as the web app sends them (the URL's signature covers them).
    const res = await http('PUT', ticket.upload.url, { headers: ticket.upload.headers, raw: bytes });
    if (res.status !== 200) fail(`${new URL(ticket.upload.url).host}: ${why(res)}`);
    return { value: undefined, detail: new URL(ticket.upload.url).host };
  });

  await step('finalize', async () => {
    const t0 = Date.now();
    const seen: string[] = [];
    for (;;) {
      const res = await api('GET', `${entityPath()}/evidence/${evidenceId}`, token);
      if (res.status !== 200) fail(why(res));
      const state = res.body.evidence.state as string;
      if (seen.at(-1) !== state) seen.push(state);
      if (state === 'available' || state === 'accepted') {
        const revision = (res.body.revisions as { fileId: string; revision: number; sha256?: string }[]).find(
          (r) => r.fileId === ticket.revision.fileId && r.revision === ticket.revision.revision,
        );
        if (revision?.sha256 !== sha256)
          fail(`SHA-256 ${revision?.sha256 ?? '—'} ≠ ${sha256}: tệp lưu khác tệp gửi / stored bytes differ`);
        return { value: undefined, detail: seen.join(' → ') };
      }
      if (state === 'quarantined' || state === 'upload_expired') {
        const reason = (res.body.revisions as { quarantineReason?: { en: string } }[]).find(
          (r) => r.quarantineReason,
        )?.quarantineReason?.en;
        fail(`${seen.join(' → ')}${reason ? `: ${reason}` : ''}`);
      }
      if (Date.now() - t0 >= timeoutMs)
        fail(
          `chưa sẵn sàng sau ${seconds(timeoutMs)} / not available after ${seconds(timeoutMs)} (${seen.join(' → ')})`,
        );
      await new Promise((r) => setTimeout(r, pollMs));
    }
  });

  await step('readiness', async () => {
    const res = await api('GET', `${entityPath()}/readiness`, token);
    if (res.status !== 200) fail(why(res));
    const r = res.body as {
      criteria: { code: string }[];
      completenessPercent: number;
      projectedIndexPercent: number;
    };
    if (!r.criteria.some((c) => c.code === picked.code)) fail(`tiêu chí ${picked.code} vắng / missing`);
    return {
      value: undefined,
      detail: `hoàn thành / complete ${r.completenessPercent.toFixed(1)} % · chỉ số dự kiến / projected ${r.projectedIndexPercent.toFixed(1)} %`,
    };
  });

  await step(
    'cleanup',
    async () => {
      // Soft delete: hidden from lists and readiness (docs/evidence.md); an admin may purge the bin.
      const res = await api('DELETE', `${entityPath()}/evidence/${evidenceId}`, token);
      if (res.status !== 200 || !res.body.deletedAt) fail(why(res));
      return { value: undefined, detail: `${evidenceId} → thùng rác / bin` };
    },
    !evidenceId,
  );

  const failedStep = failed()?.id;
  out(
    failedStep
      ? `✗ Không đạt ở bước "${STEP_LABELS[failedStep]}" / failed at step "${failedStep}" (${seconds(Date.now() - started)})`
      : `✓ Đạt cả ${steps.length} bước / all ${steps.length} steps passed (${seconds(Date.now() - started)})`,
  );
  return { ok: !failedStep, steps, failedStep };
}

// ---- where the stage is ----------------------------------------------------------------------------------

async function readWebConfig(webUrl: string): Promise<WebConfig> {
  const res = await http('GET', `${trimSlash(webUrl)}/config.json`);
  const c = res.body as Partial<WebConfig> | undefined;
  if (res.status !== 200 || typeof c !== 'object' || !c?.apiUrl || !c.auth?.endpoint || !c.auth.clientId)
    fail(
      `${trimSlash(webUrl)}/config.json: ${res.status === 200 ? 'không đúng dạng / malformed' : why(res)}`,
    );
  return c as WebConfig;
}

function credentialsFromEnv(env: NodeJS.ProcessEnv) {
  const { MC_SMOKE_EMAIL: email, MC_SMOKE_PASSWORD: password } = env;
  if (email && password) return { email, password };
  if (email || password) fail('cần cả MC_SMOKE_EMAIL và MC_SMOKE_PASSWORD / set both or neither');
  return undefined;
}

/** The local stack, found through its web server's `/config.json`; the first demo member signs in. */
export async function resolveLocal(
  webUrl: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SmokeTarget> {
  const config = await readWebConfig(webUrl);
  if (config.stage !== 'local') fail(`${webUrl} là stage "${config.stage}", không phải local / is not local`);
  const member = config.demo?.users.find((u) => u.role === 'member');
  const credentials =
    credentialsFromEnv(env) ??
    (member && config.demo ? { email: member.email, password: config.demo.password } : undefined);
  if (!credentials) fail('không có người dùng mẫu; đặt MC_SMOKE_EMAIL, MC_SMOKE_PASSWORD / no demo user');
  return {
    stage: 'local',
    apiUrl: config.apiUrl,
    auth: config.auth,
    credentials: credentials!,
    describe: `local · ${trimSlash(config.apiUrl)}`,
  };
}

/** A deployed stage: its stack's outputs, its deployed `/config.json`, the smoke user from env or SSM. */
export async function resolveAws(opts: {
  stage: string;
  region?: string;
  stackName?: string;
  userParameter?: string;
  env?: NodeJS.ProcessEnv;
}): Promise<SmokeTarget> {
  const env = opts.env ?? process.env;
  const stackName = opts.stackName ?? smokeStackName(opts.stage);
  // Operator tool only: these clients never reach a Lambda bundle.
  const { CloudFormationClient, DescribeStacksCommand } = await import('@aws-sdk/client-cloudformation');
  const cfn = new CloudFormationClient({
    ...(opts.region ? { region: opts.region } : {}),
    ...clientOptions('request'),
  });
  const region = await cfn.config.region().catch(() => undefined);
  if (!region) fail('không rõ vùng AWS; dùng --region hoặc AWS_REGION / no AWS region: pass --region');
  const stack = (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks?.[0];
  const outputs = Object.fromEntries(
    (stack?.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']),
  ) as Record<string, string>;
  const missing = STACK_OUTPUTS.filter((k) => !outputs[k]);
  if (missing.length)
    fail(`${stackName} (${stack?.StackStatus ?? '?'}) thiếu đầu ra / lacks outputs: ${missing.join(', ')}`);

  // One deploy must give the web app the same API and client the stack reports.
  const web = await readWebConfig(outputs.WebUrl!);
  if (trimSlash(web.apiUrl) !== trimSlash(outputs.ApiUrl!) || web.auth.clientId !== outputs.UserPoolClientId)
    fail(`${outputs.WebUrl}/config.json không khớp đầu ra của stack / does not match the stack's outputs`);

  let credentials = credentialsFromEnv(env);
  if (!credentials) {
    const name = opts.userParameter ?? smokeUserParameter(opts.stage);
    const { SSMClient, GetParameterCommand } = await import('@aws-sdk/client-ssm');
    const ssm = new SSMClient({ region: region!, ...clientOptions('request') });
    const value = (await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }))).Parameter
      ?.Value;
    const parsed = (() => {
      try {
        return JSON.parse(value ?? '') as { email?: unknown; password?: unknown };
      } catch {
        return undefined;
      }
    })();
    if (typeof parsed?.email !== 'string' || typeof parsed.password !== 'string')
      fail(`${name}: cần {"email","password"} / must hold {"email": …, "password": …}`);
    credentials = { email: parsed!.email as string, password: parsed!.password as string };
  }
  return {
    stage: opts.stage,
    apiUrl: outputs.ApiUrl!,
    auth: { endpoint: web.auth.endpoint, clientId: outputs.UserPoolClientId!, region: region! },
    credentials,
    describe: `${stackName} (${region}, ${stack?.StackStatus}) · ${trimSlash(outputs.ApiUrl!)}`,
  };
}

// ---- the command -----------------------------------------------------------------------------------------

const USAGE = `Cách dùng / usage: npm run smoke -- --stage <local|dev|prod> [tùy chọn / options]

  --stage local|dev|prod     môi trường cần kiểm tra / the stage to check
  --region <vùng>            vùng AWS của stack (mặc định AWS_REGION hoặc hồ sơ AWS) / the stack's region
  --stack <tên>              tên stack (mặc định MinhChung-<stage>) / stack name
  --user-parameter <tên>     tham số SSM chứa {"email","password"} (mặc định /minhchung/<stage>/smoke-user)
  --web-url <url>            local: nơi có /config.json (mặc định http://localhost:$MC_PORT_WEB hoặc 5173)
  --cycle <mã-kỳ>            kỳ đánh giá (mặc định: kỳ đang mở mới nhất) / cycle (default: newest open one)
  --criterion <mã>           tiêu chí (mặc định: tiêu chí đầu tiên được tải lên) / criterion
  --timeout <giây>           chờ hoàn tất tối đa (mặc định 120) / finalize wait in seconds (default 120)

Người dùng kiểm tra / smoke user: MC_SMOKE_EMAIL + MC_SMOKE_PASSWORD, hoặc tham số SSM; local: người dùng mẫu.`;

class UsageError extends Error {}

export function parseSmokeArgs(argv: string[]) {
  const values: Record<string, string> = {};
  const known = ['stage', 'region', 'stack', 'user-parameter', 'web-url', 'cycle', 'criterion', 'timeout'];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') throw new UsageError(USAGE);
    const name = a.startsWith('--') ? a.slice(2) : '';
    const value = argv[i + 1];
    if (!known.includes(name) || value === undefined || value.startsWith('--'))
      throw new UsageError(`Tham số không hợp lệ / bad argument: ${a}\n\n${USAGE}`);
    values[name] = value;
    i++;
  }
  const stage = values.stage;
  if (stage !== 'local' && stage !== 'dev' && stage !== 'prod') throw new UsageError(USAGE);
  const timeout = values.timeout === undefined ? 120 : Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0)
    throw new UsageError(`--timeout: ${values.timeout}\n\n${USAGE}`);
  return { ...values, stage, timeoutMs: timeout * 1000 } as {
    stage: 'local' | 'dev' | 'prod';
    region?: string;
    stack?: string;
    'user-parameter'?: string;
    'web-url'?: string;
    cycle?: string;
    criterion?: string;
    timeoutMs: number;
  };
}

export async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseSmokeArgs>;
  try {
    args = parseSmokeArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(e.message);
    return 2;
  }
  console.log(`Minh Chứng — kiểm tra khói / smoke test (${args.stage})`);
  const report = await runSmoke({
    resolve: () =>
      args.stage === 'local'
        ? resolveLocal(args['web-url'] ?? `http://localhost:${process.env.MC_PORT_WEB ?? 5173}`)
        : resolveAws({
            stage: args.stage,
            region: args.region,
            stackName: args.stack,
            userParameter: args['user-parameter'],
          }),
    cycleId: args.cycle,
    criterionCode: args.criterion,
    finalizeTimeoutMs: args.timeoutMs,
  });
  return report.ok ? 0 : 1;
}

if (import.meta.main) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
