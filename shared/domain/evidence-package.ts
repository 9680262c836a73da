/**
 * The evidence package (docs/dossier.md): which files go where, decided once from one reading. Every counted
 * evidence (the cycle's policy; quarantined, rejected and binned never) is stored once, under its first
 * criterion in framework order, in `<area code> <area title>/<criterion code> <criterion title>/`, named from
 * its number and title; it is listed under every other criterion it proves in the manifests and index.html.
 * Names are NFC, Windows-safe and unique (case-insensitively). Pure: the worker streams the bytes.
 */
import { criterionFolder, evidenceFileName } from './dossier.ts';
import type { Evidence } from './evidence.ts';
import type { FrameworkNode } from './framework.ts';
import { objectKeys } from './object-keys.ts';
import { uniqueNames } from './zip-writer.ts';

type Counted = Pick<
  Evidence,
  'evidenceId' | 'cycleId' | 'entityId' | 'criterionCodes' | 'state' | 'documentNumber' | 'title' | 'files'
> &
  Partial<Pick<Evidence, 'unitId'>>;

const counts = (state: string, policy: 'available' | 'accepted') =>
  policy === 'accepted' ? state === 'accepted' : state === 'available' || state === 'accepted';

export interface PlacedFile {
  evidenceId: string;
  fileId: string;
  revision: number;
  path: string;
  key: string;
  size: number;
  sha256?: string;
}

/**
 * Every counted evidence's files and their paths in the package, in a stable order (the first criterion's
 * framework order, then the evidence id, then the file order). The score table names the first path.
 */
export function packagePaths(
  leaves: readonly Pick<FrameworkNode, 'code' | 'title'>[],
  areaOf: (code: string) => Pick<FrameworkNode, 'code' | 'title'> | undefined,
  evidence: readonly Counted[],
  policy: 'available' | 'accepted',
): { files: PlacedFile[]; byEvidence: Map<string, PlacedFile[]>; firstCode: Map<string, string> } {
  const order = new Map(leaves.map((n, i) => [n.code, i]));
  const placed: { e: Counted; first: string; rank: number }[] = [];
  for (const e of evidence) {
    if (!counts(e.state, policy)) continue;
    const first = [...e.criterionCodes]
      .filter((c) => order.has(c))
      .sort((a, b) => order.get(a)! - order.get(b)!)[0];
    if (first) placed.push({ e, first, rank: order.get(first)! });
  }
  placed.sort(
    (a, b) =>
      a.rank - b.rank || (a.e.evidenceId < b.e.evidenceId ? -1 : a.e.evidenceId > b.e.evidenceId ? 1 : 0),
  );
  const raw: Omit<PlacedFile, 'path'>[] = [];
  const rawPaths: string[] = [];
  for (const { e, first } of placed) {
    const node = leaves[order.get(first)!]!;
    const area = areaOf(first);
    const folder = criterionFolder(area ? { code: area.code, title: area.title.vi } : undefined, {
      code: node.code,
      title: node.title.vi,
    });
    const files = (e.files ?? []).filter((f) => f.current);
    files.forEach((f, i) => {
      const cur = f.current!;
      rawPaths.push(`${folder}${evidenceFileName(e, cur.fileName, i)}`);
      raw.push({
        evidenceId: e.evidenceId,
        fileId: f.fileId,
        revision: cur.revision,
        key: objectKeys.evidenceFile({
          cycleId: e.cycleId,
          entityId: e.entityId,
          evidenceId: e.evidenceId,
          fileId: f.fileId,
          revision: cur.revision,
        }),
        size: cur.sizeBytes ?? 0,
        ...(cur.sha256 ? { sha256: cur.sha256 } : {}),
      });
    });
  }
  const unique = uniqueNames(rawPaths);
  const files = raw.map((f, i) => ({ ...f, path: unique[i]! }));
  const byEvidence = new Map<string, PlacedFile[]>();
  for (const f of files) {
    const list = byEvidence.get(f.evidenceId);
    if (list) list.push(f);
    else byEvidence.set(f.evidenceId, [f]);
  }
  return { files, byEvidence, firstCode: new Map(placed.map((p) => [p.e.evidenceId, p.first])) };
}

// ——— The plan the worker follows, stored in its checkpoint so every run writes the same archive ———

export interface PackageEntry {
  path: string;
  size: number;
  /** An object in the bucket (evidence, the score table, the report), or a file generated from the plan. */
  source: { kind: 'object'; key: string } | { kind: 'manifest-csv' | 'manifest-json' | 'index' };
  sha256?: string;
  evidenceId?: string;
  revision?: number;
  criteria?: string[];
  unitId?: string;
}

export interface PackagePlan {
  readAt: string;
  entityName: string;
  cycleName: string;
  /** Evidence files, in package order. */
  files: PackageEntry[];
  /** The score table and the report, at the root. */
  root: PackageEntry[];
  /** Criteria in framework order with their area, for index.html. */
  criteria: { code: string; title: string; areaCode: string; areaTitle: string }[];
}

export interface PlanInput {
  readAt: string;
  entityName: string;
  cycleName: string;
  leaves: readonly Pick<FrameworkNode, 'code' | 'title'>[];
  areaOf: (code: string) => Pick<FrameworkNode, 'code' | 'title'> | undefined;
  evidence: readonly Counted[];
  policy: 'available' | 'accepted';
  root: { path: string; key: string; size: number; sha256: string }[];
}

export function packagePlan(input: PlanInput): PackagePlan {
  const { files } = packagePaths(input.leaves, input.areaOf, input.evidence, input.policy);
  const byId = new Map(input.evidence.map((e) => [e.evidenceId, e]));
  const inTree = new Set(input.leaves.map((n) => n.code));
  return {
    readAt: input.readAt,
    entityName: input.entityName,
    cycleName: input.cycleName,
    files: files.map((f) => {
      const e = byId.get(f.evidenceId)!;
      return {
        path: f.path,
        size: f.size,
        source: { kind: 'object' as const, key: f.key },
        ...(f.sha256 ? { sha256: f.sha256 } : {}),
        evidenceId: f.evidenceId,
        revision: f.revision,
        criteria: e.criterionCodes.filter((c) => inTree.has(c)),
        ...(e.unitId ? { unitId: e.unitId } : {}),
      };
    }),
    root: input.root.map((r) => ({
      path: r.path,
      size: r.size,
      sha256: r.sha256,
      source: { kind: 'object' as const, key: r.key },
    })),
    criteria: input.leaves.map((n) => {
      const area = input.areaOf(n.code);
      return { code: n.code, title: n.title.vi, areaCode: area?.code ?? '', areaTitle: area?.title.vi ?? '' };
    }),
  };
}

// ——— Generated files ———

const csvCell = (v: string | number | undefined) => {
  const s = v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function manifestCsv(plan: PackagePlan): Uint8Array {
  const head = ['path', 'bytes', 'sha256', 'evidenceId', 'revision', 'criteria', 'unit', 'readAt'];
  const rows = [...plan.root, ...plan.files].map((f) =>
    [f.path, f.size, f.sha256, f.evidenceId, f.revision, (f.criteria ?? []).join(';'), f.unitId, plan.readAt]
      .map(csvCell)
      .join(','),
  );
  // A BOM so Excel opens the Vietnamese names as UTF-8.
  return Buffer.from(`\uFEFF${[head.join(','), ...rows].join('\r\n')}\r\n`, 'utf8');
}

export function manifestJson(plan: PackagePlan): Uint8Array {
  return Buffer.from(
    `${JSON.stringify(
      {
        entity: plan.entityName,
        cycle: plan.cycleName,
        readAt: plan.readAt,
        files: [...plan.root, ...plan.files].map((f) => ({
          path: f.path,
          bytes: f.size,
          sha256: f.sha256 ?? null,
          evidenceId: f.evidenceId ?? null,
          revision: f.revision ?? null,
          criteria: f.criteria ?? [],
          unit: f.unitId ?? null,
        })),
      },
      null,
      2,
    )}\n`,
    'utf8',
  );
}

const html = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const href = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** A page that opens offline from the unpacked folder and links every file under each criterion it proves. */
export function indexHtml(plan: PackagePlan): Uint8Array {
  const byCriterion = new Map<string, PackageEntry[]>();
  for (const f of plan.files)
    for (const c of f.criteria ?? []) {
      const list = byCriterion.get(c);
      if (list) list.push(f);
      else byCriterion.set(c, [f]);
    }
  const lines: string[] = [
    '<!doctype html>',
    '<html lang="vi"><head><meta charset="utf-8">',
    `<title>Hồ sơ tự đánh giá — ${html(plan.entityName)}</title>`,
    '<style>body{font-family:"Times New Roman",serif;max-width:60rem;margin:2rem auto;padding:0 1rem}h2{margin-top:1.5rem}li{margin:.2rem 0}.muted{color:#555}</style>',
    '</head><body>',
    `<h1>Hồ sơ tự đánh giá — ${html(plan.entityName)}</h1>`,
    `<p class="muted">${html(plan.cycleName)} · số liệu đọc lúc ${html(plan.readAt)}</p>`,
    '<ul>',
    ...plan.root.map((r) => `<li><a href="${href(r.path)}">${html(r.path)}</a></li>`),
    '<li><a href="manifest.csv">manifest.csv</a> · <a href="manifest.json">manifest.json</a> (đường dẫn, dung lượng, SHA-256)</li>',
    '</ul>',
  ];
  let area = '';
  for (const c of plan.criteria) {
    if (c.areaCode !== area) {
      if (area) lines.push('</ul>');
      area = c.areaCode;
      lines.push(`<h2>${html(`${c.areaCode} ${c.areaTitle}`)}</h2>`, '<ul>');
    }
    const files = byCriterion.get(c.code) ?? [];
    lines.push(
      `<li><strong>${html(c.code)}</strong> ${html(c.title)}${files.length ? '' : ' <span class="muted">— chưa có tài liệu</span>'}`,
    );
    if (files.length)
      lines.push(
        '<ul>',
        ...files.map(
          (f) => `<li><a href="${href(f.path)}">${html(f.path.slice(f.path.lastIndexOf('/') + 1))}</a></li>`,
        ),
        '</ul>',
      );
    lines.push('</li>');
  }
  if (area) lines.push('</ul>');
  lines.push('</body></html>', '');
  return Buffer.from(lines.join('\n'), 'utf8');
}

/** The bytes of a generated entry. */
export function generated(plan: PackagePlan, kind: 'manifest-csv' | 'manifest-json' | 'index'): Uint8Array {
  return kind === 'manifest-csv'
    ? manifestCsv(plan)
    : kind === 'manifest-json'
      ? manifestJson(plan)
      : indexHtml(plan);
}

/** Every entry of the archive in order: root files, the manifests and index, then the evidence tree. */
export function packageEntries(plan: PackagePlan): PackageEntry[] {
  const gen = (path: string, kind: 'manifest-csv' | 'manifest-json' | 'index'): PackageEntry => ({
    path,
    size: generated(plan, kind).length,
    source: { kind },
  });
  return [
    ...plan.root,
    gen('manifest.csv', 'manifest-csv'),
    gen('manifest.json', 'manifest-json'),
    gen('index.html', 'index'),
    ...plan.files,
  ];
}
