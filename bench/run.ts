/**
 * `npm run bench [-- --runs N] [-- --only name,…]`: runs each bench below as its own section and prints its
 * figures. Performance is measured, not asserted: nothing here fails on a slow figure. To add a bench, write
 * `bench/<name>.ts` exporting a `Bench` (bench/lib/types.ts) and append it to `benches`.
 */

import { mkdirSync, rmSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { coldStart } from './cold-start.ts';
import { dossierBench } from './dossier.ts';
import { finalizeBench } from './finalize.ts';
import type { Bench } from './lib/types.ts';
import { packageBench } from './package.ts';
import { readinessBench } from './readiness.ts';

const benches: Bench[] = [coldStart, finalizeBench, readinessBench, dossierBench, packageBench];

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '9' },
    only: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(`Usage: npm run bench -- [--runs N] [--only ${benches.map((b) => b.name).join(',')}]`);
  process.exit(0);
}

const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs must be a positive integer, got ${values.runs}`);
  process.exit(2);
}
const only = values.only?.split(',').map((s) => s.trim());
const unknown = only?.filter((n) => !benches.some((b) => b.name === n)) ?? [];
if (unknown.length) {
  console.error(`Unknown bench ${unknown.join(', ')}; known: ${benches.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
const selected = only ? benches.filter((b) => only.includes(b.name)) : benches;

const root = fileURLToPath(new URL('..', import.meta.url));
const log = (line = '') => console.log(line);
const started = performance.now();

log(
  `node ${process.version} (${process.execPath}), ${process.platform}/${process.arch}, ${availableParallelism()} × ${cpus()[0]?.model.trim() ?? 'cpu'}; runs: ${runs}`,
);
for (const bench of selected) {
  const outDir = join(root, 'bench', 'out', bench.name);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  log();
  log(`## ${bench.title}`);
  log();
  const t0 = performance.now();
  await bench.run({ runs, root, outDir, log });
  log();
  log(`(${bench.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
log();
log(`Total: ${((performance.now() - started) / 1000).toFixed(1)} s`);
