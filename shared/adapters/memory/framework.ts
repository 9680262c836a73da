import { frameworkLabelItem } from '#adapters/dynamo/descriptors/framework-label.ts';
import {
  FRAMEWORK_SUMMARY_FIELDS,
  frameworkHeadItem,
  frameworkItem,
  frameworkSaveRefusal,
  frameworkSummaryItem,
} from '#adapters/dynamo/descriptors/records.ts';
import * as keys from '#adapters/dynamo/keys.ts';
import type { FrameworkRepository } from '#ports.ts';
import { pageOf, readItem, writeItems } from './kernel.ts';
import type { Item, MemoryTable } from './table.ts';

/** The version list's projection (the DynamoDB adapter's ProjectionExpression). */
const SUMMARY_FIELDS = new Set<string>(FRAMEWORK_SUMMARY_FIELDS);
const projected = (item: Item): Item =>
  Object.fromEntries(Object.entries(item).filter(([k]) => SUMMARY_FIELDS.has(k)));

export function memoryFrameworkRepository(db: MemoryTable): FrameworkRepository {
  const repo: FrameworkRepository = {
    get: async (frameworkId, version) => readItem(db, frameworkItem, keys.framework(frameworkId, version)),
    getHead: async (frameworkId) => readItem(db, frameworkHeadItem, keys.frameworkHead(frameworkId)),
    getLabel: async (frameworkId, version) =>
      readItem(db, frameworkLabelItem, keys.framework(frameworkId, version)),
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
          conflict: async () =>
            frameworkSaveRefusal(framework, await repo.get(framework.frameworkId, framework.version)),
        },
      );
    },
  };
  return repo;
}
