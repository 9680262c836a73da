/**
 * Integrity of uploaded files (docs/evidence.md, "Integrity"): what the bytes are (magic numbers, ZIP entry
 * names, the OLE root's CLSID) whatever the chunking, programs of every common format, names and declared
 * types at request time, the finalize reasons and their precedence, invisible characters in names. Every
 * fixture is built here from a few bytes; no binary is committed.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DEFAULT_UPLOAD_LIMITS } from '#domain/cycle.ts';
import {
  addFileRequestSchema,
  checkUploadAgainstLimits,
  evidenceMetadataSchema,
  quarantineReasonFor,
  settleRevision,
  uploadRequestSchema,
} from '#domain/evidence.ts';
import {
  bytesMatchKind,
  contentSniffer,
  isProgram,
  PROGRAM_TYPES,
  type SniffedType,
  sniffBytes,
} from '#domain/file-types.ts';
import { EICAR_SIGNATURE, eicarScan } from '#domain/malware.ts';
import { cleanFileName, cleanName, cleanText } from '#domain/text.ts';
import { parseWithIssues } from '#domain/zod-issues.ts';

const bytes = (...parts: (number[] | string)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const pad = (b: Buffer, n = 200) => Buffer.concat([b, Buffer.alloc(n, 0x20)]);

/** An OLE compound file header (512-byte sectors, directory in sector 0) whose root entry has `clsid`. */
function ole(clsid: number[]): Buffer {
  const b = Buffer.alloc(1536);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
  b.writeUInt16LE(9, 30); // sector shift: 512 bytes
  b.writeUInt32LE(0, 48); // first directory sector
  Buffer.from('Root Entry', 'utf16le').copy(b, 512);
  Buffer.from(clsid).copy(b, 512 + 80);
  return b;
}
const GUID_TAIL = [0x00, 0x00, 0x00, 0x00, 0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46];
const MSI_CLSID = [0x84, 0x10, 0x0c, 0x00, ...GUID_TAIL]; // {000C1084-0000-0000-C000-000000000046}
const MSP_CLSID = [0x86, 0x10, 0x0c, 0x00, ...GUID_TAIL];
const WORD_CLSID = [0x06, 0x09, 0x02, 0x00, ...GUID_TAIL]; // {00020906-…} Word.Document.8

async function zip(
  entries: Record<string, string | Uint8Array>,
  opts: { stream?: boolean; store?: boolean } = {},
) {
  const z = new JSZip();
  for (const [name, body] of Object.entries(entries)) z.file(name, body);
  return Buffer.from(
    await z.generateAsync({
      type: 'uint8array',
      compression: opts.store ? 'STORE' : 'DEFLATE',
      streamFiles: opts.stream ?? false,
    }),
  );
}
const docxEntries = {
  '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  '_rels/.rels': '<Relationships/>',
  'word/document.xml': '<w:document/>',
};
const xlsxEntries = {
  '[Content_Types].xml': '<Types/>',
  '_rels/.rels': '<Relationships/>',
  'xl/workbook.xml': '<workbook/>',
  'xl/worksheets/sheet1.xml': '<worksheet/>',
};

/** Feeds `b` in chunks of the given sizes (cycled), as a stream would. */
function sniffChunked(b: Uint8Array, sizes: number[]): SniffedType {
  const s = contentSniffer();
  let i = 0;
  for (let k = 0; i < b.length; k++) {
    const n = sizes[k % sizes.length]!;
    s.update(b.subarray(i, i + n));
    i += n;
  }
  return s.result();
}

describe('what the bytes are', () => {
  const programs: [string, Buffer, SniffedType][] = [
    ['PE/MZ', pad(bytes('MZ', [0x90, 0, 3, 0])), 'exe'],
    ['ELF', pad(bytes([0x7f], 'ELF', [2, 1, 1, 0])), 'elf'],
    ['Mach-O 32 BE', pad(bytes([0xfe, 0xed, 0xfa, 0xce])), 'mach-o'],
    ['Mach-O 64 BE', pad(bytes([0xfe, 0xed, 0xfa, 0xcf])), 'mach-o'],
    ['Mach-O 32 LE', pad(bytes([0xce, 0xfa, 0xed, 0xfe])), 'mach-o'],
    ['Mach-O 64 LE', pad(bytes([0xcf, 0xfa, 0xed, 0xfe])), 'mach-o'],
    ['Mach-O universal (2 archs)', pad(bytes([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2])), 'mach-o'],
    ['Mach-O universal 64', pad(bytes([0xca, 0xfe, 0xba, 0xbf, 0, 0, 0, 2])), 'mach-o'],
    ['Java class (version 52.0)', pad(bytes([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 52])), 'java-class'],
    ['Java class (45.3)', pad(bytes([0xca, 0xfe, 0xba, 0xbe, 0, 3, 0, 45])), 'java-class'],
    ['shebang script', bytes('#!/bin/sh\nrm -rf ~\n'), 'script'],
    ['WebAssembly', pad(bytes([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])), 'wasm'],
    [
      'Windows shortcut',
      pad(bytes([0x4c, 0, 0, 0, 0x01, 0x14, 0x02, 0, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46])),
      'lnk',
    ],
    ['MSI (OLE, installer root CLSID)', ole(MSI_CLSID), 'msi'],
    ['MSP (OLE, patch root CLSID)', ole(MSP_CLSID), 'msi'],
  ];

  it.each(programs)('%s is a program', (_, b, expected) => {
    expect(sniffBytes(b)).toBe(expected);
    expect(isProgram(sniffBytes(b))).toBe(true);
    for (const kind of DEFAULT_UPLOAD_LIMITS.allowedKinds)
      expect(bytesMatchKind(sniffBytes(b), kind)).toBe(false);
  });

  it('ZIP-based programs are told apart from documents by their entries', async () => {
    expect(sniffBytes(await zip({ 'META-INF/MANIFEST.MF': 'Main-Class: A\n', 'A.class': 'x' }))).toBe('jar');
    expect(sniffBytes(await zip({ 'AndroidManifest.xml': 'x', 'classes.dex': 'dex\n035' }))).toBe('apk');
    expect(sniffBytes(await zip({ 'classes.dex': 'dex\n035', 'res/a.png': 'x' }))).toBe('apk');
    expect(sniffBytes(await zip({ 'AppxManifest.xml': '<Package/>', 'app.exe': 'MZ' }))).toBe('appx');
    expect(sniffBytes(await zip({ 'Payload/Thing.app/Info.plist': '<plist/>' }))).toBe('ipa');
    for (const t of ['jar', 'apk', 'appx', 'ipa']) expect(PROGRAM_TYPES).toContain(t);
  });

  it('documents: DOCX, XLSX, other ZIPs, legacy Office (OLE) are not programs', async () => {
    for (const opts of [{}, { stream: true }, { store: true }, { store: true, stream: true }]) {
      expect(sniffBytes(await zip(docxEntries, opts))).toBe('docx');
      expect(sniffBytes(await zip(xlsxEntries, opts))).toBe('xlsx');
    }
    expect(sniffBytes(await zip({ 'bao-cao.pdf': '%PDF-1.4', 'anh/1.jpg': 'x' }))).toBe('zip');
    // An Open Document file has META-INF/manifest.xml (lower case), not a JAR manifest.
    expect(sniffBytes(await zip({ mimetype: 'application/vnd.oasis', 'META-INF/manifest.xml': 'x' }))).toBe(
      'zip',
    );
    // A workbook stored inside a document does not make it a workbook.
    const inner = await zip(xlsxEntries, { store: true });
    expect(
      sniffBytes(await zip({ ...docxEntries, 'word/embeddings/Sheet.xlsx': inner }, { store: true })),
    ).toBe('docx');
    expect(sniffBytes(ole(WORD_CLSID))).toBe('ole');
    expect(sniffBytes(ole(new Array(16).fill(0)))).toBe('ole');
    expect(sniffBytes(bytes('%PDF-1.7\n%âãÏÓ\n'))).toBe('pdf');
    expect(sniffBytes(pad(bytes([0xff, 0xd8, 0xff, 0xe0])))).toBe('jpg');
    expect(sniffBytes(pad(bytes([0x89], 'PNG\r\n', [0x1a, 0x0a])))).toBe('png');
    expect(sniffBytes(Buffer.from(EICAR_SIGNATURE, 'latin1'))).toBe('unknown');
    expect(sniffBytes(Buffer.from('<!doctype html><script>alert(1)</script>'))).toBe('unknown');
    expect(sniffBytes(Buffer.alloc(0))).toBe('unknown');
    expect(sniffBytes(bytes('MZ'))).toBe('exe');
  });

  it('gives the same answer however the stream is chunked (property)', async () => {
    const samples = [
      await zip(docxEntries, { stream: true }),
      await zip({ 'a.txt': 'x'.repeat(500), 'META-INF/MANIFEST.MF': 'Main-Class: A\n' }, { store: true }),
      await zip(xlsxEntries),
      ole(MSI_CLSID),
      ole(WORD_CLSID),
      pad(bytes([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 52])),
    ];
    const whole = samples.map(sniffBytes);
    expect(whole).toEqual(['docx', 'jar', 'xlsx', 'msi', 'ole', 'java-class']);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 8 }), (sizes) => {
        samples.forEach((b, i) => {
          expect(sniffChunked(b, sizes)).toBe(whole[i]);
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe('at request time: the name’s extension and the declared type', () => {
  const check = (fileName: string, contentType: string) =>
    checkUploadAgainstLimits({ fileName, contentType, sizeBytes: 10 }, DEFAULT_UPLOAD_LIMITS);
  const fields = (r: ReturnType<typeof check>) => ('issues' in r ? r.issues.map((i) => i.field) : []);

  it('accepts allowed extensions that agree with the type, in any case', () => {
    expect(check('Kế hoạch.pdf', 'application/pdf')).toEqual({ kind: 'pdf' });
    expect(check('ANH.JPEG', 'image/jpeg')).toEqual({ kind: 'jpg' });
    expect(check('bang.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toEqual({
      kind: 'xlsx',
    });
    expect(check('ho-so.zip', 'application/x-zip-compressed')).toEqual({ kind: 'zip' });
  });

  it.each([
    'report.exe',
    'trang.html',
    'a.js',
    'chay.bat',
    'x.cmd',
    'x.ps1',
    'x.vbs',
    'x.msi',
    'x.lnk',
    'x.scr',
    'x.svg',
    'bao-cao.pdf.exe',
  ])('refuses %s declared as application/pdf, on the file name, in both languages', (name) => {
    const r = check(name, 'application/pdf');
    expect(fields(r)).toEqual(['body.fileName']);
    const issue = 'issues' in r ? r.issues[0]! : undefined;
    expect(issue?.message.vi).toContain('Không nhận tệp có phần mở rộng');
    expect(issue?.message.en).toContain('are not accepted');
    expect(issue?.message.en).toContain('.pdf');
  });

  it('refuses a name without an extension, and a type that disagrees with the extension', () => {
    expect(fields(check('Quyết định', 'application/pdf'))).toEqual(['body.fileName']);
    const r = check('bao-cao.docx', 'application/pdf');
    expect(fields(r)).toEqual(['body.contentType']);
    expect('issues' in r && r.issues[0]!.message.vi).toContain('không khớp phần mở rộng ".docx"');
  });

  it('a cycle that allows only PDF refuses .docx by name', () => {
    const r = checkUploadAgainstLimits(
      {
        fileName: 'a.docx',
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        sizeBytes: 1,
      },
      { maxFileBytes: 100, allowedKinds: ['pdf'] },
    );
    expect(fields(r)).toEqual(['body.fileName', 'body.contentType']);
    expect('issues' in r && r.issues[0]!.message.vi).toContain('Chỉ nhận: .pdf.');
  });
});

describe('at finalize: reasons and their order', () => {
  const SHA = 'a'.repeat(64);
  const declared = (over = {}) => ({
    declaredSizeBytes: 10,
    declaredSha256: undefined as string | undefined,
    kind: 'pdf' as const,
    fileName: 'bao-cao.pdf',
    ...over,
  });
  const facts = (over = {}) => ({ sizeBytes: 10, sha256: SHA, sniffed: 'pdf' as SniffedType, ...over });
  const judge = (d = {}, f = {}) =>
    quarantineReasonFor(declared(d), facts(f), DEFAULT_UPLOAD_LIMITS, bytesMatchKind);

  it('a declared SHA-256 must equal the computed one', () => {
    expect(judge({ declaredSha256: SHA })).toBeUndefined();
    const r = judge({ declaredSha256: 'b'.repeat(64) });
    expect(r?.vi).toContain('Tệp bị hỏng hoặc không trọn vẹn khi tải lên (mã băm SHA-256 không khớp');
    expect(r?.en).toContain('corrupted or incomplete');
  });

  it('the bytes must be what the extension says', () => {
    const r = judge({ fileName: 'bao-cao.docx', kind: 'docx' });
    expect(r?.vi).toBe('Nội dung không khớp phần mở rộng: tệp tên ".docx" nhưng nội dung là PDF.');
    expect(r?.en).toContain('does not match the file extension');
    // A name stored before the extension rule, disagreeing with its kind: the name is checked too.
    expect(judge({ fileName: 'bao-cao.docx', kind: 'pdf' })?.vi).toContain('không khớp phần mở rộng');
    expect(judge({ fileName: 'bao-cao', kind: 'pdf' })?.vi).toContain('(không có phần mở rộng)');
    expect(judge({ fileName: 'bang.xlsx', kind: 'xlsx' }, { sniffed: 'docx' })?.en).toContain(
      'content is DOCX',
    );
    expect(judge({ fileName: 'ho-so.zip', kind: 'zip' }, { sniffed: 'docx' })).toBeUndefined();
    expect(judge({ fileName: 'cu.doc', kind: 'doc' }, { sniffed: 'ole' })).toBeUndefined();
  });

  it('a program is named a program, before any other check but emptiness', () => {
    const r = judge({ declaredSha256: 'b'.repeat(64) }, { sniffed: 'elf', sizeBytes: 11 });
    expect(r?.vi).toBe(
      'Đây là tệp chương trình (Linux ELF), không được nhận làm minh chứng. Hãy tải lên văn bản (PDF, Word, Excel) hoặc ảnh.',
    );
    expect(r?.en).toContain('program file (Linux ELF)');
    for (const p of PROGRAM_TYPES) expect(judge({}, { sniffed: p })?.vi).toContain('tệp chương trình');
    expect(judge({}, { sizeBytes: 0, sniffed: 'unknown' })?.en).toBe('The file is empty (0 bytes).');
  });

  it('malware found wins over every other reason (an EICAR file named .pdf is malware, not "not a PDF")', () => {
    const scan = eicarScan();
    scan.update(Buffer.from(EICAR_SIGNATURE, 'latin1'));
    const check = judge({}, { sniffed: 'unknown' });
    expect(check?.vi).toContain('không khớp phần mở rộng');
    const settled = settleRevision(check, scan.verdict());
    expect(settled.state).toBe('quarantined');
    expect(settled.reason?.vi).toContain('Phát hiện mã độc');
    expect(settled.reason?.en).toContain('Malware detected');
    // A check says more than "could not be scanned".
    expect(settleRevision(check, { engine: 'g', status: 'unscannable' }).reason).toEqual(check);
  });
});

describe('names: no control, bidi or zero-width characters, NFC', () => {
  it('strips C0/C1 controls, bidi marks and overrides, zero-width characters and the BOM', () => {
    expect(cleanName('bao-cao\u202Efdp.exe')).toBe('bao-caofdp.exe');
    expect(cleanName('\uFEFFKế\u200B hoạch\u200C\u200D\u2060.pdf')).toBe('Kế hoạch.pdf');
    expect(cleanName('a\u2066b\u2067c\u2068d\u2069e\u202Af\u202Bg\u202Ch\u202Di\u200Ej\u200Fk\u061Cl')).toBe(
      'abcdefghijkl',
    );
    expect(cleanName('x\u0000\u0007\u001b\u007f\u0080\u009fy')).toBe('xy');
    expect(cleanName('Báo\tcáo\r\nquý\u2028I')).toBe('Báo cáo quý I');
    // NFC after stripping: a zero-width character between a letter and its mark no longer blocks composition.
    expect(cleanName('Quye\u0302\u200B\u0301t')).toBe('Quyết');
    expect(cleanName('\u200B\u202E \u2066')).toBe('');
  });

  it('free text keeps its line breaks and tabs, loses the rest', () => {
    expect(cleanText('Dòng 1\n\tDòng 2\u202E\u200B')).toBe('Dòng 1\n\tDòng 2');
  });

  it('file names: path parts and leading dots go; nothing left → refused by the schema (400)', () => {
    expect(cleanFileName('..\\..\\Windows\\Kế hoạch\u202E.pdf')).toBe('Kế hoạch.pdf');
    expect(cleanFileName('\u200B.\u200Bpdf')).toBe('pdf');
    expect(cleanFileName('\u200B\u200C\u202E')).toBe('');
    const base = { contentType: 'application/pdf', sizeBytes: 3 };
    const refused = parseWithIssues(uploadRequestSchema, { ...base, fileName: '\u200B\u202E\uFEFF' }, 'body');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.issues.map((i) => i.field)).toEqual(['body.fileName']);
    const ok = uploadRequestSchema.parse({
      ...base,
      fileName: 'Kế\u200B hoạch\u202E.pdf',
      title: '\u2067Tiêu đề\u2069',
    });
    expect(ok.fileName).toBe('Kế hoạch.pdf');
    expect(ok.title).toBe('Tiêu đề');
    expect(evidenceMetadataSchema.shape.issuer.parse('Sở\u200B KH&CN\u202A')).toBe('Sở KH&CN');
  });

  it('upload schema messages are Vietnamese in vi (the 0-byte upload, a bad SHA-256)', () => {
    const r = parseWithIssues(
      uploadRequestSchema,
      {
        fileName: 'a.pdf',
        contentType: 'application/pdf',
        sizeBytes: 0,
        sha256: 'XYZ',
        documentType: 'Kế hoạch',
      },
      'body',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byField = Object.fromEntries(r.issues.map((i) => [i.field, i.message]));
    expect(byField['body.sizeBytes']).toEqual({
      vi: 'Tệp rỗng (0 byte) không phải là minh chứng.',
      en: 'An empty file (0 bytes) is not evidence.',
    });
    expect(byField['body.sha256']?.vi).toContain('64 chữ số thập lục phân');
    expect(byField['body.documentType']?.vi).toContain('ví dụ ke-hoach');
    for (const m of Object.values(byField)) expect(m.vi).not.toBe(m.en);
    const another = parseWithIssues(
      addFileRequestSchema,
      { fileName: 'a.pdf', contentType: 'application/pdf', sizeBytes: 1, replacesFileId: '../x' },
      'body',
    );
    expect(!another.ok && another.issues[0]?.message).toEqual({
      vi: 'mã: chỉ gồm chữ, số, - và _',
      en: 'id: letters, digits, - and _ only',
    });
  });
});
