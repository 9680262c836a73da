/**
 * What the web shows of an evidence and of an upload ticket, read defensively: the evidence model is growing
 * (files with revisions, multipart uploads) and the list must keep rendering while it does. Each reader
 * takes the current API shape first and falls back to the earlier flat one.
 */
import type { Bilingual } from '../i18n/lang.ts';
import type { Evidence } from './types.ts';

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

export interface EvidenceVerdict {
  decision: 'accepted' | 'rejected';
  reason?: string;
  by: { userId: string; role: string; name?: string };
  at: string;
}

function verdictOf(v: unknown): EvidenceVerdict | undefined {
  const r = v as Loose | undefined;
  if (!r || (r.decision !== 'accepted' && r.decision !== 'rejected')) return undefined;
  const by = (r.by as Loose | undefined) ?? {};
  return {
    decision: r.decision,
    reason: str(r.reason),
    by: { userId: str(by.userId) ?? '', role: str(by.role) ?? '', name: str(by.name) },
    at: str(r.at) ?? '',
  };
}

type Loose = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
const bilingual = (v: unknown): Bilingual | undefined => {
  const b = v as Bilingual | undefined;
  return typeof b?.vi === 'string' && typeof b.en === 'string' ? b : undefined;
};

export function evidenceView(e: Evidence): EvidenceView {
  const o = e as unknown as Loose;
  const files = Array.isArray(o.files) ? (o.files as Loose[]) : [];
  const first = files[0];
  const rev = (first?.current ?? first?.latest) as Loose | undefined;
  const fileName = str(rev?.fileName) ?? str(o.fileName) ?? '';
  return {
    evidenceId: String(o.evidenceId),
    title: str(o.title) ?? fileName,
    fileName,
    kind: str(rev?.kind) ?? str(o.kind) ?? '',
    sizeBytes:
      num(rev?.sizeBytes) ??
      num((rev as Loose | undefined)?.declaredSizeBytes) ??
      num(o.sizeBytes) ??
      num(o.declaredSizeBytes) ??
      0,
    state: str(o.state) ?? 'pending_upload',
    quarantineReason: bilingual(o.quarantineReason) ?? bilingual(rev?.quarantineReason),
    documentType: str(o.documentType),
    documentNumber: str(o.documentNumber),
    createdAt: str(o.createdAt) ?? '',
    fileCount: Math.max(files.length, 1),
    version: num(o.version) ?? 1,
    review: verdictOf(o.review),
    hasAvailableFile: files.length
      ? files.some((f) => f.current !== undefined && f.current !== null)
      : ['available', 'accepted', 'rejected'].includes(str(o.state) ?? ''),
  };
}

/** States in which the server is still receiving or checking the bytes. */
export const IN_PROGRESS_STATES = ['pending_upload', 'scanning'];

export interface SinglePut {
  method: 'PUT';
  url: string;
  headers: Record<string, string>;
  expiresAt: string;
}

/** The presigned single PUT of an upload ticket, or undefined when the server planned something else. */
export function singlePutOf(upload: unknown): SinglePut | undefined {
  const u = upload as Loose | undefined;
  if (!u || (u.mode !== undefined && u.mode !== 'single')) return undefined;
  if (u.method !== 'PUT' || typeof u.url !== 'string') return undefined;
  return {
    method: 'PUT',
    url: u.url,
    headers: (u.headers as Record<string, string> | undefined) ?? {},
    expiresAt: str(u.expiresAt) ?? new Date(Date.now() + 5 * 60_000).toISOString(),
  };
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
export function multipartOf(upload: unknown): Omit<MultipartPlan, 'fileId' | 'revision'> | undefined {
  const u = upload as Loose | undefined;
  if (u?.mode !== 'multipart' || !Array.isArray(u.parts)) return undefined;
  const expiresAt = str(u.expiresAt) ?? new Date(Date.now() + 5 * 60_000).toISOString();
  return {
    partBytes: num(u.partBytes) ?? 0,
    partCount: num(u.partCount) ?? u.parts.length,
    expiresAt,
    parts: (u.parts as Loose[]).map((p) => ({
      partNumber: num(p.partNumber) ?? 0,
      sizeBytes: num(p.sizeBytes) ?? 0,
      method: 'PUT' as const,
      url: String(p.url),
      headers: (p.headers as Record<string, string> | undefined) ?? {},
      expiresAt,
    })),
  };
}

/** Which file and revision an upload ticket is for (the routes that resume and complete need them). */
export function ticketFileOf(ticket: { evidence: unknown; revision?: unknown }): {
  fileId?: string;
  revision: number;
} {
  const rev = ticket.revision as Loose | undefined;
  const files = (ticket.evidence as Loose).files as Loose[] | undefined;
  return { fileId: str(rev?.fileId) ?? str(files?.[0]?.fileId), revision: num(rev?.revision) ?? 1 };
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
export function filesOf(e: Evidence): FileView[] {
  const o = e as unknown as Loose;
  const files = Array.isArray(o.files) ? (o.files as Loose[]) : [];
  return files.map((f) => {
    const current = f.current as Loose | undefined;
    const latest = (f.latest as Loose | undefined) ?? current ?? {};
    const shown = current ?? latest;
    return {
      fileId: String(f.fileId),
      fileName: str(shown.fileName) ?? '',
      kind: str(shown.kind) ?? '',
      sizeBytes: num(shown.sizeBytes) ?? 0,
      revision: num(current?.revision),
      latestState: str(latest.state) ?? 'pending_upload',
      latestRevision: num(latest.revision) ?? 1,
      quarantineReason: bilingual(latest.quarantineReason),
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
