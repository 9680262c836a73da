/**
 * Finalize on a 200 MB object: the streaming inspection finalize runs (SHA-256, magic numbers, size and the
 * local malware scan, one pass) against a raw read of the same object's stream, interleaved in the same run;
 * goal ≥ 0.9× the raw throughput. Then the real finalize function, bundled as it deploys, runs once in a
 * child process against s3rver and DynamoDB Local on a pending 200 MB revision: its peak RSS (goal
 * ≤ 256 MB) and end-to-end time. s3rver runs in its own process so serving bytes does not share the
 * reader's event loop (in AWS, S3 is on the other side of the network). Printed, never asserted.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { BUNDLE, handlerEntry } from '#infra/bundling.ts';
import { ensureTable, freePort, LOCAL_CREDENTIALS, LOCAL_REGION, startDynamo } from '#infra/local/engines.ts';
import { PEAK_RSS_SNIPPET } from './lib/rss.ts';
import { median } from './lib/stats.ts';
import { formatTable } from './lib/table.ts';
import type { Bench, BenchContext } from './lib/types.ts';

const SIZE = 200 * 1024 * 1024;
const GOAL_RATIO = 0.9;
const GOAL_RSS_MB = 256;
const BUCKET = 'bench-evidence';
const TABLE = 'bench-finalize';
const MB = 1024 * 1024;

/** s3rver in its own process; prints "ready" once listening. */
const S3RVER_CHILD = `
import S3rver from 's3rver';
const [port, dir, bucket] = process.argv.slice(1);
const server = new S3rver({ port: Number(port), address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: bucket }] });
await server.run();
process.stdout.write('ready\\n');
process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
`;

/** Runs the bundled finalize handler once on one key; reports outcome, time and memory. */
const FINALIZE_CHILD = `${PEAK_RSS_SNIPPET}
const [url, key] = process.argv.slice(1);
const { handler } = await import(url);
const afterImportKb = peakRssKb();
const t0 = performance.now();
const res = await handler({ Records: [{ eventName: 'ObjectCreated:Put', s3: { object: { key } } }] }, {});
const ms = performance.now() - t0;
process.stdout.write('\\n' + JSON.stringify({ outcome: res.outcomes[0], ms, afterImportKb, peakKb: peakRssKb() }) + '\\n');
`;

/** 200 MB that starts like a PDF; 1 MiB of pseudo-random bytes repeated (hashing and scanning see real data). */
function pdfLike(size: number): Readable {
  const block = Buffer.alloc(MB);
  let x = 0x9e3779b9;
  for (let i = 0; i < block.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    block[i] = x & 0xff;
  }
  block.write('%PDF-1.7\n', 0, 'latin1');
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= size) return void this.push(null);
      const n = Math.min(MB, size - sent);
      this.push(block.subarray(0, n));
      sent += n;
    },
  });
}

/** s3rver in a child process (its memory is not the measured process's); `bucket` is created empty. */
export async function startS3rverProcess(
  root: string,
  port: number,
  dir: string,
  bucket = BUCKET,
): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--input-type=module', '-e', S3RVER_CHILD, String(port), dir, bucket],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`s3rver exited (${code})`)));
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve();
    });
  });
  return child;
}

const mbps = (bytes: number, ms: number) => bytes / MB / (ms / 1000);

async function run(ctx: BenchContext): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'minhchung-bench-finalize-'));
  const stops: (() => Promise<void> | void)[] = [];
  try {
    const [s3Port, ddbPort] = [await freePort(), await freePort()];
    const s3rver = await startS3rverProcess(ctx.root, s3Port, join(dir, 's3'));
    stops.push(() => void s3rver.kill('SIGTERM'));
    const dynamo = await startDynamo({ port: ddbPort });
    stops.push(dynamo.stop);
    await ensureTable(dynamo.endpoint, TABLE);

    const env = {
      STAGE: 'local',
      TABLE_NAME: TABLE,
      BUCKET_NAME: BUCKET,
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
    };
    // The adapters read their configuration from the environment, as in Lambda.
    Object.assign(process.env, env);
    // Finalize's own profile (idle-socket timeout only), as functions/finalize-upload uses it.
    const { streamingObjectStore: objectStore } = await import('#adapters/s3/object-store.ts');
    const { inspectObject } = await import('#usecases/evidence-finalize.ts');
    const { eicarScan } = await import('#domain/malware.ts');
    const { PutObjectCommand, S3Client } = await import('@aws-sdk/client-s3');
    const { key, sha256 } = await seedPending(ctx);

    const s3 = new S3Client({
      region: LOCAL_REGION,
      endpoint: env.S3_ENDPOINT,
      forcePathStyle: true,
      credentials: LOCAL_CREDENTIALS,
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });
    const t0 = performance.now();
    await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: key,
        Body: pdfLike(SIZE),
        ContentLength: SIZE,
        ContentType: 'application/pdf',
      }),
    );
    s3.destroy();
    ctx.log(`Object: ${SIZE / MB} MB put to s3rver in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);

    // Interleaved: each run reads raw then inspects, or the other way round, so drift hits both alike.
    const raw: number[] = [];
    const inspect: number[] = [];
    const readRaw = async () => {
      const t = performance.now();
      let n = 0;
      for await (const chunk of await objectStore.stream(key)) n += chunk.length;
      if (n !== SIZE) throw new Error(`raw read got ${n} bytes`);
      raw.push(performance.now() - t);
    };
    const readInspect = async () => {
      const t = performance.now();
      const facts = await inspectObject(await objectStore.stream(key), eicarScan());
      if (facts.sizeBytes !== SIZE || facts.sniffed !== 'pdf' || facts.scan?.status !== 'clean')
        throw new Error(`inspection went wrong: ${JSON.stringify(facts)}`);
      inspect.push(performance.now() - t);
      return facts.sha256;
    };
    await readRaw(); // warm-up (page cache, connections), not counted
    raw.length = 0;
    const runs = Math.min(ctx.runs, 9);
    let digest = '';
    for (let i = 0; i < runs; i++) {
      if (i % 2 === 0) {
        await readRaw();
        digest = await readInspect();
      } else {
        digest = await readInspect();
        await readRaw();
      }
    }
    const pairs = raw.map((r, i) => r / inspect[i]!);
    const rawMbps = mbps(SIZE, median(raw));
    const inspMbps = mbps(SIZE, median(inspect));
    ctx.log(
      formatTable(
        [{ header: 'read' }, { header: 'median ms', align: 'right' }, { header: 'MB/s', align: 'right' }],
        [
          ['raw stream (count bytes)', median(raw).toFixed(0), rawMbps.toFixed(0)],
          [
            'finalize inspection (SHA-256 + magic + size + EICAR)',
            median(inspect).toFixed(0),
            inspMbps.toFixed(0),
          ],
        ],
      ),
    );
    const ratio = inspMbps / rawMbps;
    ctx.log();
    ctx.log(
      `Throughput ratio inspection/raw: ${ratio.toFixed(2)} (median of ${runs} interleaved pairs: ${median(pairs).toFixed(2)}; goal ≥ ${GOAL_RATIO}) → ${ratio >= GOAL_RATIO ? 'meets' : 'MISSES'} the goal.`,
    );
    if (digest !== sha256) throw new Error('SHA-256 of the inspection differs from the bytes written');

    // The deployable bundle, in a fresh process: peak RSS of one real finalize of the 200 MB object.
    const bundle = join(ctx.outDir, 'finalize-upload.mjs');
    const { banner, mainFields, ...opts } = BUNDLE;
    await build({
      ...opts,
      mainFields: [...mainFields],
      banner: { js: banner },
      bundle: true,
      logLevel: 'error',
      absWorkingDir: ctx.root,
      entryPoints: [handlerEntry('finalize-upload')],
      outfile: bundle,
    });
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', FINALIZE_CHILD, pathToFileURL(bundle).href, key],
      {
        env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: '--enable-source-maps', ...env },
        encoding: 'utf8',
        maxBuffer: 16 * MB,
      },
    );
    const last = stdout.trim().split('\n').at(-1)!;
    const r = JSON.parse(last) as { outcome: string; ms: number; afterImportKb: number; peakKb: number };
    const peakMb = r.peakKb / 1024;
    ctx.log();
    ctx.log(
      formatTable(
        [{ header: 'finalize child (bundled handler)' }, { header: 'value', align: 'right' }],
        [
          ['outcome', r.outcome],
          ['end to end (GetItem, HEAD, stream 200 MB, transaction)', `${r.ms.toFixed(0)} ms`],
          ['throughput', `${mbps(SIZE, r.ms).toFixed(0)} MB/s`],
          ['RSS after imports', `${(r.afterImportKb / 1024).toFixed(1)} MB`],
          ['peak RSS', `${peakMb.toFixed(1)} MB`],
        ],
      ),
    );
    ctx.log();
    ctx.log(
      `Peak RSS ${peakMb.toFixed(0)} MB (goal ≤ ${GOAL_RSS_MB} MB) → ${peakMb <= GOAL_RSS_MB ? 'meets' : 'MISSES'} the goal.`,
    );
    if (r.outcome !== 'available') ctx.log(`NOTE: finalize outcome was ${r.outcome}, expected available.`);
  } finally {
    for (const stop of stops.reverse()) await stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A cycle that takes 200 MB files and a pending evidence revision whose object the bench then writes. */
async function seedPending(ctx: BenchContext): Promise<{ key: string; sha256: string }> {
  const { createHash } = await import('node:crypto');
  const { cycleRepository } = await import('#adapters/dynamo/cycle-repository.ts');
  const { evidenceRepository } = await import('#adapters/dynamo/evidence-repository.ts');
  const { ulidIds } = await import('#adapters/runtime.ts');
  const { newCycleSchema } = await import('#domain/cycle.ts');
  const { TIME_ZONE } = await import('#domain/common.ts');
  const { applyRevision } = await import('#domain/evidence.ts');
  const { objectKeys } = await import('#domain/object-keys.ts');
  type Cycle = import('#domain/cycle.ts').Cycle;
  type EvidenceRevision = import('#domain/evidence.ts').EvidenceRevision;

  const now = new Date().toISOString();
  const cycleId = ulidIds.next();
  const entityId = 'bench-entity';
  const cycle = {
    ...newCycleSchema.parse({
      year: 2099,
      name: { vi: 'Đo hiệu năng', en: 'Bench' },
      frameworkId: 'bench',
      frameworkVersion: 1,
      entityIds: [entityId],
      dates: {
        evidenceDue: '2099-11-30',
        selfAssessmentDue: '2099-12-15',
        appraisalStart: '2099-12-18',
        appraisalEnd: '2100-01-15',
        publication: '2100-02-28',
      },
      uploadLimits: { maxFileBytes: 256 * MB, allowedKinds: ['pdf'] },
    }),
    cycleId,
    timeZone: TIME_ZONE,
    status: 'open',
    version: 1,
    createdAt: now,
    createdBy: 'bench',
  } as Cycle;
  const audit = (action: string) => ({
    auditId: ulidIds.next(),
    at: now,
    actor: { userId: 'bench', role: 'admin' as const },
    action,
    subject: 'bench',
  });
  await cycleRepository.create(cycle, audit('bench.cycle'));
  const evidenceId = ulidIds.next();
  const fileId = ulidIds.next();
  const key = objectKeys.evidenceFile({ cycleId, entityId, evidenceId, fileId, revision: 1 });
  const revision: EvidenceRevision = {
    cycleId,
    entityId,
    evidenceId,
    fileId,
    revision: 1,
    fileName: 'Hồ sơ 200 MB.pdf',
    kind: 'pdf',
    declaredContentType: 'application/pdf',
    declaredSizeBytes: SIZE,
    objectKey: key,
    upload: { mode: 'single' },
    state: 'pending_upload',
    uploadedBy: 'bench',
    createdAt: now,
    version: 1,
  };
  const evidence = applyRevision(
    {
      evidenceId,
      cycleId,
      entityId,
      criterionCodes: ['1.1'],
      unconfirmedCodes: [],
      title: 'Bench',
      state: 'pending_upload',
      files: [],
      uploadedBy: 'bench',
      createdAt: now,
      updatedAt: now,
      version: 0,
    },
    revision,
    now,
  );
  await evidenceRepository.save({ evidence, revisions: [{ revision }], audit: audit('bench.evidence') });
  // The expected digest, from the same generator.
  const hash = createHash('sha256');
  for await (const chunk of pdfLike(SIZE)) hash.update(chunk as Buffer);
  ctx.log(`Pending revision seeded in DynamoDB Local (${cycleId}/${evidenceId}).`);
  return { key, sha256: hash.digest('hex') };
}

export const finalizeBench: Bench = {
  name: 'finalize',
  title: 'Finalize of a 200 MB object: streaming inspection vs raw read, and peak RSS',
  run,
};
