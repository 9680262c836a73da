/**
 * `npm run bench [-- --runs N] [-- --only name,…]`: runs each bench below as its own section and prints its
 * figures. Performance is measured, not asserted: nothing here fails on a slow figure. To add a bench, write
 * `bench/<name>.ts` exporting a `Bench` (bench/lib/types.ts) and append it to `benches`.
 *
 * Each bench runs in its own `node` process (this file again, with `--part <name>`): a bench sets
 * `process.env` and the adapters cache their configuration and clients for the life of the process, as in
 * Lambda, so in one shared process a later bench would talk to the engines an earlier one had stopped.
 */

import { spawn } from 'node:child_process';
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
import { spreadsheetBench } from './spreadsheet.ts';

const benches: Bench[] = [
  coldStart,
  finalizeBench,
  readinessBench,
  dossierBench,
  packageBench,
  spreadsheetBench,
];

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '9' },
    only: { type: 'string' },
    /** Internal: run this one bench in this process (the parent starts one process per bench). */
    part: { type: 'string' },
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
const only = (values.part ?? values.only)?.split(',').map((s) => s.trim());
const unknown = only?.filter((n) => !benches.some((b) => b.name === n)) ?? [];
if (unknown.length) {
  console.error(`Unknown bench ${unknown.join(', ')}; known: ${benches.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
const selected = only ? benches.filter((b) => only.includes(b.name)) : benches;

const root = fileURLToPath(new URL('..', import.meta.url));
const log = (line = '') => console.log(line);

if (values.part) {
  // Child: exactly one bench, in this fresh process.
  const bench = selected[0]!;
  const outDir = join(root, 'bench', 'out', bench.name);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await bench.run({ runs, root, outDir, log });
  process.exit(0);
}

/** Runs one bench in a fresh `node` that shares this terminal; resolves with its exit code. */
function runPart(name: string): Promise<number> {
  const self = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, [...process.execArgv, self, '--part', name, '--runs', String(runs)], {
    cwd: root,
    stdio: 'inherit',
  });
  return new Promise((resolve) => {
    child.once('error', () => resolve(1));
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const started = performance.now();
log(
  `node ${process.version} (${process.execPath}), ${process.platform}/${process.arch}, ${availableParallelism()} × ${cpus()[0]?.model.trim() ?? 'cpu'}; runs: ${runs}`,
);
const failed: string[] = [];
for (const bench of selected) {
  log();
  log(`## ${bench.title}`);
  log();
  const t0 = performance.now();
  const code = await runPart(bench.name);
  if (code !== 0) failed.push(bench.name);
  log();
  log(
    `(${bench.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s${code ? `, FAILED with exit code ${code}` : ''})`,
  );
}
log();
log(`Total: ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (failed.length) {
  console.error(`Bench(es) failed: ${failed.join(', ')}`);
  process.exit(1);
}
