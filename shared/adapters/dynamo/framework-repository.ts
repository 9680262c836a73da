import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { guard } from '#adapters/guard.ts';
import { ConflictError } from '#domain/errors.ts';
import type { Framework } from '#domain/framework.ts';
import type { FrameworkHead, FrameworkRepository, FrameworkVersionSummary } from '#ports.ts';
import { documentClient, tableName } from './client.ts';
import { auditPut, DB, getItem, queryPage } from './items.ts';
import { keys } from './keys.ts';

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

const isCancelled = (e: unknown) => (e as { name?: string }).name === 'TransactionCanceledException';

export const frameworkRepository: FrameworkRepository = {
  async get(frameworkId, version) {
    const item = await getItem<Framework & { nodeCount?: number }>(keys.framework(frameworkId, version));
    if (!item) return undefined;
    // nodeCount exists for version lists only; the framework itself is the document and its lifecycle.
    const { nodeCount: _n, ...framework } = item;
    return framework;
  },
  getHead: (frameworkId) => getItem<FrameworkHead>(keys.frameworkHead(frameworkId)),

  async listHeads(limit, token) {
    return queryPage<FrameworkHead>(
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
    return queryPage<FrameworkVersionSummary>(
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

  async save(framework, head, expected, audit) {
    const versionKey = keys.framework(framework.frameworkId, framework.version);
    try {
      await guard(DB, () =>
        documentClient().send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName(),
                  Item: {
                    ...versionKey,
                    _type: 'framework',
                    ...framework,
                    nodeCount: framework.nodes.length,
                  },
                  // A published version never matches: it is immutable at the data layer too.
                  ...(expected.revision === undefined
                    ? { ConditionExpression: 'attribute_not_exists(pk)' }
                    : {
                        ConditionExpression: '#status = :draft AND #revision = :rev',
                        ExpressionAttributeNames: { '#status': 'status', '#revision': 'revision' },
                        ExpressionAttributeValues: { ':draft': 'draft', ':rev': expected.revision },
                      }),
                },
              },
              {
                Put: {
                  TableName: tableName(),
                  Item: {
                    ...keys.frameworkHead(head.frameworkId),
                    ...keys.frameworkIndex(head.frameworkId),
                    _type: 'framework-head',
                    ...head,
                  },
                  ...(expected.headRevision === undefined
                    ? { ConditionExpression: 'attribute_not_exists(pk)' }
                    : {
                        ConditionExpression: '#revision = :hrev',
                        ExpressionAttributeNames: { '#revision': 'revision' },
                        ExpressionAttributeValues: { ':hrev': expected.headRevision },
                      }),
                },
              },
              auditPut(undefined, audit),
            ],
          }),
        ),
      );
    } catch (e) {
      if (!isCancelled(e)) throw e;
      const current = await frameworkRepository.get(framework.frameworkId, framework.version);
      if (current?.status === 'published')
        throw new ConflictError(
          {
            vi: `Phiên bản ${framework.version} của "${framework.frameworkId}" đã ban hành, không được sửa. Hãy tạo phiên bản mới.`,
            en: `Version ${framework.version} of "${framework.frameworkId}" is published and cannot change. Create a new version.`,
          },
          { frameworkId: current.frameworkId, version: current.version, status: current.status },
        );
      throw new ConflictError(
        {
          vi: 'Bộ tiêu chí vừa được người khác thay đổi. Tải lại rồi thử lại.',
          en: 'Someone else changed this framework meanwhile. Reload and try again.',
        },
        current && { frameworkId: current.frameworkId, version: current.version, revision: current.revision },
      );
    }
  },
};
