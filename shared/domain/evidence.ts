import * as z from 'zod';
import { bilingual, criterionCode, id, text } from './common.ts';
import type { UploadLimits } from './cycle.ts';
import type { FieldIssue } from './errors.ts';
import { FILE_KINDS, kindOfMime, MIME_BY_KIND } from './file-types.ts';
import { cleanFileName } from './text.ts';

export const EVIDENCE_STATES = [
  'pending_upload',
  'available',
  'quarantined',
  'accepted',
  'rejected',
] as const;
export type EvidenceState = (typeof EVIDENCE_STATES)[number];

/** States that count toward a filled slot, per the cycle's evidence policy (BRIEF §4). */
export function countsAsFilled(state: EvidenceState, policy: 'available' | 'accepted'): boolean {
  return policy === 'accepted' ? state === 'accepted' : state === 'available' || state === 'accepted';
}

export const uploadRequestSchema = z.object({
  fileName: text(1000).transform(cleanFileName),
  contentType: z.string().min(1).max(200),
  sizeBytes: z.number().int().min(1, 'empty files are not evidence'),
  title: text(500).optional(),
  /** Document type (kế hoạch, báo cáo, …): decides which evidence slot the file fills. */
  documentType: z.string().min(1).max(50).optional(),
});
export type UploadRequest = z.infer<typeof uploadRequestSchema>;

export const evidenceSchema = z.object({
  evidenceId: id,
  cycleId: id,
  entityId: id,
  unitId: id.optional(),
  criterionCodes: z.array(criterionCode).min(1),
  title: z.string(),
  documentType: z.string().optional(),
  fileName: z.string(),
  declaredContentType: z.string(),
  declaredSizeBytes: z.number().int(),
  kind: z.enum(FILE_KINDS),
  objectKey: z.string(),
  state: z.enum(EVIDENCE_STATES),
  quarantineReason: bilingual.optional(),
  sizeBytes: z.number().int().optional(),
  sha256: z.string().optional(),
  sniffedType: z.string().optional(),
  uploadedBy: z.string(),
  createdAt: z.iso.datetime(),
  finalizedAt: z.iso.datetime().optional(),
  version: z.number().int().min(1),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/** Checks an upload request against the cycle's limits; returns the file kind or the field problems. */
export function checkUploadAgainstLimits(
  req: Pick<UploadRequest, 'contentType' | 'sizeBytes' | 'fileName'>,
  limits: UploadLimits,
): { kind: (typeof FILE_KINDS)[number] } | { issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const kind = kindOfMime(req.contentType);
  if (!kind || !limits.allowedKinds.includes(kind)) {
    const allowed = limits.allowedKinds.join(', ');
    issues.push({
      field: 'body.contentType',
      message: {
        vi: `Loại tệp "${req.contentType}" không được chấp nhận. Chỉ nhận: ${allowed}.`,
        en: `File type "${req.contentType}" is not accepted. Allowed: ${allowed}.`,
      },
    });
  }
  if (req.sizeBytes > limits.maxFileBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
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

/** Normalised MIME we sign into the presigned URL: the canonical one for the kind. */
export const canonicalMime = (kind: (typeof FILE_KINDS)[number]): string => MIME_BY_KIND[kind][0]!;
