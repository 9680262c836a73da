/** exceljs (~1 MB bundled) ships only in the functions that read or write spreadsheets. */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { eventFunctions, routeList } from '#http/routes.ts';
import { BUNDLE, handlerEntry } from '#infra/bundling.ts';
import { REPO_ROOT } from '#infra/constructs/app-function.ts';

const SPREADSHEET_FUNCTIONS = [
  'build-export',
  'download-template',
  'export-framework',
  'import-assignments',
  'import-framework',
];
/** The export API answers from the table and presigns downloads: the worker alone builds the files. */
const EXPORT_API_FUNCTIONS = ['get-export', 'get-score-table', 'request-export'];

describe('spreadsheet library in bundles', () => {
  it('only the import, export and template functions include exceljs', async () => {
    // Every deployed function: the route table's and the event-driven ones.
    const fns = [
      ...new Set([...routeList.map((r) => r.fn), ...Object.values(eventFunctions).map((e) => e.fn)]),
    ].sort();
    for (const fn of [...SPREADSHEET_FUNCTIONS, ...EXPORT_API_FUNCTIONS]) expect(fns, fn).toContain(fn);
    // One build of our own code with packages left external: the output's imports name the packages it needs.
    const out = await build({
      entryPoints: Object.fromEntries(fns.map((fn) => [fn, `${REPO_ROOT}/${handlerEntry(fn)}`])),
      bundle: true,
      write: false,
      metafile: true,
      outdir: '/tmp/minhchung-xlsx-bundles',
      platform: BUNDLE.platform,
      format: BUNDLE.format,
      target: BUNDLE.target,
      mainFields: [...BUNDLE.mainFields],
      packages: 'external',
      logLevel: 'silent',
    });
    const outputs = Object.entries(out.metafile.outputs).filter(([file]) => file.endsWith('.js'));
    expect(outputs).toHaveLength(fns.length);
    const withExcel = outputs
      .filter(([, o]) => o.imports.some((i) => i.path === 'exceljs'))
      .map(([file]) => file.replace(/^.*\//, '').replace(/\.js$/, ''));
    expect(withExcel.sort()).toEqual(SPREADSHEET_FUNCTIONS);
    for (const fn of EXPORT_API_FUNCTIONS) expect(withExcel, fn).not.toContain(fn);
  });
});
