import { keys } from '#adapters/dynamo/keys.ts';
import { ConflictError } from '#domain/errors.ts';
import type { Framework } from '#domain/framework.ts';
import type { FrameworkHead, FrameworkRepository, FrameworkVersionSummary } from '#ports.ts';
import { auditWrite } from './items.ts';
import { absent, type Condition, type Item, type MemoryTable } from './table.ts';

/** Version lists leave the nodes, mapping and bands out (the DynamoDB adapter projects the same fields). */
const summaryOf = (item: Item): FrameworkVersionSummary => {
  const { pk: _p, sk: _s, _type, nodes: _n, mapping: _m, bands: _b, ...summary } = item;
  return summary as FrameworkVersionSummary;
};

/** A published version never matches: it is immutable at the data layer too. */
const draftAt =
  (revision: number): Condition =>
  (current) =>
    current?.status === 'draft' && current.revision === revision;
const headAt =
  (revision: number): Condition =>
  (current) =>
    current?.revision === revision;

function conflict(framework: Framework, current: Framework | undefined): ConflictError {
  if (current?.status === 'published')
    return new ConflictError(
      {
        vi: `Phiên bản ${framework.version} của "${framework.frameworkId}" đã ban hành, không được sửa. Hãy tạo phiên bản mới.`,
        en: `Version ${framework.version} of "${framework.frameworkId}" is published and cannot change. Create a new version.`,
      },
      { frameworkId: current.frameworkId, version: current.version, status: current.status },
    );
  return new ConflictError(
    {
      vi: 'Bộ tiêu chí vừa được người khác thay đổi. Tải lại rồi thử lại.',
      en: 'Someone else changed this framework meanwhile. Reload and try again.',
    },
    current && { frameworkId: current.frameworkId, version: current.version, revision: current.revision },
  );
}

export function memoryFrameworkRepository(db: MemoryTable): FrameworkRepository {
  const repo: FrameworkRepository = {
    async get(frameworkId, version) {
      const item = db.read<Framework & { nodeCount?: number }>(keys.framework(frameworkId, version));
      if (!item) return undefined;
      const { nodeCount: _n, ...framework } = item;
      return framework;
    },
    getHead: async (frameworkId) => db.read<FrameworkHead>(keys.frameworkHead(frameworkId)),
    listHeads: async (limit, token) =>
      db.queryPage<FrameworkHead>({ index: 'gsi1', partition: keys.frameworkIndexPartition() }, limit, token),
    async listVersions(frameworkId, limit, token) {
      const { pk, skPrefix } = keys.frameworkVersionPrefix(frameworkId);
      // Newest version first.
      const page = db.queryPage<Item>({ partition: pk, prefix: skPrefix, forward: false }, limit, token);
      return { items: page.items.map(summaryOf), next: page.next };
    },
    async save(framework, head, expected, audit) {
      const versionKey = keys.framework(framework.frameworkId, framework.version);
      const failed = db.transact([
        {
          put: { ...versionKey, _type: 'framework', ...framework, nodeCount: framework.nodes.length },
          condition: expected.revision === undefined ? absent : draftAt(expected.revision),
        },
        {
          put: {
            ...keys.frameworkHead(head.frameworkId),
            ...keys.frameworkIndex(head.frameworkId),
            _type: 'framework-head',
            ...head,
          },
          condition: expected.headRevision === undefined ? absent : headAt(expected.headRevision),
        },
        auditWrite(undefined, audit),
      ]);
      if (failed.length) throw conflict(framework, await repo.get(framework.frameworkId, framework.version));
    },
  };
  return repo;
}
