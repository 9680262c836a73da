import type { FrameworkHead, FrameworkRepository } from '#ports.ts';
import {
  FRAMEWORK_SUMMARY_FIELDS,
  frameworkHeadItem,
  frameworkItem,
  frameworkSaveRefusal,
  frameworkSummaryItem,
} from './descriptors/records.ts';
import { getLabel } from './framework-label.ts';
import { getItem, queryPage } from './items.ts';
import { writeItems } from './kernel/write.ts';
import * as keys from './keys.ts';

export const frameworkRepository: FrameworkRepository = {
  get: (frameworkId, version) => getItem(frameworkItem, keys.framework(frameworkId, version)),
  getHead: (frameworkId) => getItem(frameworkHeadItem, keys.frameworkHead(frameworkId)),
  getLabel,

  async listHeads(limit, token) {
    return queryPage(
      frameworkHeadItem,
      {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': keys.frameworkIndexPartition() },
      },
      limit,
      token,
    );
  },

  async listVersions(frameworkId, limit, token) {
    const { pk, skPrefix } = keys.frameworkVersionPrefix(frameworkId);
    const names = Object.fromEntries(FRAMEWORK_SUMMARY_FIELDS.map((f, i) => [`#f${i}`, f]));
    return queryPage(
      frameworkSummaryItem,
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': pk, ':sk': skPrefix },
        ProjectionExpression: Object.keys(names).join(', '),
        ExpressionAttributeNames: names,
        // Newest version first.
        ScanIndexForward: false,
      },
      limit,
      token,
    );
  },

  async save(framework, head: FrameworkHead, expected, audit) {
    await writeItems(
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
          frameworkSaveRefusal(
            framework,
            await frameworkRepository.get(framework.frameworkId, framework.version),
          ),
      },
    );
  },
};
