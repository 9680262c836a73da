/**
 * Spreadsheet libraries ship only where they are used: exceljs (~1 MB bundled) in the functions that write
 * spreadsheets, the one reader (SheetJS CE, `@e965/xlsx`) in the functions that import them (docs/spreadsheets.md).
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { eventFunctions, routeList } from '#http/routes.ts';
import { BUNDLE, handlerEntry } from '#infra/bundling.ts';
import { REPO_ROOT } from '#infra/constructs/app-function.ts';

const WRITING_FUNCTIONS = ['build-export', 'download-template', 'export-framework'];
const READING_FUNCTIONS = ['import-assignments', 'import-framework'];
/** The export API answers from the table and presigns downloads: the worker alone builds the files. */
const EXPORT_API_FUNCTIONS = ['get-export', 'get-score-table', 'request-export'];

describe('spreadsheet library in bundles', () => {
  it('exceljs only in the export and template functions, the reader only in the import functions', async () => {
    // Every deployed function: the route table's and the event-driven ones.
    const fns = [
      ...new Set([...routeList.map((r) => r.fn), ...Object.values(eventFunctions).map((e) => e.fn)]),
    ].sort();
    for (const fn of [...WRITING_FUNCTIONS, ...READING_FUNCTIONS, ...EXPORT_API_FUNCTIONS])
      expect(fns, fn).toContain(fn);
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
    const using = (pkg: string) =>
      outputs
        .filter(([, o]) => o.imports.some((i) => i.path === pkg || i.path.startsWith(`${pkg}/`)))
        .map(([file]) => file.replace(/^.*\//, '').replace(/\.js$/, ''))
        .sort();
    expect(using('exceljs')).toEqual(WRITING_FUNCTIONS);
    expect(using('@e965/xlsx')).toEqual(READING_FUNCTIONS);
    for (const fn of EXPORT_API_FUNCTIONS) expect(using('exceljs'), fn).not.toContain(fn);
  });
});
