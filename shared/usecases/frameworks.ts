/**
 * Frameworks: list and read (everyone signed in), import in two steps — preview (what will be created, every
 * problem with its row) then commit — export as JSON or .xlsx, publish. A published version is immutable:
 * a change is a new version, which may map the previous version's codes. The import lives in
 * frameworks-import.ts (re-exported here), the write import and publish share in frameworks-save.ts.
 */
import type { Actor } from '#domain/actor.ts';
import { ConflictError, NotFoundError, ValidationError } from '#domain/errors.ts';
import { documentOf, type Framework } from '#domain/framework.ts';
import { authorize } from '#domain/policy.ts';
import type {
  AssignmentSheetCodec,
  Clock,
  FrameworkHead,
  FrameworkRepository,
  FrameworkSheetCodec,
  IdGenerator,
  Page,
} from '#ports.ts';
import { saveVersion } from './frameworks-save.ts';

export {
  type FrameworkSource,
  type ImportPlan,
  type ImportRequest,
  importFramework,
  problemIssues,
} from './frameworks-import.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface FileResult {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

const frameworkNotFound = (frameworkId: string, version?: number) =>
  new NotFoundError({
    vi: `Không có bộ tiêu chí "${frameworkId}"${version ? ` phiên bản ${version}` : ''}.`,
    en: `Framework "${frameworkId}"${version ? ` version ${version}` : ''} not found.`,
  });

export async function listFrameworks(
  deps: { frameworks: FrameworkRepository },
  actor: Actor,
  limit: number,
  cursor?: string,
): Promise<Page<FrameworkHead>> {
  authorize(actor, 'framework:read');
  return deps.frameworks.listHeads(limit, cursor);
}

export async function listFrameworkVersions(
  deps: { frameworks: FrameworkRepository },
  actor: Actor,
  frameworkId: string,
  limit: number,
  cursor?: string,
) {
  authorize(actor, 'framework:read');
  if (!cursor && !(await deps.frameworks.getHead(frameworkId))) throw frameworkNotFound(frameworkId);
  return deps.frameworks.listVersions(frameworkId, limit, cursor);
}

export async function getFrameworkVersion(
  deps: { frameworks: FrameworkRepository },
  actor: Actor,
  frameworkId: string,
  version: number,
): Promise<Framework> {
  authorize(actor, 'framework:read');
  const f = await deps.frameworks.get(frameworkId, version);
  if (!f) throw frameworkNotFound(frameworkId, version);
  return f;
}

const fileBase = (f: { frameworkId: string; version: number }) => `${f.frameworkId}-v${f.version}`;

export async function exportFramework(
  deps: { frameworks: FrameworkRepository; sheets: Pick<FrameworkSheetCodec, 'write'> },
  actor: Actor,
  frameworkId: string,
  version: number,
  format: 'json' | 'xlsx',
): Promise<FileResult> {
  const f = await getFrameworkVersion(deps, actor, frameworkId, version);
  const doc = documentOf(f);
  if (format === 'json')
    return {
      fileName: `${fileBase(f)}.json`,
      contentType: 'application/json; charset=utf-8',
      bytes: Buffer.from(`${JSON.stringify(doc, null, 2)}\n`),
    };
  return { fileName: `${fileBase(f)}.xlsx`, contentType: XLSX_TYPE, bytes: await deps.sheets.write(doc) };
}

export async function downloadTemplate(
  deps: {
    frameworkSheet: Pick<FrameworkSheetCodec, 'template'>;
    assignmentSheet: Pick<AssignmentSheetCodec, 'template'>;
  },
  actor: Actor,
  kind: 'framework' | 'assignments',
): Promise<FileResult> {
  authorize(actor, 'framework:read');
  const bytes =
    kind === 'framework' ? await deps.frameworkSheet.template() : await deps.assignmentSheet.template();
  return {
    fileName: kind === 'framework' ? 'mau-bo-tieu-chi.xlsx' : 'mau-giao-nhiem-vu.xlsx',
    contentType: XLSX_TYPE,
    bytes,
  };
}

export async function publishFramework(
  deps: { frameworks: FrameworkRepository; clock: Clock; ids: IdGenerator },
  actor: Actor,
  frameworkId: string,
  version: number,
): Promise<Framework> {
  authorize(actor, 'framework:publish');
  const [f, head] = await Promise.all([
    deps.frameworks.get(frameworkId, version),
    deps.frameworks.getHead(frameworkId),
  ]);
  if (!f) throw frameworkNotFound(frameworkId, version);
  if (f.status === 'published')
    throw new ConflictError(
      { vi: `Phiên bản ${version} đã ban hành.`, en: `Version ${version} is already published.` },
      { frameworkId, version, status: f.status },
    );
  if (version > 1) {
    const prev = await deps.frameworks.get(frameworkId, version - 1);
    if (prev?.status !== 'published')
      throw new ValidationError([
        {
          field: 'path.version',
          message: {
            vi: `Phải ban hành phiên bản ${version - 1} trước.`,
            en: `Publish version ${version - 1} first.`,
          },
        },
      ]);
  }
  return saveVersion(deps, actor, documentOf(f), 'published', f, head, 'framework.publish');
}
