/**
 * Pure parts of the cycle form: dates typed dd/mm/yyyy ⇄ the API's YYYY-MM-DD, the form's values ⇄ the
 * create/update bodies (an update sends only what changed, so a cycle's reminder policy, edited elsewhere,
 * is never sent back), and the API's field issues (`body.dates.selfAssessmentDue`) → form field paths.
 */
import type { FileKind } from '#domain/file-types.ts';
import type { Body, Cycle } from '../../../api/types.ts';

export type NewCycleBody = Body<'createCycle'>;
export type CycleUpdateBody = Body<'updateCycle'>;

export const DATE_KEYS = [
  'evidenceDue',
  'selfAssessmentDue',
  'appraisalStart',
  'appraisalEnd',
  'publication',
] as const;
export type DateKey = (typeof DATE_KEYS)[number];

/** `5/1/2024` or `05/01/2024` → `2024-01-05`; undefined when it is not a real calendar date. */
export function parseDmy(s: string | undefined): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec((s ?? '').trim());
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `2024-01-05` → `05/01/2024`. */
export function toDmy(iso: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

export interface CycleFormValues {
  nameVi: string;
  nameEn: string;
  year: number;
  frameworkId?: string;
  frameworkVersion?: number;
  /** `papi@1` */
  tracked: string[];
  entityIds: string[];
  dates: Record<DateKey, string>;
  evidencePolicy: 'available' | 'accepted';
  maxFileMb: number;
  allowedKinds: string[];
  status: 'open' | 'closed';
}

const MB = 1024 * 1024;

export function valuesOf(c: Cycle): CycleFormValues {
  return {
    nameVi: c.name.vi,
    nameEn: c.name.en,
    year: c.year,
    frameworkId: c.frameworkId,
    frameworkVersion: c.frameworkVersion,
    tracked: (c.trackedFrameworks ?? []).map((t) => `${t.frameworkId}@${t.version}`),
    entityIds: c.entityIds,
    dates: Object.fromEntries(DATE_KEYS.map((k) => [k, toDmy(c.dates[k])])) as Record<DateKey, string>,
    evidencePolicy: c.evidencePolicy,
    maxFileMb: Math.round((c.uploadLimits.maxFileBytes / MB) * 10) / 10,
    allowedKinds: [...c.uploadLimits.allowedKinds],
    status: c.status,
  };
}

const isoDates = (v: CycleFormValues) =>
  Object.fromEntries(DATE_KEYS.map((k) => [k, parseDmy(v.dates[k]) ?? v.dates[k]])) as Record<
    DateKey,
    string
  >;

const uploadLimits = (v: CycleFormValues) => ({
  maxFileBytes: Math.round(v.maxFileMb * MB),
  allowedKinds: v.allowedKinds as FileKind[],
});

export function createBody(v: CycleFormValues): NewCycleBody {
  return {
    year: v.year,
    name: { vi: v.nameVi.trim(), en: v.nameEn.trim() },
    frameworkId: v.frameworkId ?? '',
    frameworkVersion: v.frameworkVersion ?? 0,
    trackedFrameworks: v.tracked.map((s) => {
      const at = s.lastIndexOf('@');
      return { frameworkId: s.slice(0, at), version: Number(s.slice(at + 1)) };
    }),
    entityIds: v.entityIds,
    dates: isoDates(v),
    evidencePolicy: v.evidencePolicy,
    uploadLimits: uploadLimits(v),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what changed against the loaded cycle, with its version (the reminder policy is never included). */
export function updateBody(c: Cycle, v: CycleFormValues): CycleUpdateBody {
  const body: CycleUpdateBody = { version: c.version };
  const name = { vi: v.nameVi.trim(), en: v.nameEn.trim() };
  if (!same(name, { vi: c.name.vi, en: c.name.en })) body.name = name;
  if (!same([...v.entityIds].sort(), [...c.entityIds].sort())) body.entityIds = v.entityIds;
  const dates = isoDates(v);
  if (!same(dates, Object.fromEntries(DATE_KEYS.map((k) => [k, c.dates[k]])))) body.dates = dates;
  if (v.evidencePolicy !== c.evidencePolicy) body.evidencePolicy = v.evidencePolicy;
  const limits = uploadLimits(v);
  if (
    limits.maxFileBytes !== c.uploadLimits.maxFileBytes ||
    !same([...limits.allowedKinds].sort(), [...c.uploadLimits.allowedKinds].sort())
  )
    body.uploadLimits = limits;
  if (v.status !== c.status) body.status = v.status;
  return body;
}

/**
 * `body.dates.selfAssessmentDue` → `['dates', 'selfAssessmentDue']`, `body.entityIds.2` → `['entityIds']`,
 * `body.name.vi` → `['nameVi']`; undefined when no field of the form shows it.
 */
export function formFieldOf(issueField: string): (string | number)[] | undefined {
  const parts = issueField.replace(/^body\./, '').split('.');
  const [head, sub] = parts;
  switch (head) {
    case 'name':
      return sub === 'en' ? ['nameEn'] : ['nameVi'];
    case 'year':
    case 'frameworkId':
    case 'frameworkVersion':
    case 'entityIds':
    case 'evidencePolicy':
    case 'status':
      return [head];
    case 'trackedFrameworks':
      return ['tracked'];
    case 'dates':
      return sub && (DATE_KEYS as readonly string[]).includes(sub)
        ? ['dates', sub]
        : ['dates', 'evidenceDue'];
    case 'uploadLimits':
      return sub === 'allowedKinds' ? ['allowedKinds'] : ['maxFileMb'];
    default:
      return undefined;
  }
}
