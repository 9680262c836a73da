/**
 * The dossier export's pure half (unit-tested in test/unit/web-dossier.test.ts): when to poll a job, how its
 * progress bar looks, which fresh download matches the file the user clicked, where the print view lives, and
 * how a score-table row's evidence and units read. Every figure is the API's: nothing here recomputes one.
 */
import type {
  EntityPart,
  ExportDownload,
  ExportJob,
  ExportJobView,
  ScoreTableEvidence,
  ScoreTableRow,
} from '../../api/types.ts';
import { formatIsoDate } from '../../i18n/format.ts';
import type { Bilingual } from '../../i18n/lang.ts';

/** How often a running job is asked for its progress. */
export const POLL_MS = 1500;

export const isFinished = (state: ExportJob['state'] | undefined): boolean =>
  state === 'done' || state === 'failed';

/** The next poll of a job: every POLL_MS until it is done or failed; not while a poll has failed (Retry). */
export function nextPoll(view: ExportJobView | undefined, pollFailed: boolean): number | false {
  if (pollFailed || !view || isFinished(view.job.state)) return false;
  return POLL_MS;
}

/** A finished job answered without its links (the POST of a reused job never signs URLs): ask the GET. */
export const lacksDownloads = (view: ExportJobView): boolean =>
  view.job.state === 'done' && view.downloads.length === 0;

/** antd Progress status for a job state. */
export function progressStatus(state: ExportJob['state']): 'active' | 'success' | 'exception' | 'normal' {
  if (state === 'done') return 'success';
  if (state === 'failed') return 'exception';
  return state === 'running' ? 'active' : 'normal';
}

/** A download as clicked, found again in a fresh answer (URLs expire in minutes; the part and name do not). */
export function freshDownload(
  fresh: readonly ExportDownload[],
  clicked: Pick<ExportDownload, 'part' | 'fileName'>,
): ExportDownload | undefined {
  return (
    fresh.find((d) => d.part === clicked.part && d.fileName === clicked.fileName) ??
    fresh.find((d) => d.part === clicked.part)
  );
}

/** The print view of an entity's score table (a unit's part with `?unit=`). */
export function scoreTablePath(cycleId: string, entityId: string, unitId?: string): string {
  const base = `/cycles/${encodeURIComponent(cycleId)}/entities/${encodeURIComponent(entityId)}/score-table`;
  return unitId ? `${base}?unit=${encodeURIComponent(unitId)}` : base;
}

/** The parts an entity export offers, in the order the drawer lists them and the body sends them. */
export const ENTITY_PART_ORDER = [
  'score-table',
  'report',
  'package',
] as const satisfies readonly EntityPart[];

/** Ticked when the drawer opens: the score table and the report; the evidence package is asked for. */
export const DEFAULT_PARTS: ReadonlySet<EntityPart> = new Set<EntityPart>(['score-table', 'report']);

/** What the evidence package (.zip) holds besides the evidence: the server builds these with it. */
export const PACKAGE_CONTAINS = ['score-table', 'report'] as const satisfies readonly EntityPart[];

/** A part the package holds while the package is ticked: shown ticked and not to be unticked. */
export const isImpliedPart = (part: EntityPart, chosen: ReadonlySet<EntityPart>): boolean =>
  chosen.has('package') && (PACKAGE_CONTAINS as readonly EntityPart[]).includes(part);

/**
 * The user's own choice after a click. A part the package implies cannot be unticked while the package is;
 * the user's choice for it is kept, so unticking the package brings back what they had.
 */
export function tickPart(chosen: ReadonlySet<EntityPart>, part: EntityPart, on: boolean): Set<EntityPart> {
  const next = new Set(chosen);
  if (!on && isImpliedPart(part, chosen)) return next;
  if (on) next.add(part);
  else next.delete(part);
  return next;
}

/** The parts shown ticked and requested: the user's choice, plus what the package holds. */
export const effectiveParts = (chosen: ReadonlySet<EntityPart>): Set<EntityPart> =>
  new Set<EntityPart>([...chosen, ...(chosen.has('package') ? PACKAGE_CONTAINS : [])]);

/** The parts ticked (with what the package implies), in their order. */
export const orderedParts = (chosen: ReadonlySet<EntityPart>): EntityPart[] => {
  const ticked = effectiveParts(chosen);
  return ENTITY_PART_ORDER.filter((p) => ticked.has(p));
};

/** The request body of an entity export: the parts ticked, and a unit's part when one is chosen. */
export function entityExportBody(parts: readonly EntityPart[], unitId: string | undefined) {
  return { parts: [...new Set(parts)], ...(unitId ? { unitId } : {}) };
}

/**
 * One evidence as the score table lists it: "Số 12/KH-SKHCN, ngày 15/01/2023: Kế hoạch … (UBND tỉnh)".
 * `label` words the number and the date in the current language.
 */
export function evidenceLine(
  e: Pick<ScoreTableEvidence, 'documentNumber' | 'issueDate' | 'title' | 'issuer'>,
  label: { number: (n: string) => string; date: (d: string) => string },
): string {
  const head = [
    e.documentNumber ? label.number(e.documentNumber) : undefined,
    e.issueDate ? label.date(formatIsoDate(e.issueDate)) : undefined,
  ].filter(Boolean);
  const body = e.issuer ? `${e.title} (${e.issuer})` : e.title;
  return head.length ? `${head.join(', ')}: ${body}` : body;
}

/** The units' names as the entity has them (an unknown id is shown as it is), joined for one cell. */
export function unitNames(
  unitIds: readonly string[],
  units: readonly { unitId: string; name: Bilingual }[] | undefined,
  pick: (b: Bilingual) => string,
): string {
  const byId = new Map((units ?? []).map((u) => [u.unitId, u.name]));
  return unitIds
    .map((id) => {
      const name = byId.get(id);
      return name ? pick(name) : id;
    })
    .join(', ');
}

/** Group rows (areas, bonus and penalty groups) are bold; the code's depth sets the indent. */
export const isGroupRow = (row: Pick<ScoreTableRow, 'leaf'>): boolean => !row.leaf;
export const indentOf = (row: Pick<ScoreTableRow, 'depth'>): number => Math.max(0, row.depth - 1);
