import { ConflictError } from '#domain/errors.ts';
import type { Comment } from '#domain/scoring.ts';
import type { CommentRepository } from '#ports.ts';
import { tableName } from './client.ts';
import { queryPage } from './items.ts';
import { keys } from './keys.ts';
import { criterionAuditPut, transact } from './transact.ts';

export const commentRepository: CommentRepository = {
  async list(cycleId, entityId, code, limit, token) {
    const { pk, skPrefix } = keys.commentPrefix(cycleId, entityId, code);
    return queryPage<Comment>(
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': pk, ':sk': skPrefix },
        ScanIndexForward: true,
      },
      limit,
      token,
    );
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
