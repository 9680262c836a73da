/**
 * Framework import in two steps (docs/frameworks.md): preview (what will be created, every problem with its
 * row) then commit, which writes exactly the previewed plan. The source is a JSON document or the one-sheet
 * .xlsx form; the version rules (no overwrite of a published version, no gap, a valid mapping) are checked
 * against what is stored.
 */
import type { Actor } from '#domain/actor.ts';
import { ConflictError, type FieldIssue, type Message, ValidationError } from '#domain/errors.ts';
import {
  type Framework,
  type FrameworkDocument,
  type FrameworkProblem,
  frameworkTotals,
  roleOf,
  type VersionMapping,
  validateFrameworkDocument,
} from '#domain/framework.ts';
import { checkMappingAgainst, implicitlyRemoved } from '#domain/framework-versions.ts';
import { authorize } from '#domain/policy.ts';
import type { Clock, FrameworkRepository, FrameworkSheetCodec, IdGenerator, Progress } from '#ports.ts';
import { saveVersion } from './frameworks-save.ts';

export type FrameworkSource =
  | { format: 'json'; document: unknown }
  | { format: 'xlsx'; fileBase64: string }
  | { format: 'xlsx-bytes'; bytes: Uint8Array };

export interface ImportRequest {
  mode: 'preview' | 'commit';
  /** Publish the version right away (commit only); otherwise it is stored as a draft. */
  publish: boolean;
  source: FrameworkSource;
}

export interface ImportPlan {
  mode: 'preview' | 'commit';
  ok: boolean;
  /** `create`: a new version; `replace-draft`: overwrites the draft of that version. */
  action?: 'create' | 'replace-draft';
  framework?: {
    frameworkId: string;
    version: number;
    name: Message;
    provenance: 'confirmed' | 'sample';
    status: 'draft' | 'published';
  };
  totals?: ReturnType<typeof frameworkTotals>;
  /** Every node that will be stored, with its sheet row when the source is a spreadsheet. */
  creates: {
    code: string;
    title: string;
    maxPoints: number;
    method: string;
    role: string;
    slots: number;
    row?: number;
  }[];
  warnings: Message[];
  problems: FrameworkProblem[];
  /** The document's mapping of the previous version's codes, when it declares one. */
  mapping?: VersionMapping;
}

interface Deps {
  frameworks: FrameworkRepository;
  sheets: Pick<FrameworkSheetCodec, 'read' | 'withRows'>;
  clock: Clock;
  ids: IdGenerator;
}

/** Reads the source into a loose document; spreadsheets also give the row of every node. */
async function readSource(deps: Deps, source: FrameworkSource, onProgress?: Progress) {
  if (source.format === 'json') return { raw: source.document, rows: undefined, sheetProblems: [] };
  const bytes = source.format === 'xlsx' ? Buffer.from(source.fileBase64, 'base64') : source.bytes;
  const read = await deps.sheets.read(bytes, onProgress);
  return { raw: read.document as unknown, rows: read, sheetProblems: read.problems };
}

/**
 * A file the reader could not read as a framework (not a spreadsheet, no header row, …): that one problem,
 * not a schema dump of the fields an empty document lacks.
 */
const unreadablePlan = (problems: FrameworkProblem[]) => ({
  doc: undefined,
  existing: undefined,
  head: undefined,
  warnings: [] as Message[],
  problems,
  rowOf: (_: number): number | undefined => undefined,
});

/** Preview and commit share this: the plan is exactly what commit writes. */
async function plan(deps: Deps, req: ImportRequest, onProgress?: Progress) {
  const { raw, rows, sheetProblems } = await readSource(deps, req.source, onProgress);
  if (rows && !('nodes' in rows.document)) return unreadablePlan(sheetProblems);
  // Only an object can be a framework; anything else (a string, a number, a list) goes to the validation as it
  // came, which names the problem.
  const loose =
    raw && typeof raw === 'object' && !Array.isArray(raw)
      ? { ...(raw as Record<string, unknown>) }
      : undefined;
  // A blank version means "the next one".
  const head =
    loose &&
    typeof loose.frameworkId === 'string' &&
    /^[A-Za-z0-9][A-Za-z0-9_-]{1,63}$/.test(loose.frameworkId)
      ? await deps.frameworks.getHead(loose.frameworkId)
      : undefined;
  if (loose && loose.version === undefined) loose.version = (head?.latestVersion ?? 0) + 1;

  const checked = validateFrameworkDocument(loose ?? raw);
  const problems: FrameworkProblem[] = [...sheetProblems];
  const warnings: Message[] = [];
  let doc: FrameworkDocument | undefined;
  let existing: Framework | undefined;
  if (checked.ok) {
    doc = checked.document;
    existing = await deps.frameworks.get(doc.frameworkId, doc.version);
    const latest = head?.latestVersion ?? 0;
    if (existing?.status === 'published')
      problems.push({
        kind: 'version_published',
        field: 'version',
        message: {
          vi: `Phiên bản ${doc.version} của "${doc.frameworkId}" đã ban hành, không được ghi đè. Nhập thành phiên bản ${latest + 1}.`,
          en: `Version ${doc.version} of "${doc.frameworkId}" is published and cannot be overwritten. Import it as version ${latest + 1}.`,
        },
      });
    else if (!existing && doc.version !== latest + 1)
      problems.push({
        kind: 'version_gap',
        field: 'version',
        message: {
          vi: `Phiên bản tiếp theo của "${doc.frameworkId}" là ${latest + 1}, không phải ${doc.version}.`,
          en: `The next version of "${doc.frameworkId}" is ${latest + 1}, not ${doc.version}.`,
        },
      });
    if (doc.version > 1) {
      const prev = await deps.frameworks.get(doc.frameworkId, doc.version - 1);
      problems.push(...checkMappingAgainst(prev, doc));
      if (prev) {
        const gone = implicitlyRemoved(prev, doc);
        if (gone.length)
          warnings.push({
            vi: `Các mã của phiên bản ${prev.version} không còn và không được ánh xạ, sẽ coi là bị bỏ: ${gone.join(', ')}.`,
            en: `Codes of version ${prev.version} that are gone and unmapped will count as removed: ${gone.join(', ')}.`,
          });
        if (req.publish && prev.status !== 'published')
          problems.push({
            kind: 'version_gap',
            field: 'version',
            message: {
              vi: `Phải ban hành phiên bản ${prev.version} trước.`,
              en: `Publish version ${prev.version} first.`,
            },
          });
      }
    }
    if (doc.provenance === 'sample')
      warnings.push({
        vi: 'Bộ tiêu chí được đánh dấu là MẪU: số điểm chưa đối chiếu văn bản chính thức.',
        en: 'This framework is marked SAMPLE: its points are not checked against an official text.',
      });
  } else problems.push(...checked.problems);
  const located = rows ? deps.sheets.withRows(problems, rows) : problems;
  const deduped = dedupeByRow(located, sheetProblems);
  const rowOf = (i: number) => rows?.nodeRows[i];
  return { doc, existing, head, warnings, problems: deduped, rowOf };
}

/** Drops a schema problem on a row whose cell already failed to read, for the same column. */
function dedupeByRow(problems: FrameworkProblem[], sheet: FrameworkProblem[]): FrameworkProblem[] {
  const failed = new Set(sheet.filter((p) => p.row !== undefined && p.nodeCode).map((p) => `${p.row}`));
  return problems.filter(
    (p) =>
      sheet.includes(p) ||
      !(
        p.row !== undefined &&
        failed.has(`${p.row}`) &&
        (p.kind === 'points_missing' || p.kind === 'invalid')
      ),
  );
}

/** Every problem as a field issue: the row first when there is one (what a person fixes in Excel). */
export function problemIssues(problems: readonly FrameworkProblem[]): FieldIssue[] {
  return problems.map((p) => ({
    field: p.row !== undefined ? `file.rows.${p.row}` : `document.${p.field}`,
    message:
      p.row !== undefined
        ? { vi: `Dòng ${p.row}: ${p.message.vi}`, en: `Row ${p.row}: ${p.message.en}` }
        : p.message,
  }));
}

export async function importFramework(
  deps: Deps,
  actor: Actor,
  req: ImportRequest,
  onProgress?: Progress,
): Promise<ImportPlan> {
  authorize(actor, 'framework:import');
  const p = await plan(deps, req, onProgress);
  const status: 'draft' | 'published' = req.publish ? 'published' : 'draft';
  const result: ImportPlan = {
    mode: req.mode,
    ok: p.problems.length === 0 && p.doc !== undefined,
    ...(p.doc
      ? {
          action: p.existing ? ('replace-draft' as const) : ('create' as const),
          framework: {
            frameworkId: p.doc.frameworkId,
            version: p.doc.version,
            name: p.doc.name,
            provenance: p.doc.provenance,
            status,
          },
          totals: frameworkTotals(p.doc),
        }
      : {}),
    creates: (p.doc?.nodes ?? []).map((n, i) => ({
      code: n.code,
      title: n.title.vi,
      maxPoints: n.maxPoints,
      method: n.method,
      role: roleOf(n),
      slots: n.slots.length,
      ...(p.rowOf(i) !== undefined ? { row: p.rowOf(i) } : {}),
    })),
    warnings: p.warnings,
    problems: p.problems,
    ...(p.doc?.mapping ? { mapping: p.doc.mapping } : {}),
  };
  if (req.mode === 'preview') return result;

  if (p.existing?.status === 'published')
    throw new ConflictError(p.problems[0]!.message, {
      frameworkId: p.existing.frameworkId,
      version: p.existing.version,
      status: p.existing.status,
    });
  if (!result.ok || !p.doc)
    throw new ValidationError(problemIssues(p.problems), {
      vi: `Bộ tiêu chí có ${p.problems.length} lỗi; chưa ghi gì.`,
      en: `The framework has ${p.problems.length} problem(s); nothing was written.`,
    });
  await saveVersion(deps, actor, p.doc, status, p.existing, p.head, 'framework.import');
  return result;
}
