/**
 * What the web shows of an evidence and of an upload ticket, read defensively: the evidence model is growing
 * (files with revisions, multipart uploads) and the list must keep rendering while it does. Each reader
 * takes the current API shape first and falls back to the earlier flat one.
 */
import type { Bilingual } from '../i18n/i18n.tsx';
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
