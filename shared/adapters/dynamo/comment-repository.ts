import { ConflictError } from '#domain/errors.ts';
import type { CommentRepository } from '#ports.ts';
import { commentItem } from './descriptors/scoring.ts';
import { queryPage } from './items.ts';
import { writeItems } from './kernel/write.ts';
import * as keys from './keys.ts';

export const commentRepository: CommentRepository = {
  async list(cycleId, entityId, code, limit, token) {
    const { pk, skPrefix } = keys.commentPrefix(cycleId, entityId, code);
    return queryPage(
      commentItem,
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
    // Comments are append-only: an id is written once.
    await writeItems([{ put: commentItem.toItem(comment), when: { absent: true } }], {
      audit: { entry: audit, scope, criterionCode: comment.criterionCode },
      conflict: () => new ConflictError({ vi: 'Bình luận đã tồn tại.', en: 'This comment already exists.' }),
    });
  },
};
