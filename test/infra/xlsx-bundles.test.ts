/** exceljs (~1 MB bundled) ships only in the functions that read or write spreadsheets. */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BUNDLE, handlerEntry } from '../../infra/bundling.ts';
import { REPO_ROOT } from '../../infra/constructs/app-function.ts';
import { routeList } from '../../shared/http/routes.ts';

const SPREADSHEET_FUNCTIONS = [
  'download-template',
  'export-framework',
  'import-assignments',
  'import-framework',
];

describe('spreadsheet library in bundles', () => {
  it('only the import, export and template functions include exceljs', async () => {
    const fns = [...new Set(routeList.map((r) => r.fn))].sort();
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
    const withExcel = Object.entries(out.metafile.outputs)
      .filter(([, o]) => o.imports.some((i) => i.path === 'exceljs'))
      .map(([file]) => file.replace(/^.*\//, '').replace(/\.js$/, ''));
    expect(withExcel.sort()).toEqual(SPREADSHEET_FUNCTIONS);
  });
});
