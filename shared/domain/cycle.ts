import * as z from 'zod';
import { bilingual, id, isoDate, TIME_ZONE } from './common.ts';
import { FILE_KINDS } from './file-types.ts';

export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

export const uploadLimitsSchema = z.object({
  maxFileBytes: z
    .number()
    .int()
    .min(1)
    .max(5 * 1024 * 1024 * 1024),
  allowedKinds: z.array(z.enum(FILE_KINDS)).min(1),
});
export type UploadLimits = z.infer<typeof uploadLimitsSchema>;

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxFileBytes: DEFAULT_MAX_FILE_BYTES,
  allowedKinds: [...FILE_KINDS],
};

export const cycleDatesSchema = z
  .object({
    evidenceDue: isoDate,
    selfAssessmentDue: isoDate,
    appraisalStart: isoDate,
    appraisalEnd: isoDate,
    publication: isoDate,
  })
  .refine((d) => d.evidenceDue <= d.selfAssessmentDue, {
    path: ['selfAssessmentDue'],
    message: 'selfAssessmentDue must not be before evidenceDue',
  })
  .refine((d) => d.appraisalStart <= d.appraisalEnd, {
    path: ['appraisalEnd'],
    message: 'appraisalEnd must not be before appraisalStart',
  });

/** What the admin sends to open a cycle. */
export const newCycleSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  name: bilingual,
  frameworkId: id,
  frameworkVersion: z.number().int().min(1),
  entityIds: z.array(id).min(1),
  dates: cycleDatesSchema,
  /** Which evidence counts toward a filled slot (BRIEF §4). */
  evidencePolicy: z.enum(['available', 'accepted']).default('available'),
  uploadLimits: uploadLimitsSchema.default(DEFAULT_UPLOAD_LIMITS),
});
export type NewCycle = z.infer<typeof newCycleSchema>;

export const cycleSchema = newCycleSchema.extend({
  cycleId: id,
  timeZone: z.literal(TIME_ZONE),
  status: z.enum(['open', 'closed']),
  version: z.number().int().min(1),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
});
export type Cycle = z.infer<typeof cycleSchema>;
