/**
 * Cold start: per function, bundle size and cold import time as ratios to a baseline bundle that holds only
 * the AWS SDK clients that function's bundle contains. Both are built with the deploy options
 * (`infra/bundling.ts`) and measured side by side in one run, interleaved, so machine noise hits both alike.
 * Target (issue): every ratio ≤ 1.15. Printed, never asserted.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { eventFunctions, routeList } from '#http/routes.ts';
import { BUNDLE, handlerEntry } from '#infra/bundling.ts';
import { median } from './lib/stats.ts';
import { formatTable } from './lib/table.ts';
import type { Bench, BenchContext } from './lib/types.ts';

const TARGET = 1.15;

/**
 * The child's whole environment: what handlers parse at load, and the NODE_OPTIONS the deployed functions run
 * with (infra/constructs/app-function.ts), since source-map support changes import time. Nothing else from the
 * parent leaks in (no compile cache, no profile).
 */
const DEPLOYED_NODE_OPTIONS = '--enable-source-maps';
const CHILD_ENV = {
  PATH: process.env.PATH ?? '',
  NODE_OPTIONS: DEPLOYED_NODE_OPTIONS,
  TABLE_NAME: 't',
  BUCKET_NAME: 'bucket',
  AWS_REGION: 'ap-southeast-1',
};

/** Runs in a fresh node: times the import alone, not process start. */
const PROBE = `
const url = process.argv[1];
const t0 = performance.now();
await import(url);
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ ms }), () => process.exit(0));
`;

/**
 * SDK packages a baseline can hold: what it imports, and the module-scope code that builds the client (as
 * the adapters build theirs). An SDK package not listed here stops the bench with a message rather than
 * being silently left out of the baseline.
 */
const SDK_PARTS = [
  {
    id: 'ddb',
    pkg: '@aws-sdk/client-dynamodb',
    name: 'DynamoDBClient',
    construct: 'export const ddb = new DynamoDBClient({});',
  },
  {
    id: 'ddb-doc',
    pkg: '@aws-sdk/lib-dynamodb',
    name: 'DynamoDBDocumentClient',
    construct: 'export const doc = DynamoDBDocumentClient.from(ddb);',
  },
  { id: 's3', pkg: '@aws-sdk/client-s3', name: 'S3Client', construct: 'export const s3 = new S3Client({});' },
  {
    id: 'presign',
    pkg: '@aws-sdk/s3-request-presigner',
    name: 'getSignedUrl',
    construct: 'export { getSignedUrl };',
  },
  {
    id: 'cognito',
    pkg: '@aws-sdk/client-cognito-identity-provider',
    name: 'CognitoIdentityProviderClient',
    construct: 'export const cognito = new CognitoIdentityProviderClient({});',
  },
  {
    id: 'sesv2',
    pkg: '@aws-sdk/client-sesv2',
    name: 'SESv2Client',
    construct: 'export const ses = new SESv2Client({});',
  },
  {
    id: 'ssm',
    pkg: '@aws-sdk/client-ssm',
    name: 'SSMClient',
    construct: 'export const ssm = new SSMClient({});',
  },
  {
    id: 'lambda',
    pkg: '@aws-sdk/client-lambda',
    name: 'LambdaClient',
    construct: 'export const lambda = new LambdaClient({});',
  },
] as const;
type SdkPart = (typeof SDK_PARTS)[number];

/**
 * Baseline entry. `construct`: clients built at module scope (the issue's baseline). Otherwise imports only,
 * the SDK exports re-exported so nothing is shaken off: the handlers build their clients lazily on first use,
 * so this is the like-for-like baseline for import time alone.
 */
function baselineEntry(parts: readonly SdkPart[], construct: boolean): string {
  if (parts.length === 0) return 'export {};\n';
  const imports = parts.map((p) => `import { ${p.name} } from '${p.pkg}';`);
  const body = construct
    ? parts.map((p) => p.construct)
    : [`export { ${parts.map((p) => p.name).join(', ')} };`];
  return `${[...imports, ...body].join('\n')}\n`;
}

/** Clients whose construction other parts need (lib-dynamodb wraps a DynamoDBClient). */
const REQUIRES: Partial<Record<SdkPart['id'], SdkPart['id']>> = { 'ddb-doc': 'ddb', presign: 's3' };

interface Built {
  file: string;
  bytes: number;
  /** Minified bytes contributed per package (app code grouped as `app:<folder>`). */
  byPackage: Map<string, number>;
  /** SDK packages present in the output. */
  sdk: Set<string>;
}

/** The deploy options, as esbuild takes them: BUNDLE is shared with the CDK, whose `banner` is a plain string. */
function bundleOptions(): BuildOptions {
  const { banner, mainFields, ...rest } = BUNDLE;
  const js: Record<string, string> = typeof banner === 'string' ? { js: banner } : banner;
  return {
    ...rest,
    mainFields: [...mainFields],
    banner: js,
    bundle: true,
    metafile: true,
    logLevel: 'error',
  };
}

function packageOf(input: string): string {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) {
    const parts = input.split('/');
    return parts[0] === 'bench'
      ? 'app:entry'
      : `app:${parts.slice(0, Math.min(2, parts.length - 1)).join('/')}`;
  }
  const [scope, name] = input.slice(at + 'node_modules/'.length).split('/');
  return scope?.startsWith('@') ? `${scope}/${name}` : (scope ?? input);
}

async function bundle(root: string, entry: string, outfile: string): Promise<Built> {
  const result = await build({ ...bundleOptions(), absWorkingDir: root, entryPoints: [entry], outfile });
  const meta: Metafile = result.metafile!;
  // Kept for a closer look (e.g. esbuild's bundle analyzer).
  writeFileSync(join(dirname(outfile), 'meta.json'), JSON.stringify(meta));
  const out = meta.outputs[relative(root, outfile)];
  if (!out) throw new Error(`esbuild metafile has no output ${outfile}`);
  const byPackage = new Map<string, number>();
  const sdk = new Set<string>();
  for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
    if (bytesInOutput === 0) continue;
    const pkg = packageOf(input);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + bytesInOutput);
    if (/^@aws-sdk\/(client-|lib-|s3-request-presigner)/.test(pkg)) sdk.add(pkg);
  }
  return { file: outfile, bytes: statSync(outfile).size, byPackage, sdk };
}

/** Which baseline parts a function's bundle calls for. */
function sdkParts(fn: string, sdk: Set<string>): SdkPart[] {
  const known = new Set<string>(SDK_PARTS.map((p) => p.pkg));
  const unknown = [...sdk].filter((p) => !known.has(p));
  if (unknown.length)
    throw new Error(
      `${fn} bundles ${unknown.join(', ')}: add a baseline part for it to SDK_PARTS in bench/cold-start.ts`,
    );
  const ids = new Set<string>(SDK_PARTS.filter((p) => sdk.has(p.pkg)).map((p) => p.id));
  for (const id of [...ids]) {
    const needs = REQUIRES[id as SdkPart['id']];
    if (needs) ids.add(needs);
  }
  return SDK_PARTS.filter((p) => ids.has(p.id));
}

async function importMs(file: string): Promise<number> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', PROBE, pathToFileURL(file).href],
    { env: CHILD_ENV, encoding: 'utf8' },
  );
  return (JSON.parse(stdout) as { ms: number }).ms;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const ratio = (x: number) => x.toFixed(2);

interface Baseline {
  /** Clients built at module scope: the issue's baseline, the one judged against the target. */
  built: Built;
  /** Same SDK imports, nothing constructed (absent for the empty baseline). */
  importOnly?: Built;
}

/** Bytes the function adds over its baseline, by package; SDK packages both hold are netted as one figure. */
function extraByPackage(f: Built, b: Built, sdk: boolean): string {
  const deltas = new Map<string, number>();
  let shared = 0;
  for (const [pkg, bytes] of f.byPackage) {
    if (pkg === 'app:entry') continue;
    const base = b.byPackage.get(pkg);
    if (base === undefined) deltas.set(pkg, bytes);
    else shared += bytes - base;
  }
  for (const [pkg, bytes] of b.byPackage) if (!f.byPackage.has(pkg) && pkg !== 'app:entry') shared -= bytes;
  if (sdk) deltas.set('SDK (commands etc.)', shared);
  return [...deltas.entries()]
    .filter(([, bytes]) => Math.abs(bytes) >= 512)
    .sort((x, y) => y[1] - x[1])
    .map(([pkg, bytes]) => `${pkg} ${bytes >= 0 ? '+' : ''}${kb(bytes)}`)
    .join(', ');
}

export const coldStart: Bench = {
  name: 'cold-start',
  title: 'Cold start: function bundle vs. a bundle of only its AWS SDK clients',
  async run({ runs, root, outDir, log }: BenchContext) {
    const fns = [
      ...new Set([...routeList.map((r) => r.fn), ...Object.values(eventFunctions).map((e) => e.fn)]),
    ];

    // Build every function, then the baselines for each distinct set of SDK parts.
    const t0 = performance.now();
    const functions = await Promise.all(
      fns.map((fn) => bundle(root, handlerEntry(fn), join(outDir, 'functions', fn, 'index.mjs'))),
    );
    const partsOf = fns.map((fn, i) => sdkParts(fn, functions[i]!.sdk));
    const keyOf = (parts: readonly SdkPart[]) => parts.map((p) => p.id).join('+') || 'none';
    const buildBaseline = async (key: string, parts: readonly SdkPart[], construct: boolean) => {
      const dir = join(outDir, 'baselines', construct ? key : `${key}.import-only`);
      mkdirSync(dir, { recursive: true });
      const entry = join(dir, 'entry.mjs');
      writeFileSync(entry, baselineEntry(parts, construct));
      return bundle(root, relative(root, entry), join(dir, 'index.mjs'));
    };
    const baselines = new Map<string, Baseline>();
    await Promise.all(
      [...new Map(partsOf.map((parts) => [keyOf(parts), parts])).entries()].map(async ([key, parts]) => {
        const [built, importOnly] = await Promise.all([
          buildBaseline(key, parts, true),
          parts.length ? buildBaseline(key, parts, false) : undefined,
        ]);
        baselines.set(key, importOnly ? { built, importOnly } : { built });
      }),
    );
    const outRel = relative(root, outDir);
    log(
      `Built ${fns.length} function bundles and ${baselines.size} baselines in ${((performance.now() - t0) / 1000).toFixed(1)} s (${outRel}/; each with meta.json for a closer look).`,
    );

    // Measure per function: one discarded warm-up round (page cache), then `runs` interleaved rounds
    // function, baseline, import-only baseline, function, baseline, …
    const rows: string[][] = [];
    const extras: string[][] = [];
    const misses: string[] = [];
    const caveats: string[] = [];
    let judged = 0;
    for (const [i, fn] of fns.entries()) {
      const f = functions[i]!;
      const key = keyOf(partsOf[i]!);
      const { built: b, importOnly: c } = baselines.get(key)!;
      const files = [f.file, b.file, ...(c ? [c.file] : [])];
      process.stderr.write(`  measuring ${fn} against ${key} (${runs} runs)…\n`);
      for (const file of files) await importMs(file);
      const samples: number[][] = files.map(() => []);
      for (let r = 0; r < runs; r++)
        for (const [j, file] of files.entries()) samples[j]!.push(await importMs(file));
      const [fMs, bMs, cMs] = samples.map(median) as [number, number, number | undefined];

      if (cMs === undefined) {
        const row = [fn, `${key}†`, kb(f.bytes), kb(b.bytes), 'n/a', fMs.toFixed(1), bMs.toFixed(1), 'n/a'];
        rows.push([...row, 'n/a', 'n/a†']);
      } else {
        const sizeRatio = f.bytes / b.bytes;
        const importRatio = fMs / bMs;
        const importOnlyRatio = fMs / cMs;
        const failed = [sizeRatio > TARGET && 'size', importRatio > TARGET && 'import'].filter(Boolean);
        judged++;
        if (failed.length) misses.push(fn);
        else if (importOnlyRatio > TARGET) caveats.push(fn);
        const verdict = failed.length
          ? `NO (${failed.join(', ')})`
          : importOnlyRatio > TARGET
            ? 'yes‡'
            : 'yes';
        rows.push([
          fn,
          key,
          kb(f.bytes),
          kb(b.bytes),
          ratio(sizeRatio),
          fMs.toFixed(1),
          bMs.toFixed(1),
          ratio(importRatio),
          `${ratio(importOnlyRatio)} (${cMs.toFixed(1)} ms)`,
          verdict,
        ]);
      }
      extras.push([
        fn,
        `${f.bytes >= b.bytes ? '+' : ''}${kb(f.bytes - b.bytes)}`,
        extraByPackage(f, b, key !== 'none'),
      ]);
    }

    log();
    log(
      formatTable(
        [
          { header: 'function' },
          { header: 'SDK baseline' },
          { header: 'bundle KB', align: 'right' },
          { header: 'baseline KB', align: 'right' },
          { header: 'size ratio', align: 'right' },
          { header: 'import ms (median)', align: 'right' },
          { header: 'baseline ms', align: 'right' },
          { header: 'import ratio', align: 'right' },
          { header: 'vs import-only baseline', align: 'right' },
          { header: `≤${TARGET}?` },
        ],
        rows,
      ),
    );
    log();
    log(
      `${judged - misses.length} of ${judged} functions meet ≤${TARGET} on size and import ratio${misses.length ? `; missing: ${misses.join(', ')}` : ''}.`,
    );
    log();
    log('Notes:');
    for (const note of [
      `Baseline: a bundle of only the SDK packages found in the function's output (esbuild metafile), clients built at module scope (ddb = new DynamoDBClient({}), ddb-doc = DynamoDBDocumentClient.from(ddb), s3 = new S3Client({}), presign = getSignedUrl), with the deploy options (infra/bundling.ts BUNDLE + bundle: true; SDK bundled). KB = the minified .mjs, source map excluded.`,
      `import ms: performance.now() around \`await import(bundle)\` in a fresh \`node\` (import only, not process start) with only TABLE_NAME, BUCKET_NAME, AWS_REGION, PATH and NODE_OPTIONS=${DEPLOYED_NODE_OPTIONS} (as deployed) set; median of ${runs} runs, the function and its baselines interleaved, after one discarded warm-up round. Ratios = median / median.`,
      `vs import-only baseline: the same SDK imports with no client built. The handlers build their clients lazily (first request), so this is the like-for-like figure for import time; the gap between the two baseline columns is what building the clients costs at import.`,
      `† No SDK in the bundle: set against an empty baseline (banner only). Absolute figures are shown, ratios are n/a (a ratio to an empty module measures nothing), and it is not counted against the target.`,
      ...(caveats.length
        ? [
            `‡ Meets the target against the issue's baseline but not against the import-only one: ${caveats.join(', ')}.`,
          ]
        : []),
    ])
      log(`- ${note}`);
    log();
    log(
      'Where the extra size comes from (minified KB over the baseline by package, from the metafiles; app:<folder> is our code):',
    );
    log();
    log(
      formatTable(
        [{ header: 'function' }, { header: 'extra KB', align: 'right' }, { header: 'by package' }],
        extras,
      ),
    );
  },
};
