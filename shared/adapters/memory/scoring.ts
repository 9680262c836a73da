/** Scores, the reviewers' queue, comments, reopenings and survey imports: the scoring records of a criterion. */
import {
  commentItem,
  reviewQueueItem,
  scoreItem,
  submissionItem,
  surveyItem,
} from '#adapters/dynamo/descriptors/scoring.ts';
import { auditWrite } from '#adapters/dynamo/kernel/audit.ts';
import { batches, conflictWith, type Write } from '#adapters/dynamo/kernel/write.ts';
import * as keys from '#adapters/dynamo/keys.ts';
import { scoreFactOf } from '#adapters/dynamo/readiness-facts.ts';
import { ConflictError } from '#domain/errors.ts';
import type {
  CommentRepository,
  ReviewQueueRepository,
  ScoreRepository,
  ScoreWrite,
  SubmissionRepository,
  SurveyRepository,
} from '#ports.ts';
import { pageOf, readItem, writeItems } from './kernel.ts';
import type { Item, MemoryTable } from './table.ts';

const stale = (current: unknown) =>
  new ConflictError(
    {
      vi: 'Điểm của tiêu chí vừa được người khác thay đổi. Xem bản hiện tại rồi thử lại.',
      en: 'Someone else changed this criterion’s score meanwhile. Review the current state and try again.',
    },
    current,
  );

/** One criterion's writes, as the DynamoDB adapter plans them: score, queue entry, comment, audit entry. */
function writesOf(w: ScoreWrite): Write[] {
  const s = w.score;
  const label = s.criterionCode;
  const writes: Write[] = [
    {
      put: scoreItem.toItem(s),
      when: w.expectedVersion === undefined ? { absent: true } : { version: w.expectedVersion },
      label,
    },
  ];
  if (w.queue && 'put' in w.queue) writes.push({ put: reviewQueueItem.toItem(w.queue.put), label });
  else if (w.queue) writes.push({ delete: keys.reviewQueue(s.cycleId, s.entityId, s.criterionCode), label });
  if (w.comment) writes.push({ put: commentItem.toItem(w.comment), when: { absent: true }, label });
  const scope = { cycleId: s.cycleId, entityId: s.entityId };
  writes.push({ ...auditWrite({ entry: w.audit, scope, criterionCode: s.criterionCode }), label });
  return writes;
}

export function memoryScoreRepository(db: MemoryTable): ScoreRepository {
  const repo: ScoreRepository = {
    get: async (cycleId, entityId, code) => readItem(db, scoreItem, keys.score(cycleId, entityId, code)),
    async listByEntity(cycleId, entityId) {
      const { pk, skPrefix } = keys.scorePrefix(cycleId, entityId);
      return db.queryAll({ partition: pk, prefix: skPrefix }).map((i) => scoreItem.fromItem(i));
    },
    async listFactsByEntity(cycleId, entityId) {
      const { pk, skPrefix } = keys.scorePrefix(cycleId, entityId);
      return db.queryAll({ partition: pk, prefix: skPrefix }).map((i) => scoreFactOf(pk, i));
    },
    async write(w) {
      const s = w.score;
      await writeItems(db, writesOf(w), {
        conflict: async () => stale(await repo.get(s.cycleId, s.entityId, s.criterionCode)),
      });
    },
    async writeMany(changes) {
      // Criteria packed into transactions of at most 100 writes; a criterion's writes never straddle two.
      const written: string[] = [];
      for (const batch of batches(changes.map(writesOf), (ws) => ws.length)) {
        await writeItems(db, batch.flat(), {
          conflict: (failed) => {
            const conflicts = failed.length ? [...new Set(failed.map((f) => f.label ?? '?'))] : ['?'];
            return new ConflictError(
              {
                vi: `Tiêu chí ${conflicts.join(', ')} vừa được người khác thay đổi; ${written.length} tiêu chí trước đó đã được ghi.`,
                en: `Criteria ${conflicts.join(', ')} changed meanwhile; the ${written.length} before them were written.`,
              },
              { written: [...written], conflicts },
            );
          },
        });
        written.push(...batch.map((ws) => String(ws[0]!.label)));
      }
    },
  };
  return repo;
}

export function memoryReviewQueueRepository(db: MemoryTable): ReviewQueueRepository {
  return {
    // Oldest first across entities. Unlike DynamoDB (a filter after each bounded read) a page is always full
    // when enough items match; the cursor is the last item returned either way.
    async list(cycleId, filter, limit, token) {
      const allowed = filter.entityIds && new Set(filter.entityIds);
      const keep = (i: Item) =>
        (!allowed || allowed.has(String(i.entityId))) &&
        (filter.province === undefined || i.province === filter.province);
      const spec = { index: 'gsi1' as const, partition: keys.reviewQueueIndexPartition(cycleId) };
      return pageOf(reviewQueueItem, db.queryPageFiltered(spec, limit, token, keep));
    },
  };
}

export function memoryCommentRepository(db: MemoryTable): CommentRepository {
  return {
    async list(cycleId, entityId, code, limit, token) {
      const { pk, skPrefix } = keys.commentPrefix(cycleId, entityId, code);
      return pageOf(commentItem, db.queryPage({ partition: pk, prefix: skPrefix }, limit, token));
    },
    async add(comment, audit) {
      const scope = { cycleId: comment.cycleId, entityId: comment.entityId };
      // Comments are append-only: an id is written once.
      await writeItems(db, [{ put: commentItem.toItem(comment), when: { absent: true } }], {
        audit: { entry: audit, scope, criterionCode: comment.criterionCode },
        conflict: () =>
          new ConflictError({ vi: 'Bình luận đã tồn tại.', en: 'This comment already exists.' }),
      });
    },
  };
}

export function memorySubmissionRepository(db: MemoryTable): SubmissionRepository {
  return {
    async listByEntity(cycleId, entityId) {
      const { pk, skPrefix } = keys.submissionPrefix(cycleId, entityId);
      return db.queryAll({ partition: pk, prefix: skPrefix }).map((i) => submissionItem.fromItem(i));
    },
    async save(s, expectedVersion, audit) {
      const when = expectedVersion === undefined ? { absent: true as const } : { version: expectedVersion };
      await writeItems(db, [{ put: submissionItem.toItem(s), when }], {
        audit: { entry: audit, scope: { cycleId: s.cycleId, entityId: s.entityId } },
        conflict: conflictWith(
          {
            vi: 'Việc mở lại vừa được người khác thay đổi. Xem bản hiện tại rồi thử lại.',
            en: 'Someone else changed this reopening meanwhile. Review the current state and try again.',
          },
          async () => readItem(db, submissionItem, submissionItem.key(s)) ?? null,
        ),
      });
    },
  };
}

export function memorySurveyRepository(db: MemoryTable): SurveyRepository {
  return {
    async listByEntity(cycleId, entityId) {
      const { pk, skPrefix } = keys.surveyImportPrefix(cycleId, entityId);
      return db.queryAll({ partition: pk, prefix: skPrefix }).map((i) => surveyItem.fromItem(i));
    },
    async save(s, expectedVersion, audit) {
      const when = expectedVersion === undefined ? { absent: true as const } : { version: expectedVersion };
      const scope = { cycleId: s.cycleId, entityId: s.entityId };
      await writeItems(db, [{ put: surveyItem.toItem(s), when }], {
        audit: { entry: audit, scope, criterionCode: s.criterionCode },
        conflict: conflictWith(
          {
            vi: 'Điểm điều tra vừa được người khác thay đổi. Xem bản hiện tại rồi thử lại.',
            en: 'Someone else changed these survey points meanwhile. Review the current state and try again.',
          },
          async () => readItem(db, surveyItem, surveyItem.key(s)) ?? null,
        ),
      });
    },
  };
}
