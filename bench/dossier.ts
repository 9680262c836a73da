/**
 * The dossier's score table (docs/dossier.md), printed, never asserted: for a framework of 1,000 criteria
 * (10 areas × 100) with 3,000 evidence and a self score on every criterion, the time to compute readiness,
 * build the table's rows and write the .xlsx (exceljs, formulas with stored results, four sheets) — the work
 * of one build-export run after its reads. Goal ≤ 2 s; the ratio to the goal is printed beside the median.
 * Side by side in the same run: the same workbook written without any styling (the floor exceljs sets).
 */
import ExcelJS from 'exceljs';
import { dossierSheets } from '#adapters/xlsx/dossier-sheets.ts';
import type { Evidence } from '#domain/evidence.ts';
import type { FrameworkNode } from '#domain/framework.ts';
import { computeReadiness } from '#domain/readiness.ts';
import { buildScoreTable } from '#domain/score-table.ts';
import { median } from './lib/stats.ts';
import { formatTable } from './lib/table.ts';
import type { Bench } from './lib/types.ts';

const GOAL_MS = 2000;
const t = (s: string) => ({ vi: s, en: s });

function season(areas: number, perArea: number) {
  const nodes: FrameworkNode[] = [];
  const codes: string[] = [];
  for (let a = 1; a <= areas; a++) {
    nodes.push({
      code: `${a}`,
      title: t(`Lĩnh vực ${a}`),
      maxPoints: perArea,
      method: 'evidence',
      slots: [],
    });
    for (let c = 1; c <= perArea; c++) {
      const code = `${a}.${c}`;
      codes.push(code);
      nodes.push({
        code,
        title: t(`Tiêu chí ${code}: thực hiện nhiệm vụ cải cách hành chính theo kế hoạch năm`),
        maxPoints: 1,
        method: 'evidence',
        slots: [{ kind: 'bao-cao', label: t('Báo cáo'), minCount: 2 }],
      });
    }
  }
  const evidence = Array.from({ length: codes.length * 3 }, (_, i) => ({
    evidenceId: `E${i}`,
    criterionCodes: [codes[i % codes.length]!],
    state: 'available' as const,
    documentType: 'bao-cao',
    documentNumber: `${i}/BC-SKHCN`,
    issueDate: '2026-06-30',
    title: `Báo cáo kết quả thực hiện số ${i}`,
    issuer: 'Sở Khoa học và Công nghệ',
    files: [],
  })) as unknown as Evidence[];
  const scores = codes.map((c, i) => ({
    criterionCode: c,
    selfScore: 1,
    ...(i % 5 === 0 ? { explanation: 'Đang bổ sung báo cáo quý IV' } : {}),
  }));
  return { framework: { nodes, bands: [{ name: 'A', minPercent: 90 }] }, evidence, scores };
}

export const dossierBench: Bench = {
  name: 'dossier',
  title: 'Dossier: the score table of 1,000 criteria (.xlsx)',
  async run({ runs, log }) {
    const s = season(10, 100);
    const once = async () => {
      const t0 = performance.now();
      const readiness = computeReadiness({ ...s, evidencePolicy: 'available' });
      const table = buildScoreTable({
        framework: s.framework,
        readiness,
        evidence: s.evidence,
        explanations: new Map(
          s.scores.filter((x) => x.explanation).map((x) => [x.criterionCode, x.explanation!]),
        ),
        evidencePolicy: 'available',
      });
      const t1 = performance.now();
      const bytes = await dossierSheets.scoreTable(table, {
        entityName: 'Sở KH&CN',
        cycleName: 'Đánh giá CCHC năm 2026',
        unitNames: new Map(),
        readAt: new Date().toISOString(),
        readiness,
      });
      return { rows: t1 - t0, total: performance.now() - t0, bytes: bytes.byteLength, table };
    };
    const bare = async (rows: number) => {
      const t0 = performance.now();
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('x');
      for (let i = 0; i < rows; i++)
        ws.addRow([`${i}`, 'Tiêu chí', 1, 1, null, 0.5, 'Báo cáo', null, null, 'x']);
      await wb.xlsx.writeBuffer();
      return performance.now() - t0;
    };
    await once(); // warm-up
    const full: number[] = [];
    const rowsOnly: number[] = [];
    const floor: number[] = [];
    let size = 0;
    let count = 0;
    for (let i = 0; i < runs; i++) {
      const r = await once();
      full.push(r.total);
      rowsOnly.push(r.rows);
      size = r.bytes;
      count = r.table.rows.length;
      floor.push(await bare(count));
    }
    const m = median(full);
    log(
      formatTable(
        [{ header: 'figure' }, { header: 'median ms', align: 'right' }, { header: 'ratio', align: 'right' }],
        [
          ['readiness + rows', rowsOnly.length ? median(rowsOnly).toFixed(1) : '', ''],
          ['score table .xlsx (all of it)', m.toFixed(1), `${(m / GOAL_MS).toFixed(2)} of the 2 s goal`],
          [
            'bare exceljs, same rows, no style',
            median(floor).toFixed(1),
            `${(m / median(floor)).toFixed(2)}× floor`,
          ],
        ],
      ),
    );
    log();
    log(`${count} rows, ${(size / 1024).toFixed(0)} KB; ${runs} runs after one warm-up.`);
  },
};
