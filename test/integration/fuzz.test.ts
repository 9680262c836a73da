/**
 * Hostile input for every operation of the served OpenAPI document (generator and oracle: test/fuzz/generate.ts).
 * For every case: no 5xx; a refused case gets a 4xx whose JSON body has a Vietnamese and an English message;
 * and nothing is written — the whole table and the bucket listing are digested around each operation's cases,
 * and a change is traced back to the case that made it by re-running them one by one.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#domain/actor.ts';
import { routeList } from '#http/routes.ts';
import {
  DEMO_ASSIGNMENTS,
  DEMO_CYCLE,
  DEMO_ENTITY,
  DEMO_FRAMEWORK,
  DEMO_OTHER_ENTITY,
  DEMO_PROVINCE,
  DEMO_USERS,
} from '#infra/local/demo-data.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '#infra/local/engines.ts';
import { REPO_ROOT } from '#infra/local/stack.ts';
import { type FuzzCase, generateCases, type OpenApiOperation } from '#test/fuzz/generate.ts';
import { idToken, stack, USERS } from './helpers.ts';

const SEED = 20_260_516;
const PER_OPERATION = 56;

// ---------------------------------------------------------------------------------------------------------
// What the store holds: a digest per item and per object, to compare before and after.

const ddb = new DynamoDBClient({
  endpoint: stack.dynamo,
  region: LOCAL_REGION,
  credentials: LOCAL_CREDENTIALS,
});
const s3 = new S3Client({
  endpoint: stack.s3,
  region: LOCAL_REGION,
  forcePathStyle: true,
  credentials: LOCAL_CREDENTIALS,
});

type Snapshot = Map<string, string>;

const stable = (v: unknown): string =>
  JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x) && !(x instanceof Uint8Array)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );

async function snapshot(): Promise<Snapshot> {
  const out: Snapshot = new Map();
  let start: Record<string, unknown> | undefined;
  do {
    const res = await ddb.send(
      new ScanCommand({ TableName: stack.tableName, ExclusiveStartKey: start as never }),
    );
    for (const item of res.Items ?? [])
      out.set(`table ${item.pk?.S}|${item.sk?.S}`, createHash('sha1').update(stable(item)).digest('base64'));
    start = res.LastEvaluatedKey;
  } while (start);
  let token: string | undefined;
  do {
    const res = await s3.send(new ListObjectsV2Command({ Bucket: stack.bucket, ContinuationToken: token }));
    for (const o of res.Contents ?? []) out.set(`bucket ${o.Key}`, `${o.ETag} ${o.Size}`);
    token = res.NextContinuationToken;
  } while (token);
  return out;
}

function changes(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const [k, v] of after)
    if (!before.has(k)) out.push(`added ${k}`);
    else if (before.get(k) !== v) out.push(`changed ${k}`);
  for (const k of before.keys()) if (!after.has(k)) out.push(`removed ${k}`);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Sending: raw targets (no URL normalisation in the client), raw bytes.

const agent = new Agent({ keepAlive: true, maxSockets: 8 });
const apiUrl = new URL(stack.api);
const tokens: Record<string, string> = {};

interface Reply {
  status: number;
  contentType: string;
  text: string;
}

function send(c: FuzzCase): Promise<Reply> {
  const headers: Record<string, string> = {};
  const token = tokens[c.who];
  if (token) headers.authorization = `Bearer ${token}`;
  if (c.body) {
    if (c.contentType) headers['content-type'] = c.contentType;
    headers['content-length'] = String(c.body.length);
  }
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: apiUrl.hostname,
        port: apiUrl.port,
        method: c.method,
        path: c.target,
        headers,
        agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('no answer in 30 s')));
    req.on('error', reject);
    req.end(c.body);
  });
}

const describeCase = (c: FuzzCase) =>
  `${c.op} #${c.n} [${c.family}] ${c.label} as ${c.who} (${c.expect}: ${c.why}); ${c.method} ${c.target.length > 160 ? `${c.target.slice(0, 160)}…` : c.target}`;

/** What is wrong with the reply to `c`, if anything. */
function problem(c: FuzzCase, r: Reply): string | undefined {
  if (r.status >= 500) return `got ${r.status}`;
  if (c.expect === 'refuse' && (r.status < 400 || r.status >= 500))
    return `a request that must be refused got ${r.status}`;
  if (c.status && !c.status.includes(r.status)) return `expected ${c.status.join(' or ')}, got ${r.status}`;
  if (r.status >= 400) {
    if (!r.contentType.startsWith('application/json')) return `error with content-type "${r.contentType}"`;
    let body: { error?: { code?: unknown; message?: { vi?: unknown; en?: unknown } } };
    try {
      body = JSON.parse(r.text);
    } catch {
      return 'error body is not JSON';
    }
    const m = body.error?.message;
    if (typeof body.error?.code !== 'string') return 'error body without error.code';
    if (typeof m?.vi !== 'string' || !m.vi.trim() || typeof m?.en !== 'string' || !m.en.trim())
      return 'error body without a Vietnamese and an English message';
  }
  return undefined;
}

async function inParallel<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

// ---------------------------------------------------------------------------------------------------------

// The document the gateway serves (the OpenAPI suite checks it is the route table's).
const doc = (await (await fetch(`${stack.api}/openapi.json`)).json()) as {
  paths: Record<string, Record<string, OpenApiOperation>>;
};
const demoActor = (email: string): Actor => {
  const u = DEMO_USERS.find((x) => x.email === email)!;
  return {
    userId: u.sub,
    email: u.email,
    name: u.name,
    role: u.role,
    ...(u.entityId ? { entityId: u.entityId } : {}),
    ...(u.unitId ? { unitId: u.unitId } : {}),
  };
};
const otherLeader = DEMO_USERS.find((u) => u.entityId === DEMO_OTHER_ENTITY.entityId)!;
const criterion = DEMO_FRAMEWORK.nodes.find((n) => n.slots.length > 0) ?? DEMO_FRAMEWORK.nodes.at(-1)!;
const operations = generateCases(doc, {
  seed: SEED,
  perOperation: PER_OPERATION,
  routes: routeList,
  values: {
    cycleId: DEMO_CYCLE.cycleId,
    entityId: DEMO_ENTITY.entityId,
    criterionCode: criterion.code,
    evidenceId: '01HZZZZZZZZZZZZZZZZZZFUZZ1',
    fileId: '01HZZZZZZZZZZZZZZZZZZFUZZ2',
    jobId: '01HZZZZZZZZZZZZZZZZZZFUZZ3',
    unitId: 'phong-qlcn',
    userId: 'u-member',
    frameworkId: DEMO_FRAMEWORK.frameworkId,
    version: String(DEMO_FRAMEWORK.version),
    kind: 'framework',
    provinceId: DEMO_PROVINCE.provinceId,
    assignmentId: DEMO_ASSIGNMENTS[0]!.assignmentId,
  },
  others: {
    entityId: DEMO_OTHER_ENTITY.entityId,
    unitId: otherLeader.unitId!,
    userId: otherLeader.sub,
    cycleId: 'cycle-1999',
    frameworkId: 'papi',
    provinceId: 'ha-noi',
  },
  actors: { admin: demoActor(USERS.admin), leader: demoActor(USERS.leader), member: demoActor(USERS.member) },
});

const stats = {
  seed: SEED,
  operations: operations.length,
  cases: 0,
  refuse: 0,
  harmless: 0,
  byStatus: {} as Record<string, number>,
  fiveHundreds: {
    total: 0,
    byClass: {} as Record<string, number>,
    byOperation: {} as Record<string, number>,
    examples: [] as string[],
  },
  failures: 0,
  writes: [] as string[],
  /** Store changes no case reproduced (background work of the stack), for the record. */
  unattributed: [] as string[],
  startedAt: Date.now(),
};

/** The three classes of 5xx issue 16 reported, and anything else. */
const classOf = (c: FuzzCase) =>
  c.why.includes('percent-encoding')
    ? 'malformed percent-encoding in a path parameter'
    : c.family === 'cursor'
      ? 'forged pagination cursor'
      : c.family === 'any-field' || c.label.startsWith('body.document')
        ? 'framework document that is not an object'
        : `other (${c.family})`;

let current: Snapshot;

beforeAll(async () => {
  tokens.admin = await idToken(USERS.admin);
  tokens.leader = await idToken(USERS.leader);
  tokens.member = await idToken(USERS.member);
  // The member's token with the role claim changed: the signature no longer matches.
  const [h, p, s] = tokens.member.split('.');
  const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
  tokens['forged-token'] =
    `${h}.${Buffer.from(JSON.stringify({ ...claims, 'cognito:groups': ['admin'] })).toString('base64url')}.${s}`;
  // Other suites' asynchronous work (finalize, export workers) must be over: wait for a quiet store.
  current = await snapshot();
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const again = await snapshot();
    if (changes(current, again).length === 0) break;
    current = again;
  }
}, 60_000);

afterAll(() => {
  const summary = {
    ...stats,
    durationMs: Date.now() - stats.startedAt,
    startedAt: new Date(stats.startedAt).toISOString(),
  };
  const byStatus = Object.entries(summary.byStatus)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
  console.log(
    `fuzz: ${summary.operations} operations, ${summary.cases} cases (${summary.refuse} must be refused, ${summary.harmless} schema-valid reads), by status ${byStatus}; 5xx: ${summary.fiveHundreds.total}; writes: ${summary.writes.length}${summary.unattributed.length ? ` (+${summary.unattributed.length} unattributed changes, see the summary file)` : ''}; ${Math.round(summary.durationMs / 1000)} s`,
  );
  mkdirSync(join(REPO_ROOT, 'test/artifacts'), { recursive: true });
  writeFileSync(join(REPO_ROOT, 'test/artifacts/fuzz-summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  agent.destroy();
  ddb.destroy();
  s3.destroy();
});

describe('fuzz: hostile input to every operation of the OpenAPI document', () => {
  it('covers every operation with at least 50 cases', () => {
    expect(operations.map((o) => o.op).sort()).toEqual(routeList.map((r) => r.id).sort());
    for (const o of operations) expect(o.cases.length, o.op).toBeGreaterThanOrEqual(50);
  });

  for (const o of operations) {
    it(`${o.method} ${o.path} (${o.op}): ${o.cases.length} cases, no 5xx, bilingual errors, no write`, async () => {
      const before = current;
      const replies = await inParallel(o.cases, 4, async (c) => {
        try {
          return await send(c);
        } catch (e) {
          return { status: 599, contentType: '', text: `no reply: ${(e as Error).message}` };
        }
      });
      const failures: string[] = [];
      o.cases.forEach((c, i) => {
        const r = replies[i]!;
        stats.cases++;
        stats[c.expect]++;
        stats.byStatus[r.status] = (stats.byStatus[r.status] ?? 0) + 1;
        if (r.status >= 500) {
          stats.fiveHundreds.total++;
          const k = classOf(c);
          stats.fiveHundreds.byClass[k] = (stats.fiveHundreds.byClass[k] ?? 0) + 1;
          stats.fiveHundreds.byOperation[c.op] = (stats.fiveHundreds.byOperation[c.op] ?? 0) + 1;
          if (stats.fiveHundreds.examples.filter((x) => x.includes(k)).length < 3)
            stats.fiveHundreds.examples.push(`${k}: ${c.method} ${c.target.slice(0, 120)} (as ${c.who})`);
        }
        const p = problem(c, r);
        if (p) failures.push(`${describeCase(c)} → ${p}: ${r.text.slice(0, 300)}`);
      });

      current = await snapshot();
      const changed = changes(before, current);
      if (changed.length) {
        // Name the culprit: each case again, alone, between two snapshots.
        const culprits: string[] = [];
        let base = current;
        for (const c of o.cases) {
          const r = await send(c).catch((e: Error) => ({ status: 599, contentType: '', text: e.message }));
          const now = await snapshot();
          const diff = changes(base, now);
          if (diff.length)
            culprits.push(`${describeCase(c)} → ${r.status}, wrote: ${diff.slice(0, 5).join(', ')}`);
          base = now;
        }
        current = base;
        if (!culprits.length) {
          // No case writes when sent alone: the stack's own background work (the upload redrive's schedule, a
          // late finalize) or a write that only a first request makes. The whole batch once more tells them
          // apart: a change again is a failure; otherwise it is recorded, not failed.
          await inParallel(o.cases, 4, (c) => send(c).catch(() => undefined));
          const again = await snapshot();
          const diff = changes(current, again);
          current = again;
          if (diff.length)
            culprits.push(
              `${o.op}: its cases change the store, together only: ${diff.slice(0, 10).join(', ')}`,
            );
          else stats.unattributed.push(`${o.op}: ${changed.slice(0, 10).join(', ')}`);
        }
        stats.writes.push(...culprits);
        failures.push(...culprits.map((w) => `WRITE: ${w}`));
      }
      stats.failures += failures.length;
      if (failures.length)
        expect.fail(
          `${failures.length} of ${o.cases.length} cases failed:\n${failures.slice(0, 25).join('\n')}`,
        );
    }, 180_000);
  }
});
