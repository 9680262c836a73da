/**
 * What the web shows of an evidence and of an upload ticket, read from the API's types: an evidence's first
 * file (newest available revision, else the newest issued) for the list's row, each file for the preview,
 * and the presigned PUTs of an upload ticket (one, or one per part).
 */
import type { Bilingual } from '../i18n/lang.ts';
import type { Evidence, PartsAnswer, UploadTicket } from './types.ts';

export interface EvidenceView {
  evidenceId: string;
  title: string;
  fileName: string;
  kind: string;
  sizeBytes: number;
  state: string;
  quarantineReason?: Bilingual;
  documentType?: string;
  documentNumber?: string;
  createdAt: string;
  fileCount: number;
  version: number;
  /** The reviewer's verdict while it stands (a newly available revision drops it). */
  review?: EvidenceVerdict;
  /** Some file has a revision a reader can open (what a reviewer can judge). */
  hasAvailableFile: boolean;
}

export type EvidenceVerdict = NonNullable<Evidence['review']>;

export function evidenceView(e: Evidence): EvidenceView {
  const first = e.files[0];
  const rev = first?.current ?? first?.latest;
  const fileName = rev?.fileName ?? '';
  return {
    evidenceId: e.evidenceId,
    title: e.title,
    fileName,
    kind: rev?.kind ?? '',
    sizeBytes: rev?.sizeBytes ?? 0,
    state: e.state,
    quarantineReason: e.quarantineReason ?? rev?.quarantineReason,
    documentType: e.documentType,
    documentNumber: e.documentNumber,
    createdAt: e.createdAt,
    fileCount: Math.max(e.files.length, 1),
    version: e.version,
    review: e.review,
    // An evidence without files yet (its first upload pending) has nothing to open unless its state says so.
    hasAvailableFile: e.files.length
      ? e.files.some((f) => f.current !== undefined)
      : ['available', 'accepted', 'rejected'].includes(e.state),
  };
}

/** States in which the server is still receiving or checking the bytes. */
export const IN_PROGRESS_STATES = ['pending_upload', 'scanning'];

type Upload = UploadTicket['upload'];
export type SinglePut = Omit<Extract<Upload, { mode: 'single' }>, 'mode'>;

/** The presigned single PUT of an upload ticket, or undefined when the server planned a multipart upload. */
export function singlePutOf(upload: Upload): SinglePut | undefined {
  if (upload.mode !== 'single') return undefined;
  const { mode: _, ...put } = upload;
  return put;
}

export interface PartPut extends SinglePut {
  partNumber: number;
  sizeBytes: number;
}

export interface MultipartPlan {
  fileId: string;
  revision: number;
  partBytes: number;
  partCount: number;
  parts: PartPut[];
  expiresAt: string;
}

/** The parts of a multipart upload ticket (or of a parts answer), or undefined for a single PUT. */
export function multipartOf(
  upload: Upload | PartsAnswer,
): Omit<MultipartPlan, 'fileId' | 'revision'> | undefined {
  if (upload.mode !== 'multipart') return undefined;
  const { partBytes, partCount, expiresAt } = upload;
  return { partBytes, partCount, expiresAt, parts: upload.parts.map((p) => ({ ...p, expiresAt })) };
}

/** Which file and revision an upload ticket is for (the routes that resume and complete need them). */
export function ticketFileOf(ticket: Pick<UploadTicket, 'revision'>): { fileId?: string; revision: number } {
  return { fileId: ticket.revision.fileId, revision: ticket.revision.revision };
}

// ——— Files, preview and who may change an evidence ———

export interface FileView {
  fileId: string;
  fileName: string;
  kind: string;
  sizeBytes: number;
  /** The revision readers see (newest available); undefined while none is available. */
  revision?: number;
  /** State of the newest revision issued (a replacement may still be uploading or be quarantined). */
  latestState: string;
  latestRevision: number;
  quarantineReason?: Bilingual;
}

/** Every file of an evidence, with the revision a reader would open. */
export function filesOf(e: Pick<Evidence, 'files'>): FileView[] {
  return e.files.map((f) => {
    const shown = f.current ?? f.latest;
    return {
      fileId: f.fileId,
      fileName: shown.fileName,
      kind: shown.kind,
      sizeBytes: shown.sizeBytes ?? 0,
      revision: f.current?.revision,
      latestState: f.latest.state,
      latestRevision: f.latest.revision,
      quarantineReason: f.latest.quarantineReason,
    };
  });
}

export type PreviewKind = 'pdf' | 'image' | 'none';

/** What the browser can show inline: PDFs in a frame, JPEG/PNG as images; the rest is downloaded. */
export function previewKindOf(kind: string): PreviewKind {
  if (kind === 'pdf') return 'pdf';
  if (kind === 'jpg' || kind === 'jpeg' || kind === 'png') return 'image';
  return 'none';
}

/** MIME type for a blob of that kind (the store serves the declared type, but a blob URL needs its own). */
export function mimeOfKind(kind: string): string {
  if (kind === 'pdf') return 'application/pdf';
  if (kind === 'png') return 'image/png';
  if (kind === 'jpg' || kind === 'jpeg') return 'image/jpeg';
  return 'application/octet-stream';
}

export interface Viewer {
  role?: string;
  entityId?: string;
  unitId?: string;
}

/**
 * Mirrors shared/domain/policy.ts for what the buttons offer (the server decides regardless): edit, delete,
 * restore and new files — admins, the entity's leaders, members for their unit's evidence; link — admins and
 * anyone of the entity except reviewers; review (accept / reject) — reviewers and admins (in their scope).
 */
export function evidenceRights(viewer: Viewer | undefined, e: { entityId?: string; unitId?: string }) {
  const role = viewer?.role;
  const sameEntity = !!viewer?.entityId && viewer.entityId === e.entityId;
  const edit =
    role === 'admin' ||
    (role === 'leader' && sameEntity) ||
    (role === 'member' && sameEntity && (!e.unitId || e.unitId === viewer?.unitId));
  const link = role === 'admin' || ((role === 'leader' || role === 'member') && sameEntity);
  const review = role === 'admin' || role === 'reviewer';
  return { edit, delete: edit, restore: edit, link, review };
}

/** `dd/MM/yyyy` (or d/M/yyyy) → `YYYY-MM-DD`; '' → null; anything else (or an impossible date) → undefined. */
export function parseDayMonthYear(input: string): string | null | undefined {
  const s = input.trim();
  if (!s) return null;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return undefined;
  return `${m[3]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
