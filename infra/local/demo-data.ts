/**
 * The demo the local stack seeds once, and it is the seed plan itself: Sở Khoa học và Công nghệ Ninh Thuận
 * with its four units, the bundled frameworks (data/frameworks/*.json), the 2023 cycle and the plan's
 * 13 tasks as assignments (data/seed/khcn-ninh-thuan-2023.json explains each task → criteria mapping), plus
 * a second department so rankings have something to compare, and one demo user per role and unit.
 * Ids are fixed so seeding is idempotent and links are stable.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Role } from '#domain/actor.ts';
import { type Assignment, newAssignmentSchema, parseTarget } from '#domain/assignment.ts';
import type { Cycle } from '#domain/cycle.ts';
import { DEFAULT_REMINDER_POLICY, DEFAULT_UPLOAD_LIMITS } from '#domain/cycle.ts';
import type { Framework, FrameworkDocument } from '#domain/framework.ts';
import type { Entity, Province, Unit } from '#domain/organization.ts';
import { loadBundledFramework, loadBundledFrameworks } from './bundled-frameworks.ts';

const SEEDED_AT = '2023-07-20T01:00:00.000Z';

export const DEMO_PROVINCE: Province = {
  provinceId: 'ninh-thuan',
  name: { vi: 'Ninh Thuận', en: 'Ninh Thuan' },
};

export const DEMO_ENTITY: Entity = {
  entityId: 'so-khcn-ninh-thuan',
  type: 'so',
  name: { vi: 'Sở Khoa học và Công nghệ Ninh Thuận', en: 'Ninh Thuan Department of Science and Technology' },
  province: 'Ninh Thuận',
  provinceId: DEMO_PROVINCE.provinceId,
};

/** The second department of the cycle: rankings compare the two. */
export const DEMO_OTHER_ENTITY: Entity = {
  entityId: 'so-tttt-ninh-thuan',
  type: 'so',
  name: {
    vi: 'Sở Thông tin và Truyền thông Ninh Thuận',
    en: 'Ninh Thuan Department of Information and Communications',
  },
  province: 'Ninh Thuận',
  provinceId: DEMO_PROVINCE.provinceId,
};

export const DEMO_ENTITIES: Entity[] = [DEMO_ENTITY, DEMO_OTHER_ENTITY];

const unit = (entity: Entity, unitId: string, kind: Unit['kind'], vi: string, en: string): Unit => ({
  unitId,
  entityId: entity.entityId,
  name: { vi, en },
  kind,
});

export const DEMO_UNITS: Unit[] = [
  unit(DEMO_ENTITY, 'van-phong-so', 'van-phong', 'Văn phòng Sở', 'Department Office'),
  unit(DEMO_ENTITY, 'phong-qlcn', 'phong', 'Phòng Quản lý Công nghệ', 'Technology Management Division'),
  unit(DEMO_ENTITY, 'phong-qlkh', 'phong', 'Phòng Quản lý Khoa học', 'Science Management Division'),
  unit(
    DEMO_ENTITY,
    'chi-cuc-tdc',
    'chi-cuc',
    'Chi cục Tiêu chuẩn Đo lường Chất lượng',
    'Sub-department of Standards, Metrology and Quality',
  ),
  unit(DEMO_OTHER_ENTITY, 'tttt-van-phong', 'van-phong', 'Văn phòng Sở', 'Department Office'),
  unit(
    DEMO_OTHER_ENTITY,
    'tttt-phong-bcvt',
    'phong',
    'Phòng Bưu chính, Viễn thông',
    'Post and Telecommunications Division',
  ),
];

/** A bundled framework as the seed stores it: published, first revision. */
const published = (doc: FrameworkDocument): Framework => ({
  ...doc,
  status: 'published',
  revision: 1,
  createdAt: SEEDED_AT,
  createdBy: 'seed',
  publishedAt: SEEDED_AT,
  publishedBy: 'seed',
});

/** The department PAR Index sample (8 areas of Decision 876, 100 points incl. 32 survey points). */
export const DEMO_FRAMEWORK: Framework = published(loadBundledFramework('par-so-mau'));
export const DEMO_FRAMEWORKS: Framework[] = loadBundledFrameworks().map(published);

export const DEMO_CYCLE: Cycle = {
  cycleId: 'cycle-2023',
  year: 2023,
  name: { vi: 'Đánh giá CCHC năm 2023', en: 'PAR assessment 2023' },
  frameworkId: DEMO_FRAMEWORK.frameworkId,
  frameworkVersion: DEMO_FRAMEWORK.version,
  trackedFrameworks: [
    { frameworkId: 'papi', version: 1 },
    { frameworkId: 'sipas', version: 1 },
    { frameworkId: 'pci', version: 1 },
  ],
  entityIds: DEMO_ENTITIES.map((e) => e.entityId),
  dates: {
    evidenceDue: '2023-11-30',
    selfAssessmentDue: '2023-12-15',
    appraisalStart: '2023-12-18',
    appraisalEnd: '2024-01-15',
    publication: '2024-02-28',
  },
  evidencePolicy: 'available',
  reminderPolicy: DEFAULT_REMINDER_POLICY,
  uploadLimits: DEFAULT_UPLOAD_LIMITS,
  timeZone: 'Asia/Ho_Chi_Minh',
  status: 'open',
  version: 1,
  createdAt: SEEDED_AT,
  createdBy: 'seed',
};

interface PlanFile {
  cycleId: string;
  entityId: string;
  source: string;
  tasks: {
    assignmentId: string;
    unitId: string;
    section: string;
    title: string;
    description: string;
    dueDate: string;
    target?: string;
    criteria: string[];
  }[];
}

export const SEED_PLAN_FILE = resolve(import.meta.dirname, '../../data/seed/khcn-ninh-thuan-2023.json');

/** The plan's 13 tasks as assignments; `papi:4.2` names a tracked framework, a bare code the PAR sample. */
export const DEMO_ASSIGNMENTS: Assignment[] = (() => {
  const plan = JSON.parse(readFileSync(SEED_PLAN_FILE, 'utf8')) as PlanFile;
  return plan.tasks.map((t) => {
    const a = newAssignmentSchema.parse({
      assignmentId: t.assignmentId,
      unitId: t.unitId,
      title: t.title,
      description: t.description,
      dueDate: t.dueDate,
      target: t.target ? parseTarget(t.target) : undefined,
      source: `${plan.source}, mục ${t.section}`,
      criteria: t.criteria.map((c) => {
        const [fw, code] = c.includes(':') ? c.split(':') : [DEMO_FRAMEWORK.frameworkId, c];
        return { frameworkId: fw!, code: code! };
      }),
    });
    return {
      ...a,
      assignmentId: t.assignmentId,
      cycleId: plan.cycleId,
      entityId: plan.entityId,
      version: 1,
      createdAt: SEEDED_AT,
      createdBy: 'seed',
    };
  });
})();

export interface DemoUser {
  sub: string;
  email: string;
  name: string;
  role: Role;
  entityId?: string;
  unitId?: string;
  /** Enrolled in TOTP with this base32 secret (admins must be: docs/access.md, "MFA"). */
  totpSecret?: string;
}

/** Local-only password for every demo user (printed by `npm start`; never used in AWS). */
export const DEMO_PASSWORD = 'MinhChung@2026';

/**
 * Local-only TOTP secret of the demo admin, printed by `npm start`; the sign-in page of the local stack shows
 * its current code, and tests compute codes from it (infra/local/totp.ts).
 */
export const DEMO_ADMIN_TOTP_SECRET = 'MINHCHUNGQUANTRIDEMOLOCALONLYXYZ';

const KHCN = DEMO_ENTITY.entityId;
const TTTT = DEMO_OTHER_ENTITY.entityId;

export const DEMO_USERS: DemoUser[] = [
  {
    sub: 'u-admin',
    email: 'admin@minhchung.local',
    name: 'Nguyễn Văn Quản Trị',
    role: 'admin',
    totpSecret: DEMO_ADMIN_TOTP_SECRET,
  },
  { sub: 'u-reviewer', email: 'thamdinh@minhchung.local', name: 'Trần Thị Thẩm Định', role: 'reviewer' },
  {
    sub: 'u-leader',
    email: 'lanhdao@minhchung.local',
    name: 'Lê Văn Lãnh Đạo',
    role: 'leader',
    entityId: KHCN,
    unitId: 'van-phong-so',
  },
  {
    sub: 'u-member',
    email: 'chuyenvien@minhchung.local',
    name: 'Phạm Thị Chuyên Viên',
    role: 'member',
    entityId: KHCN,
    unitId: 'phong-qlcn',
  },
  // One head and one member per unit of the seed plan.
  {
    sub: 'u-leader-qlcn',
    email: 'truongphong.qlcn@minhchung.local',
    name: 'Đặng Văn Công Nghệ',
    role: 'leader',
    entityId: KHCN,
    unitId: 'phong-qlcn',
  },
  {
    sub: 'u-leader-qlkh',
    email: 'truongphong.qlkh@minhchung.local',
    name: 'Võ Thị Khoa Học',
    role: 'leader',
    entityId: KHCN,
    unitId: 'phong-qlkh',
  },
  {
    sub: 'u-member-qlkh',
    email: 'chuyenvien.qlkh@minhchung.local',
    name: 'Huỳnh Văn Nghiên Cứu',
    role: 'member',
    entityId: KHCN,
    unitId: 'phong-qlkh',
  },
  {
    sub: 'u-member-vp',
    email: 'chuyenvien.vp@minhchung.local',
    name: 'Ngô Thị Văn Phòng',
    role: 'member',
    entityId: KHCN,
    unitId: 'van-phong-so',
  },
  {
    sub: 'u-leader-tdc',
    email: 'chicuc.tdc@minhchung.local',
    name: 'Bùi Văn Đo Lường',
    role: 'leader',
    entityId: KHCN,
    unitId: 'chi-cuc-tdc',
  },
  {
    sub: 'u-member-tdc',
    email: 'chuyenvien.tdc@minhchung.local',
    name: 'Đỗ Thị Chất Lượng',
    role: 'member',
    entityId: KHCN,
    unitId: 'chi-cuc-tdc',
  },
  // The second department.
  {
    sub: 'u-leader-tttt',
    email: 'lanhdao.tttt@minhchung.local',
    name: 'Trịnh Văn Truyền Thông',
    role: 'leader',
    entityId: TTTT,
    unitId: 'tttt-van-phong',
  },
  {
    sub: 'u-member-tttt',
    email: 'chuyenvien.tttt@minhchung.local',
    name: 'Lý Thị Bưu Chính',
    role: 'member',
    entityId: TTTT,
    unitId: 'tttt-phong-bcvt',
  },
];
