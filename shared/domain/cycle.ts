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

/** Reminder ladder (docs/reminders.md): days before a due date, then every N working days overdue, then escalation. */
export const reminderPolicySchema = z
  .object({
    enabled: z.boolean(),
    /** Local time (Asia/Ho_Chi_Minh) of the daily run. */
    sendAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm'),
    daysBefore: z.array(z.number().int().min(0).max(60)).max(10),
    overdueEveryWorkingDays: z.number().int().min(1).max(30),
    copyUnitHeadAfterDaysOverdue: z.number().int().min(0).max(60),
    escalateToAdminAfterDaysOverdue: z.number().int().min(0).max(90),
    skipWeekends: z.boolean(),
    holidays: z.array(isoDate).max(60),
    /** Absent or true: the bundled Vietnamese public holidays (holidays-vn.ts) are skipped as well. */
    nationalHolidays: z.boolean().optional(),
    /** Weekend days worked to make up a swapped day off (làm bù): counted as working days. */
    makeUpWorkingDays: z.array(isoDate).max(20).optional(),
  })
  .refine((p) => p.copyUnitHeadAfterDaysOverdue <= p.escalateToAdminAfterDaysOverdue, {
    path: ['escalateToAdminAfterDaysOverdue'],
    message: 'escalation to the admin must not come before copying the unit head',
  });
export type ReminderPolicy = z.infer<typeof reminderPolicySchema>;

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  enabled: true,
  sendAt: '08:00',
  daysBefore: [14, 7, 3, 1, 0],
  overdueEveryWorkingDays: 2,
  copyUnitHeadAfterDaysOverdue: 3,
  escalateToAdminAfterDaysOverdue: 7,
  skipWeekends: true,
  holidays: [],
};

/** A framework a cycle follows beside its scored one (PAPI, SIPAS, PCI: tasks are assigned, not self-scored). */
export const frameworkRefSchema = z.object({ frameworkId: id, version: z.number().int().min(1) });
export type FrameworkRef = z.infer<typeof frameworkRefSchema>;

/** What the admin sends to open a cycle. */
export const newCycleSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  name: bilingual,
  /** The scored framework (readiness, evidence). The cycle keeps this version for its whole life. */
  frameworkId: id,
  frameworkVersion: z.number().int().min(1),
  trackedFrameworks: z.array(frameworkRefSchema).max(10).default([]),
  entityIds: z.array(id).min(1),
  dates: cycleDatesSchema,
  /** Which evidence counts toward a filled slot (docs/readiness.md, rule 2). */
  evidencePolicy: z.enum(['available', 'accepted']).default('available'),
  reminderPolicy: reminderPolicySchema.default(DEFAULT_REMINDER_POLICY),
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
  updatedAt: z.iso.datetime().optional(),
  updatedBy: z.string().optional(),
});
export type Cycle = z.infer<typeof cycleSchema>;

/**
 * What an admin may change on an open cycle, conditional on `version`. Frameworks and the year are not here:
 * a cycle keeps the framework versions it was opened with.
 */
export const cycleUpdateSchema = z.object({
  version: z.number().int().min(1),
  name: bilingual.optional(),
  entityIds: z.array(id).min(1).optional(),
  dates: cycleDatesSchema.optional(),
  evidencePolicy: z.enum(['available', 'accepted']).optional(),
  reminderPolicy: reminderPolicySchema.optional(),
  uploadLimits: uploadLimitsSchema.optional(),
  status: z.enum(['open', 'closed']).optional(),
});
export type CycleUpdate = z.infer<typeof cycleUpdateSchema>;

/** Every framework version a cycle uses, the scored one first. */
export const cycleFrameworks = (
  c: Pick<Cycle, 'frameworkId' | 'frameworkVersion' | 'trackedFrameworks'>,
): FrameworkRef[] => [
  { frameworkId: c.frameworkId, version: c.frameworkVersion },
  ...(c.trackedFrameworks ?? []),
];
