/**
 * Readiness (docs/readiness.md), two figures. Printed, never asserted.
 * (a) The pure module: `computeReadiness` on 10,000 criteria × 100,000 evidence in one process (goal ≤ 20 ms p50):
 *     the first, cold call; the warm-up calls V8 needs before it optimises the loops; then p50/p95 of the measured
 *     calls (garbage collection included), with their CPU time beside the wall time and the load average.
 * (b) A synthetic cycle of 40 entities × 120 criteria × 5 evidence in DynamoDB Local: the entity-readiness API
 *     through the local gateway (JWT check, profile read, handler, use case, module, JSON) against the same
 *     DynamoDB reads sent bare, in the route's order and shape (`bareReads`, 'route'), interleaved per entity in
 *     the same run. p50/p95 of each and the p50 ratio (goal ≤ 1.15). The baseline used before (no profile read,
 *     no reopenings, whole evidence items, the partition after the context) is printed as a third row.
 */
import { availableParallelism, loadavg } from 'node:os';
import { BatchWriteCommand, GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { FrameworkNode } from '#domain/framework.ts';
import { computeReadiness, type EvidenceFact, type ScoreFact } from '#domain/readiness.ts';
import { freePort, LOCAL_REGION } from '#infra/local/engines.ts';
import type { LocalStack } from '#infra/local/stack.ts';
import { median, quantile } from './lib/stats.ts';
import { formatTable } from './lib/table.ts';
import type { Bench, BenchContext } from './lib/types.ts';

const PURE_GOAL_MS = 20;
const RATIO_GOAL = 1.15;
const ENTITIES = 40;
const CRITERIA = 120;
const EVIDENCE_PER_CRITERION = 5;
const UNITS = 10;

const title = (s: string) => ({ vi: s, en: s });
const ms = (n: number) => n.toFixed(1);

// ——— (a) pure ———

export function pureInput(criteria: number, evidence: number) {
  const nodes: FrameworkNode[] = [];
  const areas = Math.ceil(criteria / 100);
  const codes: string[] = [];
  for (let a = 1; a <= areas; a++) {
    nodes.push({ code: `${a}`, title: title(`${a}`), maxPoints: 100, method: 'evidence', slots: [] });
    for (let c = 1; c <= 100 && codes.length < criteria; c++) {
      const code = `${a}.${c}`;
      codes.push(code);
      nodes.push({
        code,
        title: title(code),
        maxPoints: 1,
        method: c % 10 === 0 ? 'computed' : 'evidence',
        slots:
          c % 3 === 0
            ? [
                { kind: 'bao-cao', label: title('BC'), minCount: 2 },
                { kind: 'ke-hoach', label: title('KH'), minCount: 1 },
              ]
            : [],
      });
    }
  }
  const states = ['available', 'available', 'accepted', 'pending_upload', 'quarantined'] as const;
  const facts: EvidenceFact[] = Array.from({ length: evidence }, (_, i) => ({
    criterionCodes:
      i % 4 === 0 ? [codes[i % codes.length]!, codes[(i * 7) % codes.length]!] : [codes[i % codes.length]!],
    state: states[i % states.length]!,
    documentType: i % 2 ? 'bao-cao' : 'ke-hoach',
  }));
  const scores: ScoreFact[] = codes.map((c, i) => ({
    criterionCode: c,
    selfScore: 1,
    ...(i % 4 === 0 ? { explanation: 'Giải trình' } : {}),
    ...(i % 9 === 0 ? { appraisedScore: 0.5, state: 'accepted' as const } : { state: 'submitted' as const }),
  }));
  const responsibilities = Array.from({ length: 50 }, (_, u) => ({
    unitId: `u${u}`,
    criterionCodes: codes.filter((_, i) => i % 50 === u),
  }));
  return {
    framework: {
      nodes,
      bands: [
        { name: 'A', minPercent: 90 },
        { name: 'D', minPercent: 0 },
      ],
    },
    evidence: facts,
    scores,
    evidencePolicy: 'available' as const,
    responsibilities,
  };
}

/**
 * V8 optimises the module's loops only after some calls (on this input ~10–15; until then a call takes 2–4×
 * longer), so the first call is shown alone, then these warm-up calls, then the measured ones. Garbage
 * collection stays in the figures: a call pays for the garbage it makes.
 */
const WARM_UP_CALLS = 20;

function benchPure(ctx: BenchContext) {
  const input = pureInput(10_000, 100_000);
  const t0 = performance.now();
  const first = computeReadiness(input);
  const cold = performance.now() - t0;
  const warmUp: number[] = [];
  for (let i = 0; i < WARM_UP_CALLS; i++) {
    const t = performance.now();
    computeReadiness(input);
    warmUp.push(performance.now() - t);
  }
  const samples: number[] = [];
  // CPU time of the whole process (GC threads included) beside the wall time: on a loaded machine the wall
  // time also counts the time the process waited for a core.
  const cpu: number[] = [];
  for (let i = 0; i < Math.max(ctx.runs * 3, 30); i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    computeReadiness(input);
    samples.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  const p50 = median(samples);
  ctx.log('### (a) pure module: 10,000 criteria × 100,000 evidence');
  ctx.log();
  ctx.log(
    formatTable(
      [
        { header: 'first call (cold)', align: 'right' },
        { header: `warm-up (${WARM_UP_CALLS} calls) p50`, align: 'right' },
        { header: 'p50 ms', align: 'right' },
        { header: 'p95 ms', align: 'right' },
        { header: 'CPU p50 ms', align: 'right' },
        { header: 'runs', align: 'right' },
        { header: `goal ≤ ${PURE_GOAL_MS} ms (p50)`, align: 'left' },
      ],
      [
        [
          ms(cold),
          ms(median(warmUp)),
          ms(p50),
          ms(quantile(samples, 0.95)),
          ms(median(cpu)),
          String(samples.length),
          p50 <= PURE_GOAL_MS ? 'met' : 'MISSED',
        ],
      ],
    ),
  );
  ctx.log();
  ctx.log(
    `(result: ${first.criteriaCount} criteria, ${first.byNode.length} node roll-ups, ${first.byUnit.length} unit roll-ups, completeness ${first.completenessPercent} %, ${first.formulaVersion}; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`,
  );
}

// ——— (b) API vs bare reads on DynamoDB Local ———

interface Synthetic {
  cycleId: string;
  frameworkId: string;
  entityIds: string[];
}

export async function seedSynthetic(): Promise<Synthetic> {
  const [{ documentClient, tableName }, { keys }, { assignmentItem }] = await Promise.all([
    import('#adapters/dynamo/client.ts'),
    import('#adapters/dynamo/keys.ts'),
    import('#adapters/dynamo/assignment-repository.ts'),
  ]);
  const cycleId = 'bench-cycle';
  const frameworkId = 'bench-framework';
  const now = new Date().toISOString();
  const codes: string[] = [];
  const nodes: FrameworkNode[] = [];
  for (let a = 1; a <= CRITERIA / 10; a++) {
    nodes.push({ code: `${a}`, title: title(`Lĩnh vực ${a}`), maxPoints: 10, method: 'evidence', slots: [] });
    for (let c = 1; c <= 10; c++) {
      const code = `${a}.${c}`;
      codes.push(code);
      nodes.push({
        code,
        title: title(`Tiêu chí ${code}`),
        maxPoints: 1,
        method: 'evidence',
        slots: c % 2 ? [{ kind: 'bao-cao', label: title('Báo cáo'), minCount: 2 }] : [],
      });
    }
  }
  const entityIds = Array.from(
    { length: ENTITIES },
    (_, i) => `bench-entity-${String(i + 1).padStart(2, '0')}`,
  );
  const items: Record<string, unknown>[] = [
    {
      ...keys.framework(frameworkId, 1),
      _type: 'framework',
      frameworkId,
      version: 1,
      name: title('Bộ tiêu chí bench'),
      index: 'par',
      years: { from: 2026 },
      provenance: 'sample',
      aggregation: 'sum',
      status: 'published',
      bands: [
        { name: 'A', minPercent: 90 },
        { name: 'D', minPercent: 0 },
      ],
      nodes,
    },
    {
      ...keys.cycle(cycleId),
      ...keys.cycleIndex(2026, cycleId),
      _type: 'cycle',
      cycleId,
      year: 2026,
      name: title('Kỳ bench'),
      frameworkId,
      frameworkVersion: 1,
      trackedFrameworks: [],
      entityIds,
      dates: {
        evidenceDue: '2099-11-30',
        selfAssessmentDue: '2099-12-15',
        appraisalStart: '2099-12-18',
        appraisalEnd: '2100-01-15',
        publication: '2100-02-28',
      },
      evidencePolicy: 'available',
      timeZone: 'Asia/Ho_Chi_Minh',
      status: 'open',
      version: 1,
      createdAt: now,
      createdBy: 'bench',
    },
  ];
  for (const entityId of entityIds) {
    items.push({
      ...keys.entity(entityId),
      _type: 'entity',
      entityId,
      type: 'so',
      name: title(entityId),
      province: 'Bench',
    });
    for (let u = 0; u < UNITS; u++)
      items.push(
        assignmentItem({
          assignmentId: `task-${u}`,
          cycleId,
          entityId,
          unitId: `unit-${u}`,
          criteria: codes.filter((_, i) => i % UNITS === u).map((code) => ({ frameworkId, code })),
          title: `Nhiệm vụ ${u}`,
          dueDate: '2099-12-01',
          version: 1,
          createdAt: now,
          createdBy: 'bench',
        }),
      );
    codes.forEach((code, i) => {
      for (let k = 0; k < EVIDENCE_PER_CRITERION; k++) {
        const evidenceId = `01BENCH${entityId.slice(-2)}${String(i).padStart(3, '0')}${k}`.padEnd(26, '0');
        // Shaped like a real evidence item (metadata, one file with its current revision, search text).
        items.push({
          ...keys.evidence(cycleId, entityId, evidenceId),
          ...keys.evidenceCycleIndex(cycleId, evidenceId),
          _type: 'evidence',
          searchText: `bao cao ket qua cai cach hanh chinh ${code} so ${i}/bc-${k}`,
          evidenceId,
          cycleId,
          entityId,
          unitId: `unit-${i % UNITS}`,
          title: `Báo cáo kết quả cải cách hành chính — tiêu chí ${code}`,
          documentNumber: `${100 + i}/BC-${k}`,
          documentType: k % 2 ? 'ke-hoach' : 'bao-cao',
          issueDate: '2026-06-30',
          issuer: 'Sở Khoa học và Công nghệ',
          criterionCodes: [code],
          unconfirmedCodes: [],
          state: 'available',
          files: [
            {
              fileId: `F${evidenceId.slice(1)}`,
              latest: {
                revision: 1,
                fileName: `bao-cao-${code}-${k}.pdf`,
                kind: 'pdf',
                state: 'available',
                sizeBytes: 245_761,
                sha256: 'a'.repeat(64),
                uploadedBy: 'bench',
                createdAt: now,
              },
            },
          ],
          uploadedBy: 'bench',
          createdAt: now,
          updatedAt: now,
          version: 2,
        });
      }
      items.push({
        ...keys.score(cycleId, entityId, code),
        _type: 'score',
        cycleId,
        entityId,
        criterionCode: code,
        state: i % 3 ? 'draft' : 'submitted',
        selfScore: 1,
        ...(i % 4 === 0 ? { explanation: 'Giải trình do tài liệu chưa ban hành' } : {}),
        version: 1,
        createdAt: now,
        updatedAt: now,
        updatedBy: 'bench',
      });
    });
  }
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      let requests = batches[next++]!.map((Item) => ({ PutRequest: { Item } }));
      while (requests.length) {
        const res = await documentClient().send(
          new BatchWriteCommand({ RequestItems: { [tableName()]: requests } }),
        );
        requests = (res.UnprocessedItems?.[tableName()] ?? []) as typeof requests;
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return { cycleId, frameworkId, entityIds };
}

/**
 * How the bare reads are sent: `route` is what the readiness route reads, in its order — the caller's profile
 * (one strongly consistent GetItem, before anything else), then cycle ∥ entity → framework beside the entity's
 * partition (evidence and scores as readiness projects them, survey, tasks, reopenings). `earlier` is the baseline
 * this bench used before (no profile, no reopenings, whole evidence items, the partition after the context),
 * printed for comparison with earlier runs.
 */
export type ReadShape = 'route' | 'earlier';

/** The DynamoDB reads of one entity's readiness and nothing else; returns the items read. */
export async function bareReads(
  s: Synthetic,
  entityId: string,
  shape: ReadShape,
  userId: string,
): Promise<number> {
  const [{ documentClient, tableName }, { keys }, { evidenceFactsQuery, scoreFactsQuery }] =
    await Promise.all([
      import('#adapters/dynamo/client.ts'),
      import('#adapters/dynamo/keys.ts'),
      import('#adapters/dynamo/readiness-facts.ts'),
    ]);
  const get = (Key: Record<string, string>, ConsistentRead?: boolean) =>
    documentClient().send(new GetCommand({ TableName: tableName(), Key, ConsistentRead }));
  const queryAll = async (query: Omit<QueryCommandInput, 'TableName'>) => {
    let n = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const r = await documentClient().send(
        new QueryCommand({ TableName: tableName(), ...query, ExclusiveStartKey: start }),
      );
      n += r.Items?.length ?? 0;
      start = r.LastEvaluatedKey;
    } while (start);
    return n;
  };
  const context = async () => {
    await Promise.all([get(keys.cycle(s.cycleId)), get(keys.entity(entityId))]);
    await get(keys.framework(s.frameworkId, 1));
  };
  const p = (x: { pk: string; skPrefix: string }) =>
    queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: { ':pk': x.pk, ':sk': x.skPrefix },
    });
  const { cycleId } = s;
  const partition = () =>
    Promise.all([
      shape === 'route'
        ? queryAll(evidenceFactsQuery(cycleId, entityId))
        : p(keys.evidencePrefix(cycleId, entityId)),
      shape === 'route'
        ? queryAll(scoreFactsQuery(cycleId, entityId))
        : p(keys.scorePrefix(cycleId, entityId)),
      p(keys.surveyImportPrefix(cycleId, entityId)),
      p(keys.assignmentPrefix(cycleId, entityId)),
      shape === 'route' ? p(keys.submissionPrefix(cycleId, entityId)) : 0,
    ]);
  let counts: number[];
  if (shape === 'route') {
    await get(keys.user(userId), true);
    [, counts] = await Promise.all([context(), partition()]);
  } else {
    await context();
    counts = await partition();
  }
  return counts.reduce((a, b) => a + b, 0);
}

async function benchApi(ctx: BenchContext) {
  const { startLocalStack } = await import('#infra/local/stack.ts');
  const ports = {
    dynamo: await freePort(),
    s3: await freePort(),
    api: await freePort(),
    auth: await freePort(),
    web: await freePort(),
  };
  const t0 = performance.now();
  const stack: LocalStack = await startLocalStack({
    ports,
    dataDir: ctx.outDir,
    persist: false,
    seed: true,
    web: 'off',
  });
  try {
    const started = performance.now();
    const synthetic = await seedSynthetic();
    const seeded = performance.now();
    const token = await signIn(stack);
    const apiRead = async (entityId: string) => {
      const res = await fetch(
        `${stack.urls.api}/v1/cycles/${synthetic.cycleId}/entities/${entityId}/readiness`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      const body = (await res.json()) as { criteriaCount?: number };
      if (res.status !== 200 || body.criteriaCount !== CRITERIA)
        throw new Error(`readiness answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    };
    const userId = (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sub: string })
      .sub;
    // Warm-up: handler import, JWKS, connections, JIT.
    for (const e of synthetic.entityIds.slice(0, 5)) {
      await apiRead(e);
      await bareReads(synthetic, e, 'route', userId);
      await bareReads(synthetic, e, 'earlier', userId);
    }
    const samples = { api: [] as number[], route: [] as number[], earlier: [] as number[] };
    const { api, route, earlier } = samples;
    let items = 0;
    const passes = Math.max(3, Math.ceil(ctx.runs / 2));
    const kinds = ['api', 'route', 'earlier'] as const;
    for (let pass = 0; pass < passes; pass++) {
      for (const [i, entityId] of synthetic.entityIds.entries()) {
        // Rotate which goes first so none always meets a warmer cache.
        const order = kinds.map((_, k) => kinds[(i + pass + k) % kinds.length]!);
        for (const which of order) {
          const t = performance.now();
          if (which === 'api') await apiRead(entityId);
          else {
            const n = await bareReads(synthetic, entityId, which, userId);
            if (which === 'route') items = n;
          }
          samples[which].push(performance.now() - t);
        }
      }
    }
    const row = (name: string, xs: number[]) => [
      name,
      ms(quantile(xs, 0.5)),
      ms(quantile(xs, 0.95)),
      String(xs.length),
    ];
    const p50 = (xs: number[]) => quantile(xs, 0.5);
    const ratio = p50(api) / p50(route);
    ctx.log(
      `### (b) entity readiness: ${ENTITIES} entities × ${CRITERIA} criteria × ${EVIDENCE_PER_CRITERION} evidence, DynamoDB Local`,
    );
    ctx.log();
    ctx.log(
      formatTable(
        [
          { header: 'path' },
          { header: 'p50 ms', align: 'right' },
          { header: 'p95 ms', align: 'right' },
          { header: 'samples', align: 'right' },
        ],
        [
          row('API through the local gateway', api),
          row(
            "bare reads, the route's (profile → context ∥ partition, evidence and scores projected)",
            route,
          ),
          row('bare reads, earlier baseline (context → partition, whole items, no profile)', earlier),
        ],
      ),
    );
    ctx.log();
    ctx.log(
      `p50 ratio API / the route's bare reads: ${ratio.toFixed(2)} (goal ≤ ${RATIO_GOAL}: ${ratio <= RATIO_GOAL ? 'met' : 'MISSED'}); p95 ratio ${(quantile(api, 0.95) / quantile(route, 0.95)).toFixed(2)}; API / earlier baseline p50 ${(p50(api) / p50(earlier)).toFixed(2)}`,
    );
    ctx.log(
      `(items read per entity: ${items}; stack start ${((started - t0) / 1000).toFixed(1)} s, seeding ${((seeded - started) / 1000).toFixed(1)} s; region ${LOCAL_REGION})`,
    );
  } finally {
    await stack.stop();
  }
}

/**
 * Signs the demo admin in as the web app does (docs/access.md, "MFA"): password, then the TOTP challenge with a
 * code of the admin's known local secret, then the API's MFA check (POST /v1/me/mfa) that admin routes require.
 */
export async function signIn(stack: LocalStack): Promise<string> {
  const { DEMO_PASSWORD, DEMO_USERS } = await import('#infra/local/demo-data.ts');
  const { totp } = await import('#infra/local/totp.ts');
  const admin = DEMO_USERS.find((u) => u.role === 'admin')!;
  const cognito = async (operation: string, body: unknown) => {
    const res = await fetch(stack.urls.auth, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
      },
      body: JSON.stringify(body),
    });
    const answer = (await res.json()) as {
      AuthenticationResult?: { IdToken: string };
      ChallengeName?: string;
      Session?: string;
    };
    if (!res.ok) throw new Error(`sign-in (${operation}) failed: ${res.status} ${JSON.stringify(answer)}`);
    return answer;
  };
  const first = await cognito('InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: stack.issuer.clientId,
    AuthParameters: { USERNAME: admin.email, PASSWORD: DEMO_PASSWORD },
  });
  let result = first.AuthenticationResult;
  if (first.ChallengeName === 'SOFTWARE_TOKEN_MFA' && admin.totpSecret) {
    result = (
      await cognito('RespondToAuthChallenge', {
        ClientId: stack.issuer.clientId,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: first.Session,
        ChallengeResponses: { USERNAME: admin.email, SOFTWARE_TOKEN_MFA_CODE: totp(admin.totpSecret) },
      })
    ).AuthenticationResult;
    const checked = await fetch(`${stack.urls.api}/v1/me/mfa`, {
      method: 'POST',
      headers: { authorization: `Bearer ${result?.IdToken}` },
    });
    if (!checked.ok) throw new Error(`MFA check failed: ${checked.status} ${await checked.text()}`);
  }
  if (!result) throw new Error(`sign-in stopped at ${first.ChallengeName}`);
  return result.IdToken;
}

export const readinessBench: Bench = {
  name: 'readiness',
  title: 'Readiness: the pure module at scale, and the entity-readiness API vs its bare DynamoDB reads',
  async run(ctx) {
    benchPure(ctx);
    ctx.log();
    await benchApi(ctx);
  },
};
