/**
 * Evidence (tài liệu kiểm chứng, docs/evidence.md): document metadata, one or more files, each file a chain of
 * revisions, and links to the criteria it proves. Pure rules only; the use cases in
 * shared/usecases/evidence*.ts orchestrate them.
 *
 * States. A *revision* (one uploaded object) goes pending_upload → scanning? → available | quarantined, once;
 * a pending upload whose bytes never came ends `upload_expired` (docs/evidence.md, "Recovery").
 * A file's `current` revision is its newest available one: a replacement that is still uploading, or turns
 * out to be quarantined, never hides the good revision before it. The *evidence* state is derived from its
 * files (see `deriveEvidenceState`); `accepted` / `rejected` are set by reviewers.
 */
import * as z from 'zod';
import { bilingual, checkMessage, criterionCode, id, isoDate, name, text } from './common.ts';
import type { UploadLimits } from './cycle.ts';
import type { FieldIssue, Message } from './errors.ts';
import {
  extensionOf,
  extensionsOf,
  FILE_KINDS,
  type FileKind,
  isProgram,
  kindOfExtension,
  kindOfMime,
  MIME_BY_KIND,
  type ProgramType,
  type SniffedType,
} from './file-types.ts';
import { malwareReason, SCAN_STATUSES, type ScanVerdict } from './malware.ts';
import { cleanFileName, foldForSearch } from './text.ts';

export const EVIDENCE_STATES = [
  'pending_upload',
  'scanning',
  'available',
  'quarantined',
  'accepted',
  'rejected',
  'upload_expired',
] as const;
export type EvidenceState = (typeof EVIDENCE_STATES)[number];

export const FILE_STATES = [
  'pending_upload',
  'scanning',
  'available',
  'quarantined',
  'upload_expired',
] as const;
export type FileState = (typeof FILE_STATES)[number];

/** States that count toward a filled slot, per the cycle's evidence policy (docs/readiness.md, rule 2). */
export function countsAsFilled(state: EvidenceState, policy: 'available' | 'accepted'): boolean {
  return policy === 'accepted' ? state === 'accepted' : state === 'available' || state === 'accepted';
}

/** An evidence proves at most this many criteria (one transaction writes all its links). */
export const MAX_LINKS = 50;
/** Files of one evidence (a plan and its annexes), not counting revisions. */
export const MAX_FILES = 20;

/**
 * Document types as slugs: framework evidence slots name the type they need (`ke-hoach`), so the type is
 * data, not an enum. The common ones, with labels for the UI:
 */
export const DOCUMENT_TYPES: Record<string, Message> = {
  'ke-hoach': { vi: 'Kế hoạch', en: 'Plan' },
  'bao-cao': { vi: 'Báo cáo', en: 'Report' },
  'quyet-dinh': { vi: 'Quyết định', en: 'Decision' },
  'thong-bao': { vi: 'Thông báo', en: 'Notice' },
  'cong-van': { vi: 'Công văn', en: 'Official letter' },
  'chi-thi': { vi: 'Chỉ thị', en: 'Directive' },
  'nghi-quyet': { vi: 'Nghị quyết', en: 'Resolution' },
  'huong-dan': { vi: 'Hướng dẫn', en: 'Guidance' },
  'bien-ban': { vi: 'Biên bản', en: 'Minutes' },
  'to-trinh': { vi: 'Tờ trình', en: 'Submission' },
  khac: { vi: 'Khác', en: 'Other' },
};
export const documentType = z
  .string()
  .max(50)
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    checkMessage({
      vi: 'loại văn bản viết thường, không dấu, nối bằng "-", ví dụ ke-hoach',
      en: 'document type slug, e.g. ke-hoach',
    }),
  );

export const effectivePeriodSchema = z
  .object({ from: isoDate, to: isoDate.optional() })
  .refine((p) => !p.to || p.to >= p.from, {
    path: ['to'],
    message: 'to must not be before from',
    params: { vi: 'ngày hết hiệu lực không được trước ngày bắt đầu' },
  });

/** What the uploader says about the document (số/ký hiệu, loại, ngày ban hành, hiệu lực, cơ quan ban hành). */
export const evidenceMetadataSchema = z.object({
  title: name(500),
  /** Số/ký hiệu, e.g. `1803/KH-SKHCCN`. */
  documentNumber: name(100).optional(),
  /** Decides which evidence slot of the criterion the document fills. */
  documentType: documentType.optional(),
  issueDate: isoDate.optional(),
  effectivePeriod: effectivePeriodSchema.optional(),
  issuer: name(300).optional(),
  note: text(2000).optional(),
});
export type EvidenceMetadata = z.infer<typeof evidenceMetadataSchema>;
export const OPTIONAL_METADATA = [
  'documentNumber',
  'documentType',
  'issueDate',
  'effectivePeriod',
  'issuer',
  'note',
] as const;

const sha256Hex = z.string().regex(
  /^[0-9a-f]{64}$/,
  checkMessage({
    vi: 'SHA-256 gồm 64 chữ số thập lục phân viết thường',
    en: 'SHA-256 as 64 lowercase hex digits',
  }),
);

/** One file the client is about to upload. */
export const fileDeclarationSchema = z.object({
  /**
   * Shown to people and served back on download; never part of a key. `cleanFileName` (no invisible
   * characters, NFC); its extension must be on the allow-list and agree with `contentType`.
   */
  fileName: name(200, cleanFileName),
  contentType: z.string().min(1).max(200),
  sizeBytes: z
    .number()
    .int()
    .min(
      1,
      checkMessage({
        vi: 'Tệp rỗng (0 byte) không phải là minh chứng.',
        en: 'An empty file (0 bytes) is not evidence.',
      }),
    ),
  /**
   * Optional SHA-256 computed by the browser: lets the API spot a duplicate before any byte is sent, and
   * finalize quarantines bytes whose SHA-256 differs (corrupted or incomplete upload).
   */
  sha256: sha256Hex.optional(),
  /** `refuse` (default): a declared SHA-256 already in this entity's cycle is a 409 naming that evidence. */
  onDuplicate: z.enum(['refuse', 'upload']).default('refuse'),
});
export type FileDeclaration = z.infer<typeof fileDeclarationSchema>;

/** New evidence for a criterion: its first file plus metadata (title defaults to the file name). */
export const uploadRequestSchema = fileDeclarationSchema.extend({
  ...evidenceMetadataSchema.partial().shape,
});
export type UploadRequest = z.infer<typeof uploadRequestSchema>;

/** Another file for an existing evidence, or (`replacesFileId`) a new revision of one of its files. */
export const addFileRequestSchema = fileDeclarationSchema.extend({ replacesFileId: id.optional() });
export type AddFileRequest = z.infer<typeof addFileRequestSchema>;

/** Metadata edit: fields to change, `null` clears an optional one; `version` is the one the client saw. */
export const editEvidenceSchema = z.object({
  version: z.number().int().min(1),
  title: name(500).optional(),
  documentNumber: name(100).nullable().optional(),
  documentType: documentType.nullable().optional(),
  issueDate: isoDate.nullable().optional(),
  effectivePeriod: effectivePeriodSchema.nullable().optional(),
  issuer: name(300).nullable().optional(),
  note: text(2000).nullable().optional(),
});
export type EditEvidence = z.infer<typeof editEvidenceSchema>;

/** A reviewer's verdict on the evidence itself (is this the document the criterion asks for?). */
export const evidenceReviewSchema = z.object({
  version: z.number().int().min(1),
  decision: z.enum(['accepted', 'rejected']),
  /** Required when rejecting: the unit must know what to fix. */
  reason: text(1000).optional(),
});
export type EvidenceReviewInput = z.infer<typeof evidenceReviewSchema>;

const evidenceReviewRecord = z.object({
  decision: z.enum(['accepted', 'rejected']),
  reason: z.string().optional(),
  by: z.object({ userId: z.string(), role: z.string(), name: z.string().optional() }),
  at: z.iso.datetime(),
});
export type EvidenceReview = z.infer<typeof evidenceReviewRecord>;

export const scanVerdictSchema = z.object({
  engine: z.string(),
  status: z.enum(SCAN_STATUSES),
  detail: z.string().optional(),
  at: z.iso.datetime(),
});

const uploadModeSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('single') }),
  z.object({
    mode: z.literal('multipart'),
    uploadId: z.string(),
    partBytes: z.number().int(),
    partCount: z.number().int(),
  }),
  /** Server-side copy (carry-forward): no client upload at all. */
  z.object({ mode: z.literal('copy'), sourceKey: z.string() }),
]);

/** One uploaded object: a revision of one file of one evidence. Stored as its own item. */
export const evidenceRevisionSchema = z.object({
  cycleId: id,
  entityId: id,
  evidenceId: id,
  fileId: id,
  revision: z.number().int().min(1),
  fileName: z.string(),
  kind: z.enum(FILE_KINDS),
  declaredContentType: z.string(),
  declaredSizeBytes: z.number().int(),
  declaredSha256: z.string().optional(),
  objectKey: z.string(),
  upload: uploadModeSchema,
  state: z.enum(FILE_STATES),
  /** Why the revision is not available: a failed check, a malware verdict, or an upload that never finished. */
  quarantineReason: bilingual.optional(),
  sizeBytes: z.number().int().optional(),
  sha256: z.string().optional(),
  sniffedType: z.string().optional(),
  /** A verdict that arrived before finalize ran (GuardDuty can be faster than the S3 notification). */
  scan: scanVerdictSchema.optional(),
  uploadedBy: z.string(),
  createdAt: z.iso.datetime(),
  finalizedAt: z.iso.datetime().optional(),
  version: z.number().int().min(1),
});
export type EvidenceRevision = z.infer<typeof evidenceRevisionSchema>;

export const revisionSummarySchema = evidenceRevisionSchema.pick({
  revision: true,
  fileName: true,
  kind: true,
  state: true,
  quarantineReason: true,
  sizeBytes: true,
  sha256: true,
  uploadedBy: true,
  createdAt: true,
});
export type RevisionSummary = z.infer<typeof revisionSummarySchema>;

export const evidenceFileSchema = z.object({
  fileId: id,
  /** The newest revision issued (possibly still uploading or quarantined). */
  latest: revisionSummarySchema,
  /** The newest available revision: what readers see and download. */
  current: revisionSummarySchema.optional(),
});
export type EvidenceFile = z.infer<typeof evidenceFileSchema>;

export const evidenceSchema = evidenceMetadataSchema.extend({
  evidenceId: id,
  cycleId: id,
  entityId: id,
  /** The uploader's unit: members edit and delete only their unit's evidence. */
  unitId: id.optional(),
  /** Confirmed links: these count toward readiness. */
  criterionCodes: z.array(criterionCode),
  /** Links carried forward from last year's cycle, awaiting a member's confirmation; they do not count. */
  unconfirmedCodes: z.array(criterionCode),
  state: z.enum(EVIDENCE_STATES),
  /** With `quarantined` or `upload_expired`: why nothing can be shown (bilingual). */
  quarantineReason: bilingual.optional(),
  files: z.array(evidenceFileSchema),
  /** Set by finalize when a file's SHA-256 already exists in another evidence of this entity's cycle. */
  duplicateOf: z.object({ evidenceId: id, title: z.string() }).optional(),
  carriedFrom: z.object({ cycleId: id, evidenceId: id }).optional(),
  uploadedBy: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  deletedAt: z.iso.datetime().optional(),
  deletedBy: z.string().optional(),
  /** The reviewer's verdict while it stands (a newly available revision clears it, see `applyRevision`). */
  review: evidenceReviewRecord.optional(),
  version: z.number().int().min(1),
});
export type Evidence = z.infer<typeof evidenceSchema>;

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

// ——— Evidence state from its files ———

export function summarize(r: EvidenceRevision): RevisionSummary {
  return {
    revision: r.revision,
    fileName: r.fileName,
    kind: r.kind,
    state: r.state,
    quarantineReason: r.quarantineReason,
    sizeBytes: r.sizeBytes,
    sha256: r.sha256,
    uploadedBy: r.uploadedBy,
    createdAt: r.createdAt,
  };
}

/**
 * Folds a revision (new, or just finalized) into its file's summary. Order-independent: `latest` is the
 * highest revision number, `current` the highest available one, whatever order the events arrive in.
 */
export function withRevision(files: readonly EvidenceFile[], r: EvidenceRevision): EvidenceFile[] {
  const s = summarize(r);
  const i = files.findIndex((f) => f.fileId === r.fileId);
  if (i === -1)
    return [...files, { fileId: r.fileId, latest: s, current: r.state === 'available' ? s : undefined }];
  const f = files[i]!;
  const next: EvidenceFile = {
    fileId: f.fileId,
    latest: s.revision >= f.latest.revision ? s : f.latest,
    current: r.state === 'available' && (!f.current || s.revision >= f.current.revision) ? s : f.current,
  };
  return files.map((x, j) => (j === i ? next : x));
}

/**
 * Evidence state: available when any file has an available revision; otherwise still uploading, still being
 * scanned, quarantined, or (every file's newest upload abandoned) `upload_expired`. A reviewer's
 * accepted/rejected stands while the files they saw are the ones shown; a newly available revision sends the
 * evidence back to `available` for another look.
 */
export function deriveEvidenceState(
  files: readonly EvidenceFile[],
  previous?: Pick<Evidence, 'state' | 'files'>,
): { state: EvidenceState; quarantineReason?: Message } {
  const currentOf = (fs: readonly EvidenceFile[]) =>
    fs
      .filter((f) => f.current)
      .map((f) => `${f.fileId}:${f.current!.revision}`)
      .join(',');
  if (files.some((f) => f.current)) {
    const reviewed = previous && (previous.state === 'accepted' || previous.state === 'rejected');
    if (reviewed && currentOf(previous.files) === currentOf(files)) return { state: previous.state };
    return { state: 'available' };
  }
  if (files.some((f) => f.latest.state === 'pending_upload')) return { state: 'pending_upload' };
  if (files.some((f) => f.latest.state === 'scanning')) return { state: 'scanning' };
  const q = files.find((f) => f.latest.state === 'quarantined');
  if (q || !files.some((f) => f.latest.state === 'upload_expired'))
    return { state: 'quarantined', quarantineReason: q?.latest.quarantineReason };
  // Every file's newest upload was abandoned: nothing to show; the reason says to upload again.
  const x = files.find((f) => f.latest.state === 'upload_expired');
  return { state: 'upload_expired', quarantineReason: x?.latest.quarantineReason };
}

/** The evidence with one revision folded in and its state re-derived. */
export function applyRevision(ev: Evidence, r: EvidenceRevision, now: string): Evidence {
  const files = withRevision(ev.files, r);
  const { state, quarantineReason } = deriveEvidenceState(files, ev);
  const { review, ...rest } = ev;
  const stands = review && (state === 'accepted' || state === 'rejected');
  return {
    ...rest,
    ...(stands ? { review } : {}),
    files,
    state,
    quarantineReason,
    updatedAt: now,
    version: ev.version + 1,
  };
}

/**
 * A reviewer accepts or rejects the evidence as it is now. Only evidence with an available file can be judged
 * (nothing to look at otherwise); a rejection needs a reason. Returns the field problems instead of throwing.
 */
export function reviewDecision(
  ev: Evidence,
  input: EvidenceReviewInput,
  by: EvidenceReview['by'],
  now: string,
): { next: Evidence } | { issues: FieldIssue[] } {
  if (!ev.files.some((f) => f.current))
    return {
      issues: [
        {
          field: 'path.evidenceId',
          message: {
            vi: 'Tài liệu chưa có tệp nào sẵn sàng để xem, chưa thẩm định được.',
            en: 'The evidence has no available file to look at yet; it cannot be reviewed.',
          },
        },
      ],
    };
  const reason = input.reason?.trim();
  if (input.decision === 'rejected' && !reason)
    return {
      issues: [
        {
          field: 'body.reason',
          message: {
            vi: 'Vui lòng ghi lý do không chấp nhận để đơn vị biết cần sửa gì.',
            en: 'Please give the reason for rejecting, so the unit knows what to fix.',
          },
        },
      ],
    };
  const review: EvidenceReview = { decision: input.decision, ...(reason ? { reason } : {}), by, at: now };
  return { next: { ...ev, state: input.decision, review, updatedAt: now, version: ev.version + 1 } };
}

/** Folded text the search matches: title, document number, issuer and file names. */
export function searchTextOf(ev: Pick<Evidence, 'title' | 'documentNumber' | 'issuer' | 'files'>): string {
  return foldForSearch(
    [ev.title, ev.documentNumber, ev.issuer, ...ev.files.map((f) => f.latest.fileName)]
      .filter(Boolean)
      .join(' '),
  );
}

/** Applies an edit to the metadata; `null` clears an optional field. Returns the fields that changed. */
export function editMetadata(ev: Evidence, edit: EditEvidence): { next: Evidence; changed: string[] } {
  const next: Evidence = { ...ev };
  const changed: string[] = [];
  if (edit.title !== undefined && edit.title !== ev.title) {
    next.title = edit.title;
    changed.push('title');
  }
  for (const k of OPTIONAL_METADATA) {
    const v = edit[k];
    if (v === undefined) continue;
    if (JSON.stringify(v ?? undefined) === JSON.stringify(ev[k])) continue;
    (next as Record<string, unknown>)[k] = v ?? undefined;
    changed.push(k);
  }
  return { next, changed };
}
