import * as z from 'zod/mini';
import { type Bilingual, bilingual, droppable, id, isoDate, storedBilingual, TIME_ZONE } from './common.ts';
import { FILE_KINDS } from './file-types.ts';
import { isoDateTime } from './zod-lean.ts';

export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

export const uploadLimitsSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    maxFileBytes: z.number().check(z.int(), z.gte(1), z.lte(5 * 1024 * 1024 * 1024)),
    allowedKinds: z.array(z.enum(FILE_KINDS)).check(z.minLength(1)),
  }),
);
export type UploadLimits = z.infer<typeof uploadLimitsSchema>;

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxFileBytes: DEFAULT_MAX_FILE_BYTES,
  allowedKinds: [...FILE_KINDS],
};

export const cycleDatesSchema = /* @__PURE__ */ droppable(() =>
  z
    .object({
      evidenceDue: isoDate,
      selfAssessmentDue: isoDate,
      appraisalStart: isoDate,
      appraisalEnd: isoDate,
      publication: isoDate,
    })
    .check(
      z.refine((d) => d.evidenceDue <= d.selfAssessmentDue, {
        path: ['selfAssessmentDue'],
        message: 'selfAssessmentDue must not be before evidenceDue',
      }),
      z.refine((d) => d.appraisalStart <= d.appraisalEnd, {
        path: ['appraisalEnd'],
        message: 'appraisalEnd must not be before appraisalStart',
      }),
    ),
);

/** Reminder ladder (docs/reminders.md): days before a due date, then every N working days overdue, then escalation. */
export const reminderPolicySchema = /* @__PURE__ */ droppable(() =>
  z
    .object({
      enabled: z.boolean(),
      /** Local time (Asia/Ho_Chi_Minh) of the daily run. */
      sendAt: z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm')),
      daysBefore: z.array(z.number().check(z.int(), z.gte(0), z.lte(60))).check(z.maxLength(10)),
      overdueEveryWorkingDays: z.number().check(z.int(), z.gte(1), z.lte(30)),
      copyUnitHeadAfterDaysOverdue: z.number().check(z.int(), z.gte(0), z.lte(60)),
      escalateToAdminAfterDaysOverdue: z.number().check(z.int(), z.gte(0), z.lte(90)),
      skipWeekends: z.boolean(),
      holidays: z.array(isoDate).check(z.maxLength(60)),
      /** Absent or true: the bundled Vietnamese public holidays (holidays-vn.ts) are skipped as well. */
      nationalHolidays: z.optional(z.boolean()),
      /** Weekend days worked to make up a swapped day off (làm bù): counted as working days. */
      makeUpWorkingDays: z.optional(z.array(isoDate).check(z.maxLength(20))),
    })
    .check(
      z.refine((p) => p.copyUnitHeadAfterDaysOverdue <= p.escalateToAdminAfterDaysOverdue, {
        path: ['escalateToAdminAfterDaysOverdue'],
        message: 'escalation to the admin must not come before copying the unit head',
      }),
    ),
);
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
export const frameworkRefSchema = /* @__PURE__ */ droppable(() =>
  z.object({ frameworkId: id, version: z.number().check(z.int(), z.gte(1)) }),
);
export type FrameworkRef = z.infer<typeof frameworkRefSchema>;

/** A cycle's fields as opened, with the schema its name is checked by (key order is the stored order). */
const newCycleShape = <N extends z.ZodMiniType<Bilingual>>(name: N) => ({
  year: z.number().check(z.int(), z.gte(2000), z.lte(2100)),
  name,
  /** The scored framework (readiness, evidence). The cycle keeps this version for its whole life. */
  frameworkId: id,
  frameworkVersion: z.number().check(z.int(), z.gte(1)),
  trackedFrameworks: z._default(z.array(frameworkRefSchema).check(z.maxLength(10)), []),
  entityIds: z.array(id).check(z.minLength(1)),
  dates: cycleDatesSchema,
  /** Which evidence counts toward a filled slot (docs/readiness.md, rule 2). */
  evidencePolicy: z._default(z.enum(['available', 'accepted']), 'available'),
  reminderPolicy: z._default(reminderPolicySchema, DEFAULT_REMINDER_POLICY),
  uploadLimits: z._default(uploadLimitsSchema, DEFAULT_UPLOAD_LIMITS),
});

/** What the admin sends to open a cycle. */
export const newCycleSchema = /* @__PURE__ */ droppable(() => z.object(newCycleShape(bilingual)));
export type NewCycle = z.infer<typeof newCycleSchema>;

const cycleShape = <N extends z.ZodMiniType<Bilingual>>(name: N) => ({
  ...newCycleShape(name),
  cycleId: id,
  timeZone: z.literal(TIME_ZONE),
  status: z.enum(['open', 'closed']),
  version: z.number().check(z.int(), z.gte(1)),
  createdAt: isoDateTime(),
  createdBy: z.string(),
  updatedAt: z.optional(isoDateTime()),
  updatedBy: z.optional(z.string()),
});

export const cycleSchema = /* @__PURE__ */ droppable(() => z.object(cycleShape(bilingual)));
export type Cycle = z.infer<typeof cycleSchema>;

/**
 * A cycle as read back from the table (nearly every function reads one). Its name was cleaned and checked
 * when written, so a read checks it is a pair of strings: the text cleaning's zod kinds stay out of the bundles
 * that only read cycles (~1.5 KB). Defaults and every other check apply as on write.
 */
export const storedCycleSchema: z.ZodMiniType<Cycle> = /* @__PURE__ */ droppable(() =>
  z.object(cycleShape(storedBilingual)),
);

/**
 * What an admin may change on an open cycle, conditional on `version`. Frameworks and the year are not here:
 * a cycle keeps the framework versions it was opened with.
 */
export const cycleUpdateSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    version: z.number().check(z.int(), z.gte(1)),
    name: z.optional(bilingual),
    entityIds: z.optional(z.array(id).check(z.minLength(1))),
    dates: z.optional(cycleDatesSchema),
    evidencePolicy: z.optional(z.enum(['available', 'accepted'])),
    reminderPolicy: z.optional(reminderPolicySchema),
    uploadLimits: z.optional(uploadLimitsSchema),
    status: z.optional(z.enum(['open', 'closed'])),
  }),
);
export type CycleUpdate = z.infer<typeof cycleUpdateSchema>;

/** Every framework version a cycle uses, the scored one first. */
export const cycleFrameworks = (
  c: Pick<Cycle, 'frameworkId' | 'frameworkVersion' | 'trackedFrameworks'>,
): FrameworkRef[] => [
  { frameworkId: c.frameworkId, version: c.frameworkVersion },
  ...(c.trackedFrameworks ?? []),
];
