import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../domain/errors.ts';
import type { Comment } from '../../domain/scoring.ts';
import type { CommentRepository } from '../../ports.ts';
import { guard } from '../guard.ts';
import { documentClient, tableName } from './client.ts';
import { DB } from './items.ts';
import { cursor, keys, stripKeys } from './keys.ts';
import { criterionAuditPut, transact } from './transact.ts';

export const commentRepository: CommentRepository = {
  async list(cycleId, entityId, code, limit, token) {
    const { pk, skPrefix } = keys.commentPrefix(cycleId, entityId, code);
    const res = await guard(DB, () =>
      documentClient().send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
          ExpressionAttributeValues: { ':pk': pk, ':sk': skPrefix },
          ScanIndexForward: true,
          Limit: limit,
          ExclusiveStartKey: cursor.decode(token),
        }),
      ),
    );
    return {
      items: (res.Items ?? []).map((i) => stripKeys<Comment>(i)),
      next: cursor.encode(res.LastEvaluatedKey),
    };
  },

  async add(comment, audit) {
    const scope = { cycleId: comment.cycleId, entityId: comment.entityId };
    const failed = await transact([
      {
        Put: {
          TableName: tableName(),
          Item: {
            ...keys.comment(comment.cycleId, comment.entityId, comment.criterionCode, comment.commentId),
            _type: 'comment',
            ...comment,
          },
          // Comments are append-only: an id is written once.
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      criterionAuditPut(scope, comment.criterionCode, audit),
    ]);
    if (failed.length)
      throw new ConflictError({ vi: 'Bình luận đã tồn tại.', en: 'This comment already exists.' });
  },
};
