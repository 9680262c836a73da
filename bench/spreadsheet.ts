/**
 * The one spreadsheet reader (`shared/adapters/spreadsheet`, docs/spreadsheets.md), printed, never asserted:
 * a 10,000-row sheet of an assignment list (8 columns of Vietnamese text, codes, dates and decimal-comma
 * numbers) written by each kind of producer — exceljs (shared strings), SheetJS (.xlsx with inline strings,
 * .ods, .xls BIFF8) and CSV (UTF-8 with BOM, UTF-16 LE, Windows-1258) — read in a fresh `node` each time:
 * wall time of `read()` and the process's peak RSS. Goals: ≤ 2 s and ≤ 256 MB for every format.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { utils, write } from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { PEAK_RSS_SNIPPET } from './lib/rss.ts';
import { median } from './lib/stats.ts';
import { formatTable } from './lib/table.ts';
import type { Bench } from './lib/types.ts';

const ROWS = 10_000;
const GOAL_MS = 2000;
const GOAL_MB = 256;
const HEADER = ['Mã nhiệm vụ', 'Nội dung', 'Phòng chủ trì', 'Tiêu chí', 'Hạn', 'Điểm', 'Ghi chú', 'Sản phẩm'];

function rows(): (string | number)[][] {
  const out: (string | number)[][] = [HEADER];
  for (let i = 1; i <= ROWS; i++)
    out.push([
      `NV-${String(i).padStart(5, '0')}`,
      `Triển khai nhiệm vụ cải cách hành chính số ${i} theo kế hoạch năm của Sở`,
      `Phòng ${['Kế hoạch - Tài chính', 'Quản lý khoa học', 'Văn phòng Sở', 'Chi cục TĐC'][i % 4]}`,
      `${1 + (i % 8)}.${1 + (i % 5)}`,
      `${String(1 + (i % 28)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/2026`,
      `${i % 3},5`,
      i % 7 === 0 ? 'Phối hợp với UBND các xã, phường' : '',
      'Báo cáo kết quả thực hiện',
    ]);
  return out;
}

const csv = (data: (string | number)[][], sep: string) =>
  `${data.map((r) => r.map((c) => (String(c).includes(sep) ? `"${c}"` : String(c))).join(sep)).join('\r\n')}\r\n`;

/** Windows-1258 for the characters the sheet uses: NFD, base letters in Latin-1, tones as combining marks. */
function windows1258(text: string): Buffer {
  const tones: Record<string, number> = {
    '\u0300': 0xcc,
    '\u0301': 0xec,
    '\u0303': 0xde,
    '\u0309': 0xd2,
    '\u0323': 0xf2,
  };
  const special: Record<string, number> = {
    Ă: 0xc3,
    ă: 0xe3,
    Đ: 0xd0,
    đ: 0xf0,
    Ơ: 0xd5,
    ơ: 0xf5,
    Ư: 0xdd,
    ư: 0xfd,
  };
  const bytes: number[] = [];
  // Letters with circumflex/breve/horn stay precomposed where Windows-1258 has them; tones are combining.
  for (const ch of text.normalize('NFD').normalize('NFC')) {
    const parts = ch.normalize('NFD');
    const tone = [...parts].find((c) => tones[c] !== undefined);
    const base = (tone ? parts.replace(tone, '') : parts).normalize('NFC');
    const code = special[base] ?? base.charCodeAt(0);
    if (base.length !== 1 || code > 0xff) throw new Error(`not in Windows-1258: ${ch}`);
    bytes.push(code);
    if (tone) bytes.push(tones[tone]!);
  }
  return Buffer.from(bytes);
}

async function writeCorpus(dir: string): Promise<[string, string][]> {
  const data = rows();
  const files: [string, string][] = [];
  const put = (label: string, name: string, bytes: Uint8Array | string) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    files.push([label, file]);
  };
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Nhiệm vụ').addRows(data);
  put('.xlsx exceljs (shared strings)', 'excel.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
  const book = utils.book_new();
  utils.book_append_sheet(book, utils.aoa_to_sheet(data), 'Nhiệm vụ');
  put('.xlsx SheetJS (inline strings)', 'sheetjs.xlsx', write(book, { type: 'buffer', bookType: 'xlsx' }));
  put('.ods SheetJS', 'sheetjs.ods', write(book, { type: 'buffer', bookType: 'ods' }));
  put('.xls BIFF8 SheetJS', 'sheetjs.xls', write(book, { type: 'buffer', bookType: 'biff8' }));
  put('.csv UTF-8 BOM, comma', 'utf8.csv', `\ufeff${csv(data, ',')}`);
  const utf16 = Buffer.from(`\ufeff${csv(data, '\t')}`, 'utf16le');
  put('.txt UTF-16 LE, tab', 'utf16le.txt', utf16);
  put('.csv Windows-1258, semicolon', 'windows-1258.csv', windows1258(csv(data, ';')));
  return files;
}

const CHILD = `${PEAK_RSS_SNIPPET}
import { readFileSync } from 'node:fs';
import { spreadsheetReader } from '#adapters/spreadsheet/reader.ts';
const bytes = new Uint8Array(readFileSync(process.argv[1]));
const t = performance.now();
const r = await spreadsheetReader.read(bytes);
const ms = performance.now() - t;
const rows = r.ok ? r.sheets[0].rows.length : -1;
process.stdout.write(JSON.stringify({ ms, rows, peakKb: peakRssKb() }) + '\\n');
`;

function readOnce(root: string, file: string): Promise<{ ms: number; rows: number; peakKb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD, file], { cwd: root });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').at(-1)!))
        : reject(new Error(err || `exit ${code}`)),
    );
  });
}

export const spreadsheetBench: Bench = {
  name: 'spreadsheet',
  title: `Spreadsheet reader: a ${ROWS.toLocaleString('en')}-row sheet from each producer`,
  async run(ctx) {
    const files = await writeCorpus(ctx.outDir);
    const runs = Math.min(ctx.runs, 5);
    const table: string[][] = [];
    for (const [label, file] of files) {
      ctx.log(`  reading ${label} (${runs} runs)…`);
      const results = [];
      for (let i = 0; i < runs; i++) results.push(await readOnce(ctx.root, file));
      const ms = median(results.map((r) => r.ms));
      const mb = Math.max(...results.map((r) => r.peakKb)) / 1024;
      table.push([
        label,
        String(results[0]!.rows),
        ms.toFixed(0),
        mb.toFixed(0),
        ms <= GOAL_MS && mb <= GOAL_MB ? 'met' : 'MISSED',
      ]);
    }
    ctx.log();
    ctx.log(
      formatTable(
        [
          { header: 'file' },
          { header: 'rows read', align: 'right' },
          { header: 'read ms (median)', align: 'right' },
          { header: 'peak RSS MB (max)', align: 'right' },
          { header: `≤ ${GOAL_MS} ms, ≤ ${GOAL_MB} MB` },
        ],
        table,
      ),
    );
    ctx.log();
    ctx.log(
      '- Each read runs in a fresh `node` (module import not counted in the time; counted in the RSS).',
    );
  },
};
