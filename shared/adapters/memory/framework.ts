import {
  frameworkHeadItem,
  frameworkItem,
  frameworkSummaryItem,
} from '#adapters/dynamo/descriptors/records.ts';
import * as keys from '#adapters/dynamo/keys.ts';
import { ConflictError } from '#domain/errors.ts';
import type { Framework } from '#domain/framework.ts';
import type { FrameworkRepository } from '#ports.ts';
import { pageOf, readItem, writeItems } from './kernel.ts';
import type { Item, MemoryTable } from './table.ts';

/** The version list's projection (the DynamoDB adapter's ProjectionExpression): no nodes, mapping or bands. */
const SUMMARY_FIELDS = new Set([
  'frameworkId',
  'version',
  'name',
  'index',
  'years',
  'provenance',
  'provenanceNote',
  'sources',
  'aggregation',
  'totalPoints',
  'status',
  'revision',
  'createdAt',
  'createdBy',
  'publishedAt',
  'publishedBy',
  'nodeCount',
]);
const projected = (item: Item): Item =>
  Object.fromEntries(Object.entries(item).filter(([k]) => SUMMARY_FIELDS.has(k)));

/** Why a save was refused: a published version never changes; otherwise someone else saved first. */
function refusal(framework: Framework, current: Framework | undefined): ConflictError {
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
    get: async (frameworkId, version) => readItem(db, frameworkItem, keys.framework(frameworkId, version)),
    getHead: async (frameworkId) => readItem(db, frameworkHeadItem, keys.frameworkHead(frameworkId)),
    listHeads: async (limit, token) =>
      pageOf(
        frameworkHeadItem,
        db.queryPage({ index: 'gsi1', partition: keys.frameworkIndexPartition() }, limit, token),
      ),
    async listVersions(frameworkId, limit, token) {
      const { pk, skPrefix } = keys.frameworkVersionPrefix(frameworkId);
      // Newest version first.
      const page = db.queryPage({ partition: pk, prefix: skPrefix, forward: false }, limit, token);
      return pageOf(frameworkSummaryItem, { items: page.items.map(projected), next: page.next });
    },
    async save(framework, head, expected, audit) {
      await writeItems(
        db,
        [
          {
            put: frameworkItem.toItem(framework),
            // A published version never matches `draft`: it is immutable at the data layer too.
            when:
              expected.revision === undefined
                ? { absent: true }
                : { equals: { status: 'draft', revision: expected.revision } },
          },
          {
            put: frameworkHeadItem.toItem(head),
            when:
              expected.headRevision === undefined
                ? { absent: true }
                : { equals: { revision: expected.headRevision } },
          },
        ],
        {
          audit: { entry: audit },
          conflict: async () => refusal(framework, await repo.get(framework.frameworkId, framework.version)),
        },
      );
    },
  };
  return repo;
}
