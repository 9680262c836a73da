/**
 * The evidence package (docs/dossier.md), printed, never asserted: ~2,000 files / ~1 GB of synthetic evidence in
 * s3rver (its own process). In a child process each (so RSS is the worker's alone), interleaved:
 * (a) raw copy — every object streamed into one multipart upload of 8 MiB parts, nothing else;
 * (b) the package — the same objects through the ZIP writer with SHA-256 checks, manifests and index.html, and
 *     the final read-back hash. Throughput ratio package/raw (goal ≥ 0.7) and the package child's peak RSS
 *     (goal ≤ 256 MB). `MC_BENCH_PACKAGE_FILES` / `MC_BENCH_PACKAGE_KB` change the size.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, LOCAL_CREDENTIALS, LOCAL_REGION } from '#infra/local/engines.ts';
import { startS3rverProcess } from './finalize.ts';
import { PEAK_RSS_SNIPPET } from './lib/rss.ts';
import { median } from './lib/stats.ts';
import { formatTable } from './lib/table.ts';
import type { Bench } from './lib/types.ts';

const BUCKET = 'bench-package';
const FILES = Number(process.env.MC_BENCH_PACKAGE_FILES ?? 2000);
const KB = Number(process.env.MC_BENCH_PACKAGE_KB ?? 512);
const GOAL_RATIO = 0.7;
const GOAL_RSS_MB = 256;

/** One child run: `raw` or `package`, over the plan in a JSON file; prints bytes, ms and peak RSS. */
const CHILD = `${PEAK_RSS_SNIPPET}
const [mode, planFile, root] = process.argv.slice(1);
const { readFileSync } = await import('node:fs');
const plan = JSON.parse(readFileSync(planFile, 'utf8'));
// The worker's own profile: only an idle socket times out (a long healthy stream is never cut).
const { streamingObjectStore: objectStore } = await import(root + '/shared/adapters/s3/object-store.ts');
const t0 = performance.now();
let bytes = 0;
if (mode === 'raw') {
  const key = 'exports/raw-' + Date.now() + '.bin';
  const id = await objectStore.createMultipart(key, 'application/octet-stream');
  const parts = []; let pending = []; let size = 0;
  const send = async (last) => {
    const all = Buffer.concat(pending);
    const n = last ? all.length : 8 * 1024 * 1024;
    if (!n) return;
    parts.push({ partNumber: parts.length + 1, etag: await objectStore.uploadPart(key, id, parts.length + 1, all.subarray(0, n)) });
    pending = all.length > n ? [all.subarray(n)] : []; size = all.length - n;
  };
  for (const f of plan.files) for await (const c of await objectStore.stream(f.source.key)) {
    pending.push(c); size += c.length; bytes += c.length;
    if (size >= 8 * 1024 * 1024) await send(false);
  }
  await send(true);
  await objectStore.completeMultipart(key, id, parts);
} else {
  const { startPackage, continuePackage } = await import(root + '/shared/usecases/evidence-package.ts');
  const key = 'exports/package-' + Date.now() + '.zip';
  const deps = { store: objectStore, remainingMs: () => Number.POSITIVE_INFINITY };
  const r = await continuePackage(deps, key, await startPackage(deps, key, plan), async () => {});
  bytes = r.sizeBytes;
}
process.stdout.write(JSON.stringify({ bytes, ms: performance.now() - t0, peakKb: peakRssKb() }) + '\\n');
`;

export const packageBench: Bench = {
  name: 'package',
  title: `Evidence package: ${FILES} files × ${KB} KB, streamed into S3 vs a raw multipart copy`,
  async run({ runs, root, log }) {
    const dir = mkdtempSync(join(tmpdir(), 'minhchung-bench-package-'));
    const port = await freePort();
    const s3rver = await startS3rverProcess(root, port, join(dir, 's3'), BUCKET);
    try {
      const env = {
        STAGE: 'local',
        TABLE_NAME: 'unused',
        BUCKET_NAME: BUCKET,
        AWS_REGION: LOCAL_REGION,
        AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
        S3_ENDPOINT: `http://127.0.0.1:${port}`,
      };
      Object.assign(process.env, env);
      const { objectStore } = await import('#adapters/s3/object-store.ts');
      // Synthetic evidence: distinct bytes per file (hashes differ), Vietnamese names, 8 areas × 25 criteria.
      const block = Buffer.alloc(KB * 1024);
      for (let i = 0; i < block.length; i++) block[i] = (i * 131) & 0xff;
      const files = [];
      const t0 = performance.now();
      for (let i = 0; i < FILES; i++) {
        const bytes = Buffer.concat([Buffer.from(`%PDF-1.4 ${i}\n`), block]);
        const key = `evidence/bench/e/${String(i).padStart(5, '0')}/f/1`;
        await objectStore.putObject(key, bytes, 'application/pdf');
        const area = 1 + (i % 8);
        const crit = 1 + (Math.floor(i / 8) % 25);
        files.push({
          path: `${area} Lĩnh vực ${area}/${area}.${crit} Tiêu chí ${area}.${crit}/${i}-KH-SKHCN Kế hoạch số ${i}.pdf`,
          size: bytes.length,
          source: { kind: 'object', key },
          sha256: createHash('sha256').update(bytes).digest('hex'),
          evidenceId: `E${i}`,
          revision: 1,
          criteria: [`${area}.${crit}`],
        });
      }
      const seconds = (performance.now() - t0) / 1000;
      const total = files.reduce((s, f) => s + f.size, 0);
      log(`Seeded ${FILES} objects, ${(total / 1024 / 1024).toFixed(0)} MB, in ${seconds.toFixed(0)} s.`);
      const plan = {
        readAt: new Date().toISOString(),
        entityName: 'Sở KH&CN',
        cycleName: 'Bench',
        files,
        root: [],
        criteria: [...new Set(files.map((f) => f.criteria[0]!))].map((code) => ({
          code,
          title: `Tiêu chí ${code}`,
          areaCode: code.split('.')[0]!,
          areaTitle: `Lĩnh vực ${code.split('.')[0]}`,
        })),
      };
      const planFile = join(dir, 'plan.json');
      writeFileSync(planFile, JSON.stringify(plan));
      const child = async (mode: 'raw' | 'package') => {
        const { stdout } = await promisify(execFile)(
          process.execPath,
          ['--input-type=module', '-e', CHILD, mode, planFile, root],
          { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', maxBuffer: 1 << 24 },
        );
        return JSON.parse(stdout.trim().split('\n').at(-1)!) as { bytes: number; ms: number; peakKb: number };
      };
      const raw: { bytes: number; ms: number; peakKb: number }[] = [];
      const pkg: { bytes: number; ms: number; peakKb: number }[] = [];
      const n = Math.max(1, Math.min(runs, 3));
      for (let i = 0; i < n; i++) {
        raw.push(await child('raw'));
        pkg.push(await child('package'));
      }
      const mbps = (r: { bytes: number; ms: number }) => r.bytes / 1024 / 1024 / (r.ms / 1000);
      const rawMbps = median(raw.map(mbps));
      const pkgMbps = median(pkg.map(mbps));
      const ratio = pkgMbps / rawMbps;
      const rss = Math.max(...pkg.map((r) => r.peakKb)) / 1024;
      log(
        formatTable(
          [{ header: 'figure' }, { header: 'median', align: 'right' }],
          [
            ['raw multipart copy', `${rawMbps.toFixed(1)} MB/s`],
            ['package (zip, SHA-256 checks, manifests, read-back hash)', `${pkgMbps.toFixed(1)} MB/s`],
            ['ratio package / raw', `${ratio.toFixed(2)} (goal ≥ ${GOAL_RATIO})`],
            ['package worker peak RSS', `${rss.toFixed(0)} MB (goal ≤ ${GOAL_RSS_MB} MB)`],
            ['raw copy peak RSS', `${(Math.max(...raw.map((r) => r.peakKb)) / 1024).toFixed(0)} MB`],
          ],
        ),
      );
      log(`${n} interleaved pairs, each in its own process.`);
    } finally {
      s3rver.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
