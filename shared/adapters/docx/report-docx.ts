/**
 * The report (.docx) laid out as a Vietnamese administrative document (Decree 30/2020/NĐ-CP): A4, margins
 * top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; the header as a borderless two-column table
 * (superior and issuing body with the number on the left; national name, motto with its rule beneath, place
 * and date on the right); document type and summary; body 14 pt, justified; recipients and signer at the end.
 * Only the export worker bundles the docx library.
 */
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ReportBlock, ReportModel } from '#domain/report-model.ts';
import type { ReportWriter } from '#ports.ts';

const FONT = 'Times New Roman';
const pt = (n: number) => n * 2; // docx sizes are half-points
const mm = (n: number) => Math.round((n * 1440) / 25.4);
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};
const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
/** A4 text width with the decree's margins: 210 − 30 − 15 mm. */
const TEXT_WIDTH = convertMillimetersToTwip(165);

const run = (text: string, o: { bold?: boolean; italic?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, size: pt(o.size ?? 14), bold: o.bold, italics: o.italic });

const centered = (text: string, o: { bold?: boolean; italic?: boolean; size?: number } = {}) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, o)] });

/** A short centred rule under a line of text (the decree's solid line, about the text's length). */
const rule = (widthMm: number, columnMm: number) =>
  new Paragraph({
    border: { top: LINE },
    indent: {
      left: convertMillimetersToTwip((columnMm - widthMm) / 2),
      right: convertMillimetersToTwip((columnMm - widthMm) / 2),
    },
    spacing: { after: 120 },
    children: [],
  });

/** A borderless cell of a layout table (the header, the signature block). */
const plainCell = (children: Paragraph[], widthMm: number) =>
  new TableCell({
    borders: NO_BORDERS,
    width: { size: convertMillimetersToTwip(widthMm), type: WidthType.DXA },
    children,
  });
/** A borderless table as wide as the text: the administrative layout's two columns. */
const LAYOUT_TABLE = { width: { size: TEXT_WIDTH, type: WidthType.DXA }, borders: NO_BORDERS };

function header(m: ReportModel): Table {
  const left = 70; // mm
  const right = 95;
  const cell = plainCell;
  return new Table({
    ...LAYOUT_TABLE,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              centered(m.superiorBody, { size: 13 }),
              centered(m.issuingBody, { size: 13, bold: true }),
              rule(22, left),
              centered(m.numberLine, { size: 13 }),
            ],
            left,
          ),
          cell(
            [
              centered('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 12, bold: true }),
              centered('Độc lập - Tự do - Hạnh phúc', { size: 13, bold: true }),
              rule(62, right),
              centered(m.placeDate, { size: 14, italic: true }),
            ],
            right,
          ),
        ],
      }),
    ],
  });
}

function table(b: Extract<ReportBlock, { kind: 'table' }>): Table {
  const total = b.widths.reduce((s, w) => s + w, 0);
  const width = (i: number) => Math.round((TEXT_WIDTH * b.widths[i]!) / total);
  const row = (cells: string[], bold: boolean) =>
    new TableRow({
      cantSplit: true,
      children: cells.map(
        (c, i) =>
          new TableCell({
            width: { size: width(i), type: WidthType.DXA },
            margins: { left: 80, right: 80, top: 40, bottom: 40 },
            children: c.split('\n').map(
              (line) =>
                new Paragraph({
                  alignment: i >= 2 && /^[\d.,% ]+$/.test(line) ? AlignmentType.RIGHT : AlignmentType.LEFT,
                  children: [run(line, { size: 12, bold })],
                }),
            ),
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    rows: [
      new TableRow({
        tableHeader: true,
        children: b.columns.map(
          (c, i) =>
            new TableCell({
              width: { size: width(i), type: WidthType.DXA },
              margins: { left: 80, right: 80, top: 40, bottom: 40 },
              children: [centered(c, { size: 12, bold: true })],
            }),
        ),
      }),
      ...b.rows.map((r, i) => row(r, Boolean(b.boldLast) && i === b.rows.length - 1)),
    ],
  });
}

function body(blocks: readonly ReportBlock[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading')
      out.push(
        new Paragraph({ spacing: { before: 200, after: 120 }, children: [run(b.text, { bold: true })] }),
      );
    else if (b.kind === 'subheading')
      out.push(
        new Paragraph({
          spacing: { before: 120, after: 80 },
          indent: { firstLine: 567 },
          children: [run(b.text, { bold: true })],
        }),
      );
    else if (b.kind === 'paragraph')
      out.push(
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: { after: 120, line: 300 },
          indent: { firstLine: 567 },
          children: [run(b.text, { italic: b.italic })],
        }),
      );
    else {
      out.push(table(b));
      out.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
    }
  }
  return out;
}

function closing(m: ReportModel): Table {
  const cell = plainCell;
  return new Table({
    ...LAYOUT_TABLE,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          cell(
            [
              new Paragraph({ children: [run('Nơi nhận:', { bold: true, italic: true, size: 12 })] }),
              ...m.recipients.map((r) => new Paragraph({ children: [run(`- ${r};`, { size: 11 })] })),
            ],
            80,
          ),
          cell(
            [
              ...m.signerPosition
                .split('\n')
                .map((line) => centered(line.toUpperCase(), { size: 13, bold: true })),
              centered('', {}),
              centered('', {}),
              centered('', {}),
              centered(m.signerName ?? '', { size: 14, bold: true }),
            ],
            85,
          ),
        ],
      }),
    ],
  });
}

export function reportDocument(m: ReportModel): Document {
  return new Document({
    creator: 'Minh Chứng',
    title: `${m.documentType} ${m.summary}`,
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [
      {
        properties: {
          page: {
            // A4 as Word writes it (210 × 297 mm in twips), the decree's margins rounded to the twip.
            size: { width: 11906, height: 16838 },
            margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
          },
        },
        children: [
          header(m),
          new Paragraph({ spacing: { before: 240 }, children: [] }),
          centered(m.documentType, { size: 14, bold: true }),
          centered(m.summary, { size: 14, bold: true }),
          rule(40, 165),
          ...body(m.body),
          closing(m),
        ],
      },
    ],
  });
}

export const reportDocx: ReportWriter = {
  async report(model) {
    return new Uint8Array(await Packer.toBuffer(reportDocument(model)));
  },
};
