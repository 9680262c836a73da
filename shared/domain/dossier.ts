/**
 * The dossier a Sở sends on (docs/dossier.md): export jobs and what they produce. Pure: the job's key, its
 * states and progress, its expiry, and the file names inside the evidence package. The tables themselves are
 * built in score-table.ts from one readiness result, so every figure is the readiness module's.
 */
import * as z from 'zod/mini';
import { droppable, id } from './common.ts';
import type { Message } from './errors.ts';
import { isoDateTime } from './zod-lean.ts';

/** What an entity export may contain; the evidence package holds the score table and the report too. */
export const ENTITY_PARTS = ['score-table', 'report', 'package'] as const;
/** What a cycle export may contain: the council's table of every entity in the caller's scope. */
export const CYCLE_PARTS = ['council-table'] as const;
export const EXPORT_PARTS = [...ENTITY_PARTS, ...CYCLE_PARTS] as const;
export type ExportPart = (typeof EXPORT_PARTS)[number];

export const entityExportBodySchema = /* @__PURE__ */ droppable(() =>
  z.object({
    parts: z.array(z.enum(ENTITY_PARTS)).check(z.minLength(1), z.maxLength(ENTITY_PARTS.length)),
    /** A unit's own part: only the criteria the unit is responsible for. Absent: the whole entity. */
    unitId: z.optional(id),
  }),
);
export type EntityExportBody = z.infer<typeof entityExportBodySchema>;

export const cycleExportBodySchema = /* @__PURE__ */ droppable(() =>
  z.object({
    parts: z.array(z.enum(CYCLE_PARTS)).check(z.minLength(1), z.maxLength(CYCLE_PARTS.length)),
  }),
);
export type CycleExportBody = z.infer<typeof cycleExportBodySchema>;

export const EXPORT_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type ExportState = (typeof EXPORT_STATES)[number];

/** How long a finished package stays downloadable; the bucket's lifecycle removes it a day later. */
export const EXPORT_TTL_DAYS = 7;
/** A job that has not finished this long after it was queued is taken as lost and may be requested again. */
export const EXPORT_STALE_MINUTES = 20;

export const exportFileSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    part: z.enum(EXPORT_PARTS),
    /** The name the browser saves it under (NFC, Windows-safe). */
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().check(z.int(), z.gte(0)),
    sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
    /** Object key under `exports/` (server-generated ids only). */
    key: z.string(),
  }),
);
export type ExportFile = z.infer<typeof exportFileSchema>;

const bilingual = /* @__PURE__ */ droppable(() => z.object({ vi: z.string(), en: z.string() }));

export const exportJobSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    jobId: id,
    /** SHA-256 of scope, parts, policy, reading day and the versions of everything read (`exportKey`). */
    key: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
    scope: z.enum(['entity', 'cycle']),
    cycleId: id,
    entityId: z.optional(id),
    unitId: z.optional(id),
    parts: z.array(z.enum(EXPORT_PARTS)),
    evidencePolicy: z.enum(['available', 'accepted']),
    state: z.enum(EXPORT_STATES),
    progress: z.object({ percent: z.number().check(z.gte(0), z.lte(100)), step: bilingual }),
    requestedBy: z.object({
      userId: z.string(),
      role: z.enum(['admin', 'reviewer', 'leader', 'member']),
      entityId: z.optional(z.string()),
      unitId: z.optional(z.string()),
      /** The requester's reach when they asked: the worker reads exactly what they were allowed to. */
      scope: z.optional(
        z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('all') }),
          z.object({ kind: z.literal('province'), province: z.string() }),
          z.object({ kind: z.literal('entities'), entityIds: z.array(z.string()) }),
        ]),
      ),
    }),
    requestedAt: isoDateTime(),
    startedAt: z.optional(isoDateTime()),
    /** The moment the data was read: every figure in the files is the readiness API's at this moment. */
    readAt: z.optional(isoDateTime()),
    finishedAt: z.optional(isoDateTime()),
    expiresAt: isoDateTime(),
    formulaVersion: z.optional(z.string()),
    files: z.array(exportFileSchema),
    error: z.optional(bilingual),
    attempts: z.number().check(z.int(), z.gte(0)),
    /** Key of the evidence package's latest checkpoint while it is built across runs. */
    packageCheckpoint: z.optional(z.string()),
    /** The worker's last write (progress): a job silent for EXPORT_STALE_MINUTES is taken as lost. */
    updatedAt: z.optional(isoDateTime()),
  }),
);
export type ExportJob = z.infer<typeof exportJobSchema>;

export const STEPS = {
  queued: { vi: 'Đang chờ xử lý', en: 'Waiting to start' },
  reading: { vi: 'Đang đọc số liệu', en: 'Reading the data' },
  scoreTable: { vi: 'Đang lập bảng điểm', en: 'Building the score table' },
  report: { vi: 'Đang soạn báo cáo', en: 'Writing the report' },
  package: { vi: 'Đang đóng gói tài liệu kiểm chứng', en: 'Packing the evidence files' },
  councilTable: { vi: 'Đang lập bảng tổng hợp các đơn vị', en: 'Building the council table' },
  saving: { vi: 'Đang lưu tệp', en: 'Saving the files' },
  done: { vi: 'Đã xong', en: 'Done' },
  failed: { vi: 'Không lập được hồ sơ', en: 'The export failed' },
} as const satisfies Record<string, Message>;

/** The parts a request builds: the evidence package always carries the score table and the report. */
export const withImpliedParts = (parts: readonly ExportPart[]): ExportPart[] =>
  [
    ...new Set(parts.includes('package') ? [...parts, 'score-table', 'report'] : parts),
  ].sort() as ExportPart[];

/**
 * What makes two requests "the same": the scope, the parts, the evidence policy, the day of the reading (at-risk
 * points depend on it) and the version of every record read. The caller hashes it (SHA-256) into the job key.
 */
export function exportKeyMaterial(input: {
  scope: 'entity' | 'cycle';
  cycleId: string;
  entityId?: string;
  unitId?: string;
  parts: readonly string[];
  evidencePolicy: string;
  today: string;
  formulaVersion: string;
  /** `kind:id:version` of every score, evidence, survey import, task, reopening, cycle and framework read. */
  versions: readonly string[];
}): string {
  return JSON.stringify({
    scope: input.scope,
    cycleId: input.cycleId,
    entityId: input.entityId ?? null,
    unitId: input.unitId ?? null,
    parts: [...new Set(input.parts)].sort(),
    evidencePolicy: input.evidencePolicy,
    today: input.today,
    formulaVersion: input.formulaVersion,
    versions: [...input.versions].sort(),
  });
}

/** A job answers a new request with the same key while it is not failed, not expired and not lost. */
export function isReusable(
  job: Pick<ExportJob, 'state' | 'expiresAt' | 'requestedAt' | 'updatedAt'>,
  now: Date,
): boolean {
  if (job.state === 'failed') return false;
  if (Date.parse(job.expiresAt) <= now.getTime()) return false;
  // A package built over many runs stays alive while it writes progress; a silent one is lost.
  const lastSign = Date.parse(job.updatedAt ?? job.requestedAt);
  if (job.state !== 'done' && now.getTime() - lastSign > EXPORT_STALE_MINUTES * 60_000) return false;
  return true;
}

export const addDaysIso = (at: Date, days: number) =>
  new Date(at.getTime() + days * 86_400_000).toISOString();

// ——— Names inside the package (Windows-safe, NFC) ———

const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f]/g;

/** One path segment a Windows Explorer can create: no reserved names, no forbidden characters, no trailing dot/space. */
export function safeSegment(raw: string, maxLength = 80): string {
  let s = raw.normalize('NFC').replace(FORBIDDEN, '-').replace(/\s+/g, ' ').trim();
  if (s.length > maxLength) s = s.slice(0, maxLength).trim();
  s = s.replace(/[. ]+$/, '');
  if (!s) s = '_';
  if (RESERVED.test(s)) s = `_${s}`;
  return s;
}

/** `<area code> <area title>/<criterion code> <criterion title>/` inside the evidence package. */
export function criterionFolder(
  area: { code: string; title: string } | undefined,
  criterion: { code: string; title: string },
): string {
  const c = safeSegment(`${criterion.code} ${criterion.title}`, 60);
  return area && area.code !== criterion.code
    ? `${safeSegment(`${area.code} ${area.title}`, 60)}/${c}/`
    : `${c}/`;
}

/** A file's name from the document's number and title, keeping the uploaded file's extension. */
export function evidenceFileName(
  doc: { documentNumber?: string; title: string },
  fileName: string,
  index = 0,
): string {
  const dot = fileName.lastIndexOf('.');
  const ext =
    dot > 0
      ? fileName
          .slice(dot)
          .toLowerCase()
          .replace(/[^.a-z0-9]/g, '')
      : '';
  const base = [doc.documentNumber, doc.title].filter(Boolean).join(' ');
  const suffix = index > 0 ? ` (${index + 1})` : '';
  return `${safeSegment(base, 90 - suffix.length - ext.length)}${suffix}${ext}`;
}

const PART_FILES: Record<ExportPart, { label: string; extension: string }> = {
  'score-table': { label: 'Bảng điểm tự đánh giá', extension: 'xlsx' },
  report: { label: 'Báo cáo kết quả tự đánh giá', extension: 'docx' },
  package: { label: 'Bộ hồ sơ tài liệu kiểm chứng', extension: 'zip' },
  'council-table': { label: 'Bảng tổng hợp kết quả các đơn vị', extension: 'xlsx' },
};
export const partExtension = (part: ExportPart) => PART_FILES[part].extension;

/** The saved name of an export file, e.g. `Bảng điểm tự đánh giá <entity> <cycle>.xlsx` (NFC, Windows-safe). */
export function exportFileName(
  part: ExportPart,
  scope: { cycleId: string; entityId?: string; unitId?: string },
) {
  const who = [scope.entityId, scope.unitId].filter(Boolean).join(' ');
  const { label, extension } = PART_FILES[part];
  return `${safeSegment([label, who, scope.cycleId].filter(Boolean).join(' '), 150)}.${extension}`;
}
