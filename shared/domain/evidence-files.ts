/**
 * One file's checks (docs/evidence.md): at request time against the cycle's limits, the upload plan (one
 * presigned PUT or multipart), and once the bytes are known what they turned out to be (finalize).
 */
import type { UploadLimits } from './cycle.ts';
import type { FieldIssue, Message } from './errors.ts';
import type { EvidenceRevision, FileDeclaration, FileState } from './evidence-schemas.ts';
import {
  extensionOf,
  extensionsOf,
  type FileKind,
  isProgram,
  kindOfExtension,
  kindOfMime,
  MIME_BY_KIND,
  type ProgramType,
  type SniffedType,
} from './file-types.ts';
import { malwareReason, type ScanVerdict } from './malware.ts';

/**
 * Checks a file against the cycle's limits: its name's extension on the cycle's allow-list, the declared type
 * the one of that extension, the size. Returns the file kind or the field problems.
 */
export function checkUploadAgainstLimits(
  req: Pick<FileDeclaration, 'contentType' | 'sizeBytes' | 'fileName'>,
  limits: UploadLimits,
): { kind: FileKind } | { issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const kind = kindOfMime(req.contentType);
  const byName = kindOfExtension(req.fileName);
  const allowed = limits.allowedKinds.join(', ');
  if (!byName || !limits.allowedKinds.includes(byName)) {
    const ext = extensionOf(req.fileName);
    const exts = extensionsOf(limits.allowedKinds)
      .map((e) => `.${e}`)
      .join(', ');
    issues.push({
      field: 'body.fileName',
      message: ext
        ? {
            vi: `Không nhận tệp có phần mở rộng ".${ext}". Chỉ nhận: ${exts}.`,
            en: `Files ending in ".${ext}" are not accepted. Allowed: ${exts}.`,
          }
        : {
            vi: `Tên tệp cần có phần mở rộng cho biết loại tệp. Chỉ nhận: ${exts}.`,
            en: `The file name needs an extension that says its type. Allowed: ${exts}.`,
          },
    });
  }
  if (!kind || !limits.allowedKinds.includes(kind)) {
    issues.push({
      field: 'body.contentType',
      message: {
        vi: `Loại tệp "${req.contentType}" không được chấp nhận. Chỉ nhận: ${allowed}.`,
        en: `File type "${req.contentType}" is not accepted. Allowed: ${allowed}.`,
      },
    });
  } else if (byName && kind !== byName) {
    issues.push({
      field: 'body.contentType',
      message: {
        vi: `Loại tệp khai báo "${req.contentType}" không khớp phần mở rộng ".${extensionOf(req.fileName)}" của tên tệp.`,
        en: `The declared type "${req.contentType}" does not match the file name's extension ".${extensionOf(req.fileName)}".`,
      },
    });
  }
  if (req.sizeBytes > limits.maxFileBytes) {
    issues.push({
      field: 'body.sizeBytes',
      message: {
        vi: `Tệp ${mb(req.sizeBytes)} MB vượt giới hạn ${mb(limits.maxFileBytes)} MB của kỳ đánh giá.`,
        en: `The file (${mb(req.sizeBytes)} MB) exceeds this cycle's ${mb(limits.maxFileBytes)} MB limit.`,
      },
    });
  }
  if (kind && issues.length === 0) return { kind };
  return { issues };
}

const mb = (n: number) => (n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/** Normalised MIME we sign into the presigned URL: the canonical one for the kind. */
export const canonicalMime = (kind: FileKind): string => MIME_BY_KIND[kind][0]!;

// ——— Upload plan: one presigned PUT, or a multipart upload with presigned parts ———

export interface MultipartConfig {
  /** Files larger than this go multipart (a dropped connection then resumes at the failed part). */
  thresholdBytes: number;
  /** Preferred part size (S3: ≥ 5 MiB except the last part). */
  partBytes: number;
}
export const S3_MAX_PARTS = 10_000;

export type UploadPlan = { mode: 'single' } | { mode: 'multipart'; partBytes: number; partCount: number };

export function planUpload(sizeBytes: number, cfg: MultipartConfig): UploadPlan {
  if (sizeBytes <= cfg.thresholdBytes) return { mode: 'single' };
  const partBytes = Math.max(cfg.partBytes, Math.ceil(sizeBytes / S3_MAX_PARTS));
  return { mode: 'multipart', partBytes, partCount: Math.ceil(sizeBytes / partBytes) };
}

/** Exact size of part `n` (1-based): every part full except the last. */
export function partSize(sizeBytes: number, partBytes: number, partCount: number, n: number): number {
  return n < partCount ? partBytes : sizeBytes - partBytes * (partCount - 1);
}

// ——— Finalize: what the bytes turned out to be ———

export interface ObjectFacts {
  sizeBytes: number;
  sha256: string;
  /** What the bytes are (`contentSniffer`). */
  sniffed: SniffedType;
}

const PROGRAM_NAMES: Record<ProgramType, Message> = {
  exe: { vi: 'Windows .exe/.dll', en: 'Windows .exe/.dll' },
  elf: { vi: 'Linux ELF', en: 'Linux ELF' },
  'mach-o': { vi: 'macOS Mach-O', en: 'macOS Mach-O' },
  script: { vi: 'tập lệnh "#!"', en: 'a "#!" script' },
  'java-class': { vi: 'Java .class', en: 'Java .class' },
  wasm: { vi: 'WebAssembly', en: 'WebAssembly' },
  lnk: { vi: 'lối tắt Windows .lnk', en: 'Windows shortcut .lnk' },
  msi: { vi: 'gói cài đặt Windows .msi', en: 'Windows Installer .msi' },
  jar: { vi: 'Java .jar', en: 'Java .jar' },
  apk: { vi: 'ứng dụng Android .apk', en: 'Android app .apk' },
  appx: { vi: 'gói ứng dụng Windows .msix/.appx', en: 'Windows app package .msix/.appx' },
  ipa: { vi: 'ứng dụng iOS .ipa', en: 'iOS app .ipa' },
};

/** How a sniffed type is named to the user: "PDF", "DOCX", "Word/Excel 97–2003", "không nhận diện được". */
function sniffedName(t: SniffedType): Message {
  if (isProgram(t)) return PROGRAM_NAMES[t];
  if (t === 'unknown') return { vi: 'không nhận diện được', en: 'unrecognised' };
  if (t === 'ole') return { vi: 'Word/Excel 97–2003', en: 'Word/Excel 97–2003' };
  return { vi: t.toUpperCase(), en: t.toUpperCase() };
}

/**
 * Why the bytes cannot become evidence, or undefined when they pass. The size and type were signed into the
 * upload URL, but the local store enforces nothing and a browser can lie about the type, so everything is
 * checked again here against what was declared and the cycle's current limits.
 */
export function quarantineReasonFor(
  declared: Pick<EvidenceRevision, 'declaredSizeBytes' | 'declaredSha256' | 'kind' | 'fileName'>,
  facts: ObjectFacts,
  limits: UploadLimits,
  bytesMatch: (sniffed: SniffedType, kind: FileKind) => boolean,
): Message | undefined {
  if (facts.sizeBytes === 0) return { vi: 'Tệp rỗng (0 byte).', en: 'The file is empty (0 bytes).' };
  if (isProgram(facts.sniffed)) {
    const p = PROGRAM_NAMES[facts.sniffed];
    return {
      vi: `Đây là tệp chương trình (${p.vi}), không được nhận làm minh chứng. Hãy tải lên văn bản (PDF, Word, Excel) hoặc ảnh.`,
      en: `This is a program file (${p.en}), which is not accepted as evidence. Upload a document (PDF, Word, Excel) or an image.`,
    };
  }
  if (facts.sizeBytes !== declared.declaredSizeBytes)
    return {
      vi: `Kích thước tệp (${facts.sizeBytes} byte) khác với kích thước đã khai báo (${declared.declaredSizeBytes} byte).`,
      en: `The file size (${facts.sizeBytes} bytes) differs from the declared size (${declared.declaredSizeBytes} bytes).`,
    };
  if (declared.declaredSha256 && declared.declaredSha256 !== facts.sha256)
    return {
      vi: 'Tệp bị hỏng hoặc không trọn vẹn khi tải lên (mã băm SHA-256 không khớp với mã đã khai báo). Hãy tải lên lại.',
      en: 'The file was corrupted or incomplete when uploaded (its SHA-256 does not match the declared one). Upload it again.',
    };
  if (facts.sizeBytes > limits.maxFileBytes)
    return {
      vi: `Tệp ${mb(facts.sizeBytes)} MB vượt giới hạn ${mb(limits.maxFileBytes)} MB của kỳ đánh giá.`,
      en: `The file (${mb(facts.sizeBytes)} MB) exceeds this cycle's ${mb(limits.maxFileBytes)} MB limit.`,
    };
  if (!limits.allowedKinds.includes(declared.kind))
    return {
      vi: `Kỳ đánh giá không còn nhận tệp ${declared.kind.toUpperCase()}.`,
      en: `This cycle no longer accepts ${declared.kind.toUpperCase()} files.`,
    };
  // The kind was checked against the extension at request time; names stored before that rule, and copies
  // carried forward, are checked here too.
  const ext = extensionOf(declared.fileName);
  const byName = kindOfExtension(declared.fileName);
  if (!byName || !bytesMatch(facts.sniffed, byName) || !bytesMatch(facts.sniffed, declared.kind)) {
    const seen = sniffedName(facts.sniffed);
    return {
      vi: `Nội dung không khớp phần mở rộng: tệp tên "${ext ? `.${ext}` : '(không có phần mở rộng)'}" nhưng nội dung là ${seen.vi}.`,
      en: `The content does not match the file extension: the name ends in "${ext ? `.${ext}` : '(no extension)'}" but the content is ${seen.en}.`,
    };
  }
  return undefined;
}

/**
 * The revision's next state once its bytes are known: quarantined for a failed check or a bad verdict,
 * available on a clean verdict, `scanning` while an out-of-band scanner has not answered yet. Malware found
 * is what the user must hear, so it wins over any other reason (an EICAR file named .pdf is malware, not
 * "not a PDF"); a failed check says more than "could not be scanned".
 */
export function settleRevision(
  check: Message | undefined,
  verdict: ScanVerdict | undefined,
): { state: FileState; reason?: Message } {
  if (verdict?.status === 'infected') return { state: 'quarantined', reason: malwareReason(verdict) };
  if (check) return { state: 'quarantined', reason: check };
  if (!verdict) return { state: 'scanning' };
  const reason = malwareReason(verdict);
  return reason ? { state: 'quarantined', reason } : { state: 'available' };
}
