/**
 * The evidence metadata form's pure half: stored evidence → form values (dates dd/MM/yyyy), form values → the
 * PATCH body (only what changed, `null` for a cleared field) or the fields typed wrong, and which form field an
 * API issue (`body.effectivePeriod.to`) belongs to.
 */
import { parseDayMonthYear } from '../../api/evidence-view.ts';
import type { Body, Evidence } from '../../api/types.ts';
import { formatIsoDate } from '../../i18n/format.ts';

export interface MetadataValues {
  title: string;
  documentNumber: string;
  documentType?: string;
  issueDate: string;
  effectiveFrom: string;
  effectiveTo: string;
  issuer: string;
  note: string;
}
export type MetadataField = keyof MetadataValues;
export type MetadataEdit = Omit<Body<'editEvidence'>, 'version'>;
export type MetadataProblem = 'titleRequired' | 'dateFormat' | 'fromRequired' | 'toBeforeFrom';

export const toMetadataValues = (e: Evidence): MetadataValues => ({
  title: e.title ?? '',
  documentNumber: e.documentNumber ?? '',
  documentType: e.documentType,
  issueDate: e.issueDate ? formatIsoDate(e.issueDate) : '',
  effectiveFrom: e.effectivePeriod?.from ? formatIsoDate(e.effectivePeriod.from) : '',
  effectiveTo: e.effectivePeriod?.to ? formatIsoDate(e.effectivePeriod.to) : '',
  issuer: e.issuer ?? '',
  note: e.note ?? '',
});

/** The API's field path → the form field it belongs to. */
export const METADATA_FIELD_OF: Record<string, MetadataField> = {
  'body.title': 'title',
  'body.documentNumber': 'documentNumber',
  'body.documentType': 'documentType',
  'body.issueDate': 'issueDate',
  'body.effectivePeriod': 'effectiveFrom',
  'body.effectivePeriod.from': 'effectiveFrom',
  'body.effectivePeriod.to': 'effectiveTo',
  'body.issuer': 'issuer',
  'body.note': 'note',
};

export function metadataEdit(
  base: Evidence,
  v: MetadataValues,
): { body: MetadataEdit } | { problems: { field: MetadataField; problem: MetadataProblem }[] } {
  const problems: { field: MetadataField; problem: MetadataProblem }[] = [];
  const title = v.title.trim();
  if (!title) problems.push({ field: 'title', problem: 'titleRequired' });
  const date = (field: MetadataField) => {
    const parsed = parseDayMonthYear(String(v[field] ?? ''));
    if (parsed === undefined) problems.push({ field, problem: 'dateFormat' });
    return parsed;
  };
  const issueDate = date('issueDate');
  const from = date('effectiveFrom');
  const to = date('effectiveTo');
  if (to && !from) problems.push({ field: 'effectiveFrom', problem: 'fromRequired' });
  if (to && from && to < from) problems.push({ field: 'effectiveTo', problem: 'toBeforeFrom' });
  if (problems.length) return { problems };

  const body: MetadataEdit = {};
  const text = (s: string) => s.trim() || null;
  if (title !== base.title) body.title = title;
  const optional = {
    documentNumber: text(v.documentNumber),
    documentType: v.documentType ?? null,
    issueDate: issueDate ?? null,
    issuer: text(v.issuer),
    note: text(v.note),
  } as const;
  for (const [k, next] of Object.entries(optional) as [keyof typeof optional, string | null][]) {
    if ((base[k] ?? null) !== next) (body as Record<string, unknown>)[k] = next;
  }
  const period = from ? { from, ...(to ? { to } : {}) } : null;
  if (JSON.stringify(base.effectivePeriod ?? null) !== JSON.stringify(period)) body.effectivePeriod = period;
  return { body };
}
