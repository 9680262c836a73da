import { ConflictError } from '#domain/errors.ts';
import type { Score } from '#domain/scoring.ts';
import type { ScoreRepository, ScoreWrite } from '#ports.ts';
import { tableName } from './client.ts';
import { getItem, queryAll } from './items.ts';
import { keys, stripKeys } from './keys.ts';
import { criterionAuditPut, type TransactItem, transact } from './transact.ts';

/** DynamoDB takes at most 100 items per transaction. */
const MAX_ITEMS = 100;

const stale = (current: unknown) =>
  new ConflictError(
    {
      vi: 'Điểm của tiêu chí vừa được người khác thay đổi. Xem bản hiện tại rồi thử lại.',
      en: 'Someone else changed this criterion’s score meanwhile. Review the current state and try again.',
    },
    current,
  );

function itemsOf(w: ScoreWrite): TransactItem[] {
  const s = w.score;
  const scope = { cycleId: s.cycleId, entityId: s.entityId };
  const items: TransactItem[] = [
    {
      Put: {
        TableName: tableName(),
        Item: { ...keys.score(s.cycleId, s.entityId, s.criterionCode), _type: 'score', ...s },
        ...(w.expectedVersion === undefined
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : {
              ConditionExpression: '#v = :v',
              ExpressionAttributeNames: { '#v': 'version' },
              ExpressionAttributeValues: { ':v': w.expectedVersion },
            }),
      },
    },
  ];
  const queueKey = keys.reviewQueue(s.cycleId, s.entityId, s.criterionCode);
  if (w.queue && 'put' in w.queue) {
    const q = w.queue.put;
    items.push({
      Put: {
        TableName: tableName(),
        Item: {
          ...queueKey,
          ...keys.reviewQueueIndex(q.cycleId, q.queuedAt, q.entityId, q.criterionCode),
          _type: 'review-queue',
          ...q,
        },
      },
    });
  } else if (w.queue) items.push({ Delete: { TableName: tableName(), Key: queueKey } });
  if (w.comment) {
    const c = w.comment;
    items.push({
      Put: {
        TableName: tableName(),
        Item: {
          ...keys.comment(c.cycleId, c.entityId, c.criterionCode, c.commentId),
          _type: 'comment',
          ...c,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  }
  items.push(criterionAuditPut(scope, s.criterionCode, w.audit));
  return items;
}

export const scoreRepository: ScoreRepository = {
  get: (cycleId, entityId, code) => getItem<Score>(keys.score(cycleId, entityId, code)),

  async listByEntity(cycleId, entityId) {
    const { pk, skPrefix } = keys.scorePrefix(cycleId, entityId);
    return (await queryAll(pk, skPrefix)).map((i) => stripKeys<Score>(i));
  },

  async write(w) {
    const failed = await transact(itemsOf(w));
    if (failed.length)
      throw stale(await scoreRepository.get(w.score.cycleId, w.score.entityId, w.score.criterionCode));
  },

  async writeMany(changes) {
    const written: string[] = [];
    let batch: { w: ScoreWrite; items: TransactItem[] }[] = [];
    const flush = async () => {
      if (!batch.length) return;
      const failed = await transact(batch.flatMap((b) => b.items));
      if (failed.length) {
        // Map item indexes back to criteria: conflicts name the criteria whose score moved.
        const owners = batch.flatMap((b) => b.items.map(() => b.w.score.criterionCode));
        const conflicts = [...new Set(failed.map((i) => owners[i] ?? '?'))];
        throw new ConflictError(
          {
            vi: `Tiêu chí ${conflicts.join(', ')} vừa được người khác thay đổi; ${written.length} tiêu chí trước đó đã được ghi.`,
            en: `Criteria ${conflicts.join(', ')} changed meanwhile; the ${written.length} before them were written.`,
          },
          { written: [...written], conflicts },
        );
      }
      written.push(...batch.map((b) => b.w.score.criterionCode));
      batch = [];
    };
    for (const w of changes) {
      const items = itemsOf(w);
      if (batch.reduce((n, b) => n + b.items.length, 0) + items.length > MAX_ITEMS) await flush();
      batch.push({ w, items });
    }
    await flush();
  },
};

/** The reviewers' side of each criterion, as the reminder planner reads it (changes requested + comment). */
export const reviewSource = {
  async listByEntity(cycleId: string, entityId: string) {
    return (await scoreRepository.listByEntity(cycleId, entityId)).map((s) => ({
      criterionCode: s.criterionCode,
      state: s.state,
      ...(s.reviewerComment ? { comment: s.reviewerComment } : {}),
    }));
  },
};
