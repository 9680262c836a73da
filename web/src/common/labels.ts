/** Labels derived from API values: document types, criterion status. */
import type { CriterionReadiness } from '../api/types.ts';
import type { Vars } from '../i18n/i18n.tsx';
import { type MessageKey, vi } from '../i18n/messages.ts';

type T = (key: MessageKey, vars?: Vars) => string;

/** Document types offered when a criterion declares no slot of its own (any document fills it). */
export const COMMON_DOC_TYPES = [
  'ke-hoach',
  'bao-cao',
  'quyet-dinh',
  'thong-bao',
  'cong-van',
  'khac',
] as const;

/** `ke-hoach` → "Kế hoạch" / "Plan"; `*` → "Tài liệu bất kỳ"; unknown kinds are shown as they are. */
export function docTypeLabel(kind: string | undefined, t: T): string {
  if (!kind || kind === '*') return t('slot.any');
  const key = `doctype.${kind}`;
  return key in vi ? t(key as MessageKey) : kind;
}

export type CriterionStatus = 'appraised' | 'complete' | 'sentBack' | 'missingEvidence' | 'notScored';
export const CRITERION_STATUSES: CriterionStatus[] = [
  'sentBack',
  'missingEvidence',
  'notScored',
  'complete',
  'appraised',
];

export function criterionStatus(c: CriterionReadiness): CriterionStatus {
  if (c.appraised) return 'appraised';
  if (c.complete) return 'complete';
  // The council asked for changes: not complete, whatever its coverage (docs/readiness.md, rule 14).
  if (c.sentBack) return 'sentBack';
  if (c.coverage < 1 && !c.explanationGiven) return 'missingEvidence';
  return 'notScored';
}

export const STATUS_COLOR: Record<CriterionStatus, string> = {
  appraised: 'purple',
  complete: 'green',
  sentBack: 'red',
  missingEvidence: 'orange',
  notScored: 'default',
};
