import { ConflictError } from '#domain/errors.ts';
import type { Framework } from '#domain/framework.ts';
import type { FrameworkHead, FrameworkRepository } from '#ports.ts';
import { frameworkHeadItem, frameworkItem, frameworkSummaryItem } from './descriptors/records.ts';
import { getItem, queryPage } from './items.ts';
import { writeItems } from './kernel/write.ts';
import * as keys from './keys.ts';

/** Version lists leave the nodes out (a version item can be hundreds of KB). */
const SUMMARY_FIELDS = [
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
];

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

export const frameworkRepository: FrameworkRepository = {
  get: (frameworkId, version) => getItem(frameworkItem, keys.framework(frameworkId, version)),
  getHead: (frameworkId) => getItem(frameworkHeadItem, keys.frameworkHead(frameworkId)),

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
    const names = Object.fromEntries(SUMMARY_FIELDS.map((f, i) => [`#f${i}`, f]));
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
          refusal(framework, await frameworkRepository.get(framework.frameworkId, framework.version)),
      },
    );
  },
};
