/**
 * The small demo the local stack seeds once: one assessed entity with two units, a tiny PAR-style framework,
 * an open 2023 cycle, and one demo user per role. Ids are fixed so seeding is idempotent and links are stable.
 * (The full seed plan of Sở KH&CN Ninh Thuận arrives with the frameworks issue.)
 */

import type { Role } from '../../shared/domain/actor.ts';
import type { Cycle } from '../../shared/domain/cycle.ts';
import { DEFAULT_UPLOAD_LIMITS } from '../../shared/domain/cycle.ts';
import type { Framework } from '../../shared/domain/framework.ts';
import type { Entity, Unit } from '../../shared/domain/organization.ts';

export const DEMO_ENTITY: Entity = {
  entityId: 'so-khcn-ninh-thuan',
  type: 'so',
  name: { vi: 'Sở Khoa học và Công nghệ Ninh Thuận', en: 'Ninh Thuan Department of Science and Technology' },
  province: 'Ninh Thuận',
};

export const DEMO_UNITS: Unit[] = [
  {
    unitId: 'van-phong-so',
    entityId: DEMO_ENTITY.entityId,
    name: { vi: 'Văn phòng Sở', en: 'Department Office' },
  },
  {
    unitId: 'phong-qlcn',
    entityId: DEMO_ENTITY.entityId,
    name: { vi: 'Phòng Quản lý Công nghệ', en: 'Technology Management Division' },
  },
];

export const DEMO_FRAMEWORK: Framework = {
  frameworkId: 'par-so-demo',
  version: 1,
  name: { vi: 'Chỉ số CCHC cấp sở (mẫu thu gọn)', en: 'Department PAR Index (small sample)' },
  status: 'published',
  provenance: 'sample',
  bands: [
    { name: 'A', minPercent: 90 },
    { name: 'B', minPercent: 80 },
    { name: 'C', minPercent: 70 },
    { name: 'D', minPercent: 0 },
  ],
  nodes: [
    {
      code: '1',
      title: { vi: 'Công tác chỉ đạo, điều hành CCHC', en: 'Direction and management of PAR' },
      maxPoints: 6,
      method: 'evidence',
      slots: [],
    },
    {
      code: '1.1',
      title: { vi: 'Kế hoạch CCHC năm', en: 'Annual PAR plan' },
      maxPoints: 2,
      method: 'evidence',
      slots: [{ kind: 'ke-hoach', label: { vi: 'Kế hoạch CCHC năm', en: 'Annual PAR plan' }, minCount: 1 }],
    },
    {
      code: '1.2',
      title: { vi: 'Báo cáo CCHC định kỳ', en: 'Periodic PAR reports' },
      maxPoints: 2,
      method: 'evidence',
      slots: [{ kind: 'bao-cao', label: { vi: 'Báo cáo quý', en: 'Quarterly report' }, minCount: 4 }],
    },
    {
      code: '1.3',
      title: { vi: 'Tuyên truyền CCHC', en: 'PAR communication' },
      maxPoints: 2,
      method: 'evidence',
      slots: [],
    },
    {
      code: '2',
      title: { vi: 'Cải cách thủ tục hành chính', en: 'Administrative procedure reform' },
      maxPoints: 4,
      method: 'evidence',
      slots: [],
    },
    {
      code: '2.1',
      title: { vi: 'Công khai thủ tục hành chính', en: 'Publication of administrative procedures' },
      maxPoints: 4,
      method: 'evidence',
      slots: [
        {
          kind: 'quyet-dinh',
          label: { vi: 'Quyết định công bố TTHC', en: 'Procedure publication decision' },
          minCount: 1,
        },
      ],
    },
    {
      code: '3',
      title: { vi: 'Điều tra xã hội học (SIPAS)', en: 'Sociological survey (SIPAS)' },
      maxPoints: 10,
      method: 'survey',
      slots: [],
    },
  ],
};

export const DEMO_CYCLE: Cycle = {
  cycleId: 'cycle-2023',
  year: 2023,
  name: { vi: 'Đánh giá CCHC năm 2023', en: 'PAR assessment 2023' },
  frameworkId: DEMO_FRAMEWORK.frameworkId,
  frameworkVersion: DEMO_FRAMEWORK.version,
  entityIds: [DEMO_ENTITY.entityId],
  dates: {
    evidenceDue: '2023-11-30',
    selfAssessmentDue: '2023-12-15',
    appraisalStart: '2023-12-18',
    appraisalEnd: '2024-01-15',
    publication: '2024-02-28',
  },
  evidencePolicy: 'available',
  uploadLimits: DEFAULT_UPLOAD_LIMITS,
  timeZone: 'Asia/Ho_Chi_Minh',
  status: 'open',
  version: 1,
  createdAt: '2023-07-20T01:00:00.000Z',
  createdBy: 'seed',
};

export interface DemoUser {
  sub: string;
  email: string;
  name: string;
  role: Role;
  entityId?: string;
  unitId?: string;
}

/** Local-only password for every demo user (printed by `npm start`; never used in AWS). */
export const DEMO_PASSWORD = 'MinhChung@2026';

export const DEMO_USERS: DemoUser[] = [
  { sub: 'u-admin', email: 'admin@minhchung.local', name: 'Nguyễn Văn Quản Trị', role: 'admin' },
  { sub: 'u-reviewer', email: 'thamdinh@minhchung.local', name: 'Trần Thị Thẩm Định', role: 'reviewer' },
  {
    sub: 'u-leader',
    email: 'lanhdao@minhchung.local',
    name: 'Lê Văn Lãnh Đạo',
    role: 'leader',
    entityId: DEMO_ENTITY.entityId,
    unitId: 'van-phong-so',
  },
  {
    sub: 'u-member',
    email: 'chuyenvien@minhchung.local',
    name: 'Phạm Thị Chuyên Viên',
    role: 'member',
    entityId: DEMO_ENTITY.entityId,
    unitId: 'phong-qlcn',
  },
];
