/**
 * Fixtures for the use-case unit tests: a small organisation (two provinces, three entities, units), the
 * bundled PAR framework, a cycle, users, and in-memory ports with the adapters' conditional-write contract
 * (stale version → ConflictError, append-only audit). The clock is pinned; ids count up.
 */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { createMemoryAdapters, type MemoryAdapterOptions } from '#adapters/memory/index.ts';
import type { Actor } from '#domain/actor.ts';
import type { Assignment } from '#domain/assignment.ts';
import { type Cycle, DEFAULT_REMINDER_POLICY, DEFAULT_UPLOAD_LIMITS } from '#domain/cycle.ts';
import { ConflictError } from '#domain/errors.ts';
import type { Evidence, EvidenceRevision } from '#domain/evidence.ts';
import type { Framework } from '#domain/framework.ts';
import { frameworkLabelOf } from '#domain/framework-label.ts';
import type { Entity, Province, Unit } from '#domain/organization.ts';
import type { ReportTexts } from '#domain/report.ts';
import type { UserProfile } from '#domain/user.ts';
import { loadBundledFramework } from '#infra/local/bundled-frameworks.ts';
import type {
  AssignmentRepository,
  AuditEntry,
  AuditRepository,
  Clock,
  CycleRepository,
  FrameworkHead,
  FrameworkRepository,
  IdGenerator,
  OrganizationRepository,
  Page,
  ReportTextsRepository,
  UserDirectory,
  UserRepository,
} from '#ports.ts';

export const NOW = '2026-03-02T03:00:00.000Z';

const clone = <T>(x: T): T => (x === undefined ? x : structuredClone(x));
export const pageOf = <T>(all: readonly T[], limit: number, cursor?: string): Page<T> => {
  const start = cursor ? Number(cursor) : 0;
  const items = all.slice(start, start + limit).map(clone);
  return { items, ...(start + limit < all.length ? { next: String(start + limit) } : {}) };
};

export function fixedClock(iso = NOW): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return {
    now: () => new Date(now),
    set: (next) => {
      now = new Date(next);
    },
  };
}

export function sequentialIds(prefix = '01J'): IdGenerator {
  let n = 0;
  return { next: () => `${prefix}${String(++n).padStart(23, '0')}` };
}

export const PROVINCES: Province[] = [
  { provinceId: 'khanh-hoa', name: { vi: 'Khánh Hòa', en: 'Khanh Hoa' } },
  { provinceId: 'ha-noi', name: { vi: 'Hà Nội', en: 'Ha Noi' } },
];
export const ENTITIES: Entity[] = [
  {
    entityId: 'so-a',
    type: 'so',
    name: { vi: 'Sở Khoa học và Công nghệ', en: 'Department of Science' },
    province: 'Khánh Hòa',
    provinceId: 'khanh-hoa',
  },
  {
    entityId: 'so-b',
    type: 'so',
    name: { vi: 'Sở Tư pháp', en: 'Department of Justice' },
    province: 'Khánh Hòa',
    provinceId: 'khanh-hoa',
  },
  {
    entityId: 'so-hn',
    type: 'so',
    name: { vi: 'Sở Nội vụ Hà Nội', en: 'Ha Noi Home Affairs' },
    province: 'Hà Nội',
    provinceId: 'ha-noi',
  },
];
export const UNITS: Unit[] = [
  { unitId: 'phong-1', entityId: 'so-a', name: { vi: 'Văn phòng', en: 'Office' } },
  { unitId: 'phong-2', entityId: 'so-a', name: { vi: 'Phòng Kế hoạch', en: 'Planning' } },
  { unitId: 'phong-b1', entityId: 'so-b', name: { vi: 'Văn phòng Sở Tư pháp', en: 'Office' } },
];

const bundled = loadBundledFramework('par-so-mau');
/** The bundled PAR framework for departments (par-so-mau), published. */
export const parFramework = (): Framework => ({
  ...clone(bundled),
  status: 'published',
  revision: 2,
  publishedAt: '2026-01-02T00:00:00.000Z',
  publishedBy: 'u-admin',
});

export const cycleOf = (p: Partial<Cycle> = {}): Cycle => {
  const f = parFramework();
  return {
    cycleId: 'c-2026',
    year: 2026,
    name: { vi: 'Kỳ đánh giá 2026', en: '2026 cycle' },
    frameworkId: f.frameworkId,
    frameworkVersion: f.version,
    trackedFrameworks: [],
    entityIds: ['so-a', 'so-b', 'so-hn'],
    dates: {
      evidenceDue: '2026-06-30',
      selfAssessmentDue: '2026-07-15',
      appraisalStart: '2026-07-20',
      appraisalEnd: '2026-08-30',
      publication: '2026-09-30',
    },
    evidencePolicy: 'available',
    reminderPolicy: DEFAULT_REMINDER_POLICY,
    uploadLimits: DEFAULT_UPLOAD_LIMITS,
    timeZone: 'Asia/Ho_Chi_Minh',
    status: 'open',
    version: 1,
    createdAt: '2026-01-05T00:00:00.000Z',
    createdBy: 'u-admin',
    ...p,
  };
};

export const profileOf = (p: Partial<UserProfile> & Pick<UserProfile, 'userId'>): UserProfile => ({
  email: `${p.userId}@so.gov.vn`,
  name: `Người dùng ${p.userId}`,
  role: 'member',
  entityId: 'so-a',
  unitId: 'phong-1',
  enabled: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
  ...p,
});

/** Actors of the usual roles; `admin`/`reviewer` reach everything unless a scope is given. */
export const actors = {
  admin: { userId: 'u-admin', role: 'admin', name: 'Quản trị' } as Actor,
  adminKH: {
    userId: 'u-admin-kh',
    role: 'admin',
    name: 'Quản trị Khánh Hòa',
    scope: { kind: 'province', province: 'Khánh Hòa' },
  } as Actor,
  reviewer: { userId: 'u-reviewer', role: 'reviewer', name: 'Thẩm định' } as Actor,
  reviewerHN: {
    userId: 'u-reviewer-hn',
    role: 'reviewer',
    scope: { kind: 'province', province: 'Hà Nội' },
  } as Actor,
  leaderA: { userId: 'u-leader-a', role: 'leader', entityId: 'so-a', unitId: 'phong-1' } as Actor,
  leaderB: { userId: 'u-leader-b', role: 'leader', entityId: 'so-b', unitId: 'phong-b1' } as Actor,
  memberA1: { userId: 'u-member-a1', role: 'member', entityId: 'so-a', unitId: 'phong-1' } as Actor,
  memberA2: { userId: 'u-member-a2', role: 'member', entityId: 'so-a', unitId: 'phong-2' } as Actor,
};

export interface World {
  provinces: Province[];
  entities: Entity[];
  units: Unit[];
  cycles: Map<string, Cycle>;
  frameworks: Map<string, Framework>;
  heads: Map<string, FrameworkHead>;
  users: Map<string, UserProfile>;
  assignments: Assignment[];
  reports: Map<string, ReportTexts>;
  audit: AuditEntry[];
  /** Calls the identity provider received, in order. */
  directoryCalls: [string, ...unknown[]][];
  /** TOTP state the identity provider reports, by e-mail. */
  mfa: Map<string, boolean>;
}

export function world(): World {
  const f = parFramework();
  return {
    provinces: clone(PROVINCES),
    entities: clone(ENTITIES),
    units: clone(UNITS),
    cycles: new Map([['c-2026', cycleOf()]]),
    frameworks: new Map([[`${f.frameworkId}@${f.version}`, f]]),
    heads: new Map(),
    users: new Map(),
    assignments: [],
    reports: new Map(),
    audit: [],
    directoryCalls: [],
    mfa: new Map(),
  };
}

const conflict = (current: unknown) => new ConflictError({ vi: 'xung đột', en: 'conflict' }, clone(current));

/** In-memory ports over a world: every write checks its expected version and appends its audit entry. */
export function memoryPorts(
  w: World,
  clock: ReturnType<typeof fixedClock> = fixedClock(),
  ids: IdGenerator = sequentialIds(),
) {
  const addAudit = (a: AuditEntry) => {
    if (w.audit.some((x) => x.auditId === a.auditId)) throw new Error('audit entries are written once');
    w.audit.push(clone(a));
  };
  const org: OrganizationRepository = {
    getEntity: async (id) => clone(w.entities.find((e) => e.entityId === id)),
    listUnits: async (id) => w.units.filter((u) => u.entityId === id).map(clone),
    getProvince: async (id) => clone(w.provinces.find((p) => p.provinceId === id)),
    listEntities: async (provinceId, limit, cursor) =>
      pageOf(
        w.entities.filter((e) => e.provinceId === provinceId),
        limit,
        cursor,
      ),
  };
  const cycles: CycleRepository = {
    get: async (id) => clone(w.cycles.get(id)),
    list: async (limit, cursor) => pageOf([...w.cycles.values()], limit, cursor),
    async create(cycle, audit) {
      if (w.cycles.has(cycle.cycleId)) throw conflict(w.cycles.get(cycle.cycleId));
      w.cycles.set(cycle.cycleId, clone(cycle));
      addAudit(audit);
    },
    async update(cycle, expected, audit) {
      const current = w.cycles.get(cycle.cycleId);
      if (current?.version !== expected) throw conflict(current);
      w.cycles.set(cycle.cycleId, clone(cycle));
      addAudit(audit);
    },
  };
  const frameworks: FrameworkRepository = {
    get: async (id, version) => clone(w.frameworks.get(`${id}@${version}`)),
    getHead: async (id) => clone(w.heads.get(id)),
    getLabel: async (id, version) => {
      const f = w.frameworks.get(`${id}@${version}`);
      return f && frameworkLabelOf(clone(f));
    },
    listHeads: async (limit, cursor) => pageOf([...w.heads.values()], limit, cursor),
    listVersions: async (id, limit, cursor) =>
      pageOf(
        [...w.frameworks.values()]
          .filter((f) => f.frameworkId === id)
          .map(({ nodes, mapping: _m, bands: _b, ...rest }) => ({ ...rest, nodeCount: nodes.length })),
        limit,
        cursor,
      ),
    async save(framework, head, expected, audit) {
      const key = `${framework.frameworkId}@${framework.version}`;
      const stored = w.frameworks.get(key);
      const storedHead = w.heads.get(framework.frameworkId);
      const versionOk =
        expected.revision === undefined
          ? !stored
          : stored?.status === 'draft' && stored.revision === expected.revision;
      if (!versionOk || storedHead?.revision !== expected.headRevision) throw conflict(stored);
      w.frameworks.set(key, clone(framework));
      w.heads.set(framework.frameworkId, clone(head));
      addAudit(audit);
    },
  };
  const users: UserRepository = {
    get: async (id) => clone(w.users.get(id)),
    findByEmail: async (email) => clone([...w.users.values()].find((u) => u.email === email)),
    list: async (filter, limit, cursor) =>
      pageOf(
        [...w.users.values()].filter((u) => !filter.entityId || u.entityId === filter.entityId),
        limit,
        cursor,
      ),
    async create(user, audit) {
      if (w.users.has(user.userId)) throw conflict(w.users.get(user.userId));
      w.users.set(user.userId, clone(user));
      addAudit(audit);
    },
    async update(user, expected, audit) {
      if (w.users.get(user.userId)?.version !== expected) return false;
      w.users.set(user.userId, clone(user));
      addAudit(audit);
      return true;
    },
  };
  let invited = 0;
  const directory: UserDirectory = {
    async invite(u) {
      w.directoryCalls.push(['invite', u.email]);
      return { userId: `idp-${++invited}` };
    },
    async update(email, u) {
      w.directoryCalls.push(['update', email, u.role]);
    },
    async setEnabled(email, enabled) {
      w.directoryCalls.push(['setEnabled', email, enabled]);
    },
    async mfaEnabled(email) {
      return w.mfa.get(email) ?? false;
    },
    async resetMfa(email) {
      w.directoryCalls.push(['resetMfa', email]);
      w.mfa.set(email, false);
    },
  };
  const reports: ReportTextsRepository = {
    get: async (cycleId, entityId) => clone(w.reports.get(`${cycleId}|${entityId}`)),
    async save(texts, expected, audit) {
      const key = `${texts.cycleId}|${texts.entityId}`;
      if (w.reports.get(key)?.version !== expected) throw conflict(w.reports.get(key) ?? null);
      w.reports.set(key, clone(texts));
      addAudit(audit);
    },
  };
  const of = (cycleId: string, entityId: string) =>
    w.assignments.filter((a) => a.cycleId === cycleId && a.entityId === entityId);
  const assignments: AssignmentRepository = {
    get: async (cycleId, entityId, id) => clone(of(cycleId, entityId).find((a) => a.assignmentId === id)),
    listByEntity: async (cycleId, entityId, limit, cursor) => pageOf(of(cycleId, entityId), limit, cursor),
    listByUnit: async (cycleId, entityId, unitId, limit, cursor) =>
      pageOf(
        of(cycleId, entityId)
          .filter((a) => a.unitId === unitId)
          .sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
        limit,
        cursor,
      ),
    listAll: async (cycleId, entityId) => of(cycleId, entityId).map(clone),
    async update(a, expected, audit) {
      const i = w.assignments.findIndex(
        (x) => x.cycleId === a.cycleId && x.entityId === a.entityId && x.assignmentId === a.assignmentId,
      );
      if (w.assignments[i]?.version !== expected) throw conflict(w.assignments[i]);
      w.assignments[i] = clone(a);
      addAudit(audit);
    },
    async createMany(list, auditFor, onProgress) {
      for (let i = 0; i * 99 < list.length; i++) {
        const batch = list.slice(i * 99, i * 99 + 99);
        const exists = (a: Assignment) =>
          of(a.cycleId, a.entityId).some((x) => x.assignmentId === a.assignmentId);
        if (batch.some(exists)) throw conflict(null);
        w.assignments.push(...batch.map(clone));
        addAudit(auditFor(batch, i));
        onProgress?.(Math.min(list.length, (i + 1) * 99), list.length);
      }
    },
  };
  return { org, cycles, frameworks, users, directory, reports, assignments, clock, ids };
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(p: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  const outcome = await p.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) expect.fail(`expected a rejection, got ${JSON.stringify(outcome.value)}`);
  return outcome.error as Error & Record<string, unknown>;
}

export const assignmentOf = (p: Partial<Assignment> & Pick<Assignment, 'assignmentId'>): Assignment => ({
  cycleId: 'c-2026',
  entityId: 'so-a',
  unitId: 'phong-1',
  criteria: [{ frameworkId: 'par-so-mau', code: '1.1' }],
  title: 'Ban hành kế hoạch CCHC năm',
  dueDate: '2026-05-31',
  version: 1,
  createdAt: '2026-01-10T00:00:00.000Z',
  createdBy: 'u-admin',
  ...p,
});

/** An evidence of so-a's phong-1 with one available PDF. */
export const evidenceOf = (p: Partial<Evidence> & Pick<Evidence, 'evidenceId'>): Evidence => ({
  cycleId: 'c-2026',
  entityId: 'so-a',
  unitId: 'phong-1',
  title: 'Kế hoạch CCHC năm 2026',
  criterionCodes: ['1.1'],
  unconfirmedCodes: [],
  state: 'available',
  files: [
    {
      fileId: 'f1',
      latest: {
        revision: 1,
        fileName: 'ke-hoach.pdf',
        kind: 'pdf',
        state: 'available',
        sizeBytes: 1234,
        uploadedBy: 'u-member-a1',
        createdAt: '2026-02-01T00:00:00.000Z',
      },
      current: {
        revision: 1,
        fileName: 'ke-hoach.pdf',
        kind: 'pdf',
        state: 'available',
        sizeBytes: 1234,
        uploadedBy: 'u-member-a1',
        createdAt: '2026-02-01T00:00:00.000Z',
      },
    },
  ],
  uploadedBy: 'u-member-a1',
  createdAt: '2026-02-01T00:00:00.000Z',
  updatedAt: '2026-02-01T00:00:00.000Z',
  version: 1,
  ...p,
});

/**
 * The shared in-memory adapters (shared/adapters/memory) seeded with the organisation, the published PAR
 * framework and the 2026 cycle; the clock starts at NOW. Seeding writes only the global trail.
 */
export async function seededAdapters(opts: MemoryAdapterOptions = {}) {
  const a = createMemoryAdapters({ now: NOW, ...opts });
  for (const p of PROVINCES) a.org.putProvince(p);
  for (const e of ENTITIES) a.org.putEntity(e);
  for (const u of UNITS) a.org.putUnit(u);
  const f = parFramework();
  const seed = (action: string): AuditEntry => ({
    auditId: `seed-${action}`,
    at: NOW,
    actor: { userId: 'seed', role: 'admin' },
    action,
    subject: 'seed',
  });
  await a.frameworks.save(
    f,
    {
      frameworkId: f.frameworkId,
      name: f.name,
      index: f.index,
      provenance: f.provenance,
      latestVersion: f.version,
      latestPublishedVersion: f.version,
      updatedAt: NOW,
      revision: 1,
    },
    {},
    seed('seed.framework'),
  );
  await a.cycles.create(cycleOf(), seed('seed.cycle'));
  return a;
}

/** The entity's audit trail, oldest first. */
export async function trail(a: { audit: AuditRepository }, entityId = 'so-a', cycleId = 'c-2026') {
  const { items } = await a.audit.listByEntity(cycleId, entityId, 'asc', 500);
  return items.filter((e) => !e.action.startsWith('seed.'));
}

/** A small valid PDF (the sniffer knows it by its header). */
export const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n',
);

/** Stores an evidence as finalized (available revision 1 of file f1, its links, its object) without audit noise. */
export async function putEvidence(
  a: Awaited<ReturnType<typeof seededAdapters>>,
  ev: Evidence,
  bytes: Uint8Array = PDF,
) {
  const objectKey = `evidence/${ev.cycleId}/${ev.entityId}/${ev.evidenceId}/f1/1`;
  const revision: EvidenceRevision = {
    cycleId: ev.cycleId,
    entityId: ev.entityId,
    evidenceId: ev.evidenceId,
    fileId: 'f1',
    revision: 1,
    fileName: 'ke-hoach.pdf',
    kind: 'pdf',
    declaredContentType: 'application/pdf',
    declaredSizeBytes: bytes.byteLength,
    objectKey,
    upload: { mode: 'single' },
    state: 'available',
    sizeBytes: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    uploadedBy: ev.uploadedBy,
    createdAt: ev.createdAt,
    finalizedAt: ev.createdAt,
    version: 2,
  };
  await a.store.putObject(objectKey, bytes, 'application/pdf');
  // The evidence's file summaries agree with the stored bytes.
  const facts = { sizeBytes: bytes.byteLength, sha256: revision.sha256 };
  const files = ev.files.map((f) => ({
    ...f,
    latest: { ...f.latest, ...facts },
    ...(f.current ? { current: { ...f.current, ...facts } } : {}),
  }));
  await a.evidence.save({
    evidence: { ...ev, files },
    revisions: [{ revision }],
    putLinks: [...ev.criterionCodes, ...ev.unconfirmedCodes].map((criterionCode) => ({
      evidenceId: ev.evidenceId,
      criterionCode,
      needsConfirmation: ev.unconfirmedCodes.includes(criterionCode),
      linkedBy: ev.uploadedBy,
      linkedAt: ev.createdAt,
    })),
    shaIndex: [{ sha256: revision.sha256!, fileId: 'f1', revision: 1 }],
    audit: {
      auditId: `seed-${ev.evidenceId}`,
      at: ev.createdAt,
      actor: { userId: 'seed', role: 'admin' },
      action: 'seed.evidence',
      subject: `evidence/${ev.evidenceId}`,
    },
  });
  return revision;
}
