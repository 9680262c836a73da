/**
 * In-memory ports and a small organisation for the reminder tests: one Sở with three units, a framework of
 * four criteria, two assignments, users of every role. The outbox fake keeps the conditional semantics of
 * the DynamoDB adapter (put-if-absent, update-if-version); the integration test checks the real one.
 */
import type { Assignment } from '#domain/assignment.ts';
import { type Cycle, DEFAULT_REMINDER_POLICY, DEFAULT_UPLOAD_LIMITS } from '#domain/cycle.ts';
import type { Evidence } from '#domain/evidence.ts';
import type { Framework } from '#domain/framework.ts';
import type { Entity, Unit } from '#domain/organization.ts';
import type { OutboxMessage, ProviderEventType, ProviderRecord } from '#domain/outbox.ts';
import type { UserProfile } from '#domain/user.ts';
import type { OutboxRepository, OutgoingMail, Page, ProviderRecordRepository } from '#ports.ts';
import type { ReminderDeps } from '#usecases/reminders.ts';

export const ENTITY: Entity = {
  entityId: 'so-a',
  type: 'so',
  name: { vi: 'Sở Khoa học và Công nghệ', en: 'Department of Science and Technology' },
  province: 'Ninh Thuận',
};
export const OTHER_ENTITY: Entity = {
  entityId: 'so-b',
  type: 'so',
  name: { vi: 'Sở Tư pháp', en: 'Department of Justice' },
  province: 'Khánh Hòa',
};

export const UNITS: Unit[] = [
  { unitId: 'phong-a', entityId: 'so-a', name: { vi: 'Phòng Quản lý Công nghệ', en: 'Technology Division' } },
  {
    unitId: 'phong-b',
    entityId: 'so-a',
    name: { vi: 'Phòng Kế hoạch – Tài chính', en: 'Planning Division' },
  },
  { unitId: 'ban-gd', entityId: 'so-a', name: { vi: 'Ban Giám đốc', en: 'Board of Directors' } },
];

export const FRAMEWORK: Framework = {
  frameworkId: 'par-test',
  version: 1,
  name: { vi: 'Bộ chỉ số thử', en: 'Test index' },
  index: 'par',
  years: { from: 2025 },
  provenance: 'sample',
  status: 'published',
  aggregation: 'sum',
  bands: [],
  nodes: [
    {
      code: '1',
      title: { vi: 'Chỉ đạo, điều hành', en: 'Direction' },
      maxPoints: 6,
      method: 'evidence',
      slots: [],
    },
    {
      code: '1.1',
      title: { vi: 'Kế hoạch cải cách hành chính năm', en: 'Annual PAR plan' },
      maxPoints: 3,
      method: 'evidence',
      slots: [{ kind: 'ke-hoach', label: { vi: 'Kế hoạch CCHC năm', en: 'Annual PAR plan' }, minCount: 1 }],
    },
    {
      code: '1.2',
      title: { vi: 'Báo cáo định kỳ', en: 'Periodic reports' },
      maxPoints: 3,
      method: 'evidence',
      slots: [{ kind: 'bao-cao', label: { vi: 'Báo cáo quý', en: 'Quarterly report' }, minCount: 2 }],
    },
    {
      code: '2',
      title: { vi: 'Thủ tục hành chính', en: 'Procedures' },
      maxPoints: 4,
      method: 'evidence',
      slots: [],
    },
    {
      code: '2.1',
      title: { vi: 'Công khai thủ tục hành chính', en: 'Publication of procedures' },
      maxPoints: 4,
      method: 'evidence',
      slots: [],
    },
  ],
} as Framework;

export const CYCLE: Cycle = {
  cycleId: 'cycle-2025',
  year: 2025,
  name: { vi: 'Đánh giá CCHC năm 2025', en: 'PAR assessment 2025' },
  frameworkId: FRAMEWORK.frameworkId,
  frameworkVersion: 1,
  trackedFrameworks: [],
  entityIds: [ENTITY.entityId],
  dates: {
    evidenceDue: '2025-04-22',
    selfAssessmentDue: '2025-05-15',
    appraisalStart: '2025-05-20',
    appraisalEnd: '2025-06-15',
    publication: '2025-07-01',
  },
  evidencePolicy: 'available',
  reminderPolicy: DEFAULT_REMINDER_POLICY,
  uploadLimits: DEFAULT_UPLOAD_LIMITS,
  timeZone: 'Asia/Ho_Chi_Minh',
  status: 'open',
  version: 1,
  createdAt: '2025-01-02T01:00:00.000Z',
  createdBy: 'seed',
};

const assignment = (
  a: Partial<Assignment> & Pick<Assignment, 'assignmentId' | 'unitId' | 'dueDate' | 'title'>,
) =>
  ({
    cycleId: CYCLE.cycleId,
    entityId: ENTITY.entityId,
    criteria: [],
    version: 1,
    createdAt: '2025-01-02T01:00:00.000Z',
    createdBy: 'seed',
    ...a,
  }) as Assignment;

/** A1 (unit A, due Tuesday 22/04/2025: its 3-day step falls on a Saturday) covers area 1. */
export const A1 = assignment({
  assignmentId: 'KH-01',
  unitId: 'phong-a',
  title: 'Xây dựng kế hoạch và báo cáo CCHC',
  dueDate: '2025-04-22',
  criteria: [{ frameworkId: FRAMEWORK.frameworkId, code: '1' }],
});
/** B1 (unit B, due Monday 21/04/2025: its 14-day step falls on Giỗ Tổ, Monday 07/04). */
export const B1 = assignment({
  assignmentId: 'KH-02',
  unitId: 'phong-b',
  title: 'Công khai thủ tục hành chính',
  dueDate: '2025-04-21',
  criteria: [
    { frameworkId: FRAMEWORK.frameworkId, code: '2.1' },
    // A tracked framework's criterion: no completion facts, never reminded by itself.
    { frameworkId: 'papi', code: '3' },
  ],
});

const user = (u: Partial<UserProfile> & Pick<UserProfile, 'userId' | 'role' | 'name'>): UserProfile => ({
  email: `${u.userId}@so-a.gov.vn`,
  enabled: true,
  createdAt: '2025-01-02T01:00:00.000Z',
  updatedAt: '2025-01-02T01:00:00.000Z',
  version: 1,
  ...u,
});

export const USERS: UserProfile[] = [
  user({ userId: 'ma1', role: 'member', name: 'Phạm Thị Hương', entityId: 'so-a', unitId: 'phong-a' }),
  user({
    userId: 'ma2',
    role: 'member',
    name: 'John Nguyễn',
    entityId: 'so-a',
    unitId: 'phong-a',
    locale: 'en',
  }),
  user({ userId: 'mb', role: 'member', name: 'Lê Văn Bình', entityId: 'so-a', unitId: 'phong-b' }),
  user({ userId: 'la', role: 'leader', name: 'Trần Quốc Anh', entityId: 'so-a', unitId: 'phong-a' }),
  user({ userId: 'ld', role: 'leader', name: 'Đỗ Thị Giám Đốc', entityId: 'so-a', unitId: 'ban-gd' }),
  user({
    userId: 'off',
    role: 'member',
    name: 'Nghỉ Việc',
    entityId: 'so-a',
    unitId: 'phong-a',
    enabled: false,
  }),
  user({ userId: 'admin', role: 'admin', name: 'Nguyễn Văn Quản Trị' }),
  user({
    userId: 'admin-kh',
    role: 'admin',
    name: 'Admin Khánh Hòa',
    scope: { kind: 'province', province: 'Khánh Hòa' },
  }),
  user({ userId: 'rev', role: 'reviewer', name: 'Thẩm Định' }),
];

export function evidenceItem(id: string, codes: string[], documentType: string): Evidence {
  return {
    evidenceId: id,
    cycleId: CYCLE.cycleId,
    entityId: ENTITY.entityId,
    title: id,
    documentType,
    criterionCodes: codes,
    unconfirmedCodes: [],
    state: 'available',
    files: [],
    uploadedBy: 'ma1',
    createdAt: '2025-04-01T01:00:00.000Z',
    updatedAt: '2025-04-01T01:00:00.000Z',
    version: 1,
  } as unknown as Evidence;
}

export interface ScoreRow {
  criterionCode: string;
  selfScore?: number;
  explanation?: string;
  appraisedScore?: number;
  state?: 'changes_requested' | 'accepted' | 'submitted';
  reviewerComment?: string;
}

export class MemoryOutbox implements OutboxRepository {
  readonly rows = new Map<string, OutboxMessage>();
  /** Throws once from the next `update` (a crash between recording and sending). */
  crashOnNextUpdate = false;
  async record(m: OutboxMessage) {
    const k = `${m.date}|${m.key}`;
    const existing = this.rows.get(k);
    if (existing) return { created: false as const, existing: structuredClone(existing) };
    this.rows.set(k, structuredClone(m));
    return { created: true as const };
  }
  async get(date: string, key: string) {
    const m = this.rows.get(`${date}|${key}`);
    return m ? structuredClone(m) : undefined;
  }
  async update(date: string, key: string, expectedVersion: number, patch: Partial<OutboxMessage>) {
    if (this.crashOnNextUpdate) {
      this.crashOnNextUpdate = false;
      throw new Error('process died');
    }
    const m = this.rows.get(`${date}|${key}`);
    if (!m || m.version !== expectedVersion) return false;
    this.rows.set(`${date}|${key}`, { ...m, ...patch, version: m.version + 1 });
    return true;
  }
  async listByDate(date: string): Promise<Page<OutboxMessage>> {
    return { items: [...this.rows.values()].filter((m) => m.date === date).map((m) => structuredClone(m)) };
  }
  all(): OutboxMessage[] {
    return [...this.rows.values()];
  }
}

/** The mail provider's records by correlation tags (SES events in AWS, the local mailbox locally). */
export class MemoryProviderRecords implements ProviderRecordRepository {
  readonly rows = new Map<string, ProviderRecord>();
  async note(
    date: string,
    key: string,
    event: { type: ProviderEventType; at: string; providerMessageId?: string },
  ) {
    const r = this.rows.get(`${date}|${key}`) ?? { date, key, events: {} };
    r.events[event.type] ??= event.at;
    r.providerMessageId ??= event.providerMessageId;
    this.rows.set(`${date}|${key}`, r);
  }
  async get(date: string, key: string) {
    const r = this.rows.get(`${date}|${key}`);
    return r ? structuredClone(r) : undefined;
  }
}

export interface World {
  deps: ReminderDeps;
  now: { value: Date };
  sent: OutgoingMail[];
  hooks: { sendBehaviour?: (mail: OutgoingMail) => void };
  webhookCalls: { body: string; key: string }[];
  outbox: MemoryOutbox;
  providerRecords: MemoryProviderRecords;
  evidence: Evidence[];
  scores: ScoreRow[];
  cycle: Cycle;
  assignments: Assignment[];
  users: UserProfile[];
}

const page = <T>(items: T[]): Page<T> => ({ items });

export function makeWorld(opts: { webhook?: boolean; cycle?: Partial<Cycle> } = {}): World {
  const now = { value: new Date('2025-03-23T01:00:00Z') };
  const sent: OutgoingMail[] = [];
  const webhookCalls: { body: string; key: string }[] = [];
  const hooks: World['hooks'] = {};
  const outbox = new MemoryOutbox();
  const providerRecords = new MemoryProviderRecords();
  const world = {
    providerRecords,
    now,
    sent,
    hooks,
    webhookCalls,
    outbox,
    evidence: [],
    scores: [],
    cycle: { ...CYCLE, ...opts.cycle },
    assignments: [A1, B1],
    users: structuredClone(USERS),
  } as unknown as World;
  let ids = 0;
  const deps: ReminderDeps = {
    clock: { now: () => now.value },
    ids: { next: () => `MSG${String(++ids).padStart(6, '0')}` },
    appUrl: 'https://minhchung.example.vn',
    webhookConfigured: Boolean(opts.webhook),
    cycles: {
      get: async (id) => (id === world.cycle.cycleId ? world.cycle : undefined),
      list: async () => page([world.cycle]),
      create: async () => {},
      update: async () => {},
    },
    organizations: {
      getEntity: async (id) => [ENTITY, OTHER_ENTITY].find((e) => e.entityId === id),
      listUnits: async (id) => UNITS.filter((u) => u.entityId === id),
      getProvince: async () => undefined,
      listEntities: async () => page([ENTITY, OTHER_ENTITY]),
    },
    frameworks: {
      get: async (id, v) => (id === FRAMEWORK.frameworkId && v === 1 ? FRAMEWORK : undefined),
    } as ReminderDeps['frameworks'],
    assignments: {
      listAll: async (c, e) => world.assignments.filter((a) => a.cycleId === c && a.entityId === e),
    } as ReminderDeps['assignments'],
    evidence: {
      listByEntity: async (c, e) => world.evidence.filter((x) => x.cycleId === c && x.entityId === e),
    } as ReminderDeps['evidence'],
    scores: { listByEntity: async () => structuredClone(world.scores) } as unknown as ReminderDeps['scores'],
    submissions: { listByEntity: async () => [], save: async () => {} },
    users: { list: async () => page(world.users) } as unknown as ReminderDeps['users'],
    outbox,
    providerRecords,
    mailer: {
      send: async (mail) => {
        hooks.sendBehaviour?.(mail);
        sent.push(mail);
        return { providerMessageId: `ses-${sent.length}` };
      },
    },
    webhook: opts.webhook
      ? {
          send: async (body, key) => {
            webhookCalls.push({ body, key });
            return { providerMessageId: `hook-${webhookCalls.length}` };
          },
        }
      : undefined,
  };
  world.deps = deps;
  return world;
}

/** 08:00 in Hồ Chí Minh City on a local date. */
export const at8 = (date: string) => new Date(`${date}T01:00:00Z`);
