/** Scores, the reviewers' queue, comments, reopenings and survey imports: the scoring records of a criterion. */
import { keys } from '#adapters/dynamo/keys.ts';
import { ConflictError } from '#domain/errors.ts';
import type { Comment, ReviewQueueItem, Score, Submission, SurveyImport } from '#domain/scoring.ts';
import type {
  CommentRepository,
  ReviewQueueRepository,
  ScoreRepository,
  ScoreWrite,
  SubmissionRepository,
  SurveyRepository,
} from '#ports.ts';
import { auditWrite, criterionAuditWrite, expecting } from './items.ts';
import { absent, type MemoryTable, type Write } from './table.ts';

/** DynamoDB takes at most 100 items per transaction. */
const MAX_ITEMS = 100;

const commentWrite = (c: Comment): Write => ({
  put: { ...keys.comment(c.cycleId, c.entityId, c.criterionCode, c.commentId), _type: 'comment', ...c },
  // Comments are append-only: an id is written once.
  condition: absent,
});

/** One criterion's items, in the order the DynamoDB adapter puts them in its transaction. */
function writesOf(w: ScoreWrite): Write[] {
  const s = w.score;
  const writes: Write[] = [
    {
      put: { ...keys.score(s.cycleId, s.entityId, s.criterionCode), _type: 'score', ...s },
      condition: expecting(w.expectedVersion),
    },
  ];
  const queueKey = keys.reviewQueue(s.cycleId, s.entityId, s.criterionCode);
  if (w.queue && 'put' in w.queue) {
    const q = w.queue.put;
    writes.push({
      put: {
        ...queueKey,
        ...keys.reviewQueueIndex(q.cycleId, q.queuedAt, q.entityId, q.criterionCode),
        _type: 'review-queue',
        ...q,
      },
    });
  } else if (w.queue) writes.push({ delete: queueKey });
  if (w.comment) writes.push(commentWrite(w.comment));
  writes.push(criterionAuditWrite({ cycleId: s.cycleId, entityId: s.entityId }, s.criterionCode, w.audit));
  return writes;
}

const staleScore = (current: unknown) =>
  new ConflictError(
    {
      vi: 'Điểm của tiêu chí vừa được người khác thay đổi. Xem bản hiện tại rồi thử lại.',
      en: 'Someone else changed this criterion’s score meanwhile. Review the current state and try again.',
    },
    current,
  );

export function memoryScoreRepository(db: MemoryTable): ScoreRepository {
  const repo: ScoreRepository = {
    get: async (cycleId, entityId, code) => db.read<Score>(keys.score(cycleId, entityId, code)),
    async listByEntity(cycleId, entityId) {
      const { pk, skPrefix } = keys.scorePrefix(cycleId, entityId);
      return db.list<Score>({ partition: pk, prefix: skPrefix });
    },
    async write(w) {
      if (db.transact(writesOf(w)).length)
        throw staleScore(await repo.get(w.score.cycleId, w.score.entityId, w.score.criterionCode));
    },
    async writeMany(changes) {
      const written: string[] = [];
      let batch: { w: ScoreWrite; writes: Write[] }[] = [];
      const flush = () => {
        if (!batch.length) return;
        const failed = db.transact(batch.flatMap((b) => b.writes));
        if (failed.length) {
          // Map item indexes back to criteria: conflicts name the criteria whose score moved.
          const owners = batch.flatMap((b) => b.writes.map(() => b.w.score.criterionCode));
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
        const writes = writesOf(w);
        if (batch.reduce((n, b) => n + b.writes.length, 0) + writes.length > MAX_ITEMS) flush();
        batch.push({ w, writes });
      }
      flush();
    },
  };
  return repo;
}

export function memoryReviewQueueRepository(db: MemoryTable): ReviewQueueRepository {
  return {
    // Oldest first across entities. Unlike DynamoDB (a filter after each read) a page is always full when
    // enough items match; the cursor is the last item returned either way.
    async list(cycleId, filter, limit, token) {
      const allowed = filter.entityIds && new Set(filter.entityIds);
      const keep = (i: Record<string, unknown>) =>
        (!allowed || allowed.has(String(i.entityId))) &&
        (filter.province === undefined || i.province === filter.province);
      return db.queryPageFiltered<ReviewQueueItem>(
        { index: 'gsi1', partition: keys.reviewQueueIndexPartition(cycleId) },
        limit,
        token,
        keep,
      );
    },
  };
}

export function memoryCommentRepository(db: MemoryTable): CommentRepository {
  return {
    async list(cycleId, entityId, code, limit, token) {
      const { pk, skPrefix } = keys.commentPrefix(cycleId, entityId, code);
      return db.queryPage<Comment>({ partition: pk, prefix: skPrefix }, limit, token);
    },
    async add(comment, audit) {
      const scope = { cycleId: comment.cycleId, entityId: comment.entityId };
      const failed = db.transact([
        commentWrite(comment),
        criterionAuditWrite(scope, comment.criterionCode, audit),
      ]);
      if (failed.length)
        throw new ConflictError({ vi: 'Bình luận đã tồn tại.', en: 'This comment already exists.' });
    },
  };
}

export function memorySubmissionRepository(db: MemoryTable): SubmissionRepository {
  return {
    async listByEntity(cycleId, entityId) {
      const { pk, skPrefix } = keys.submissionPrefix(cycleId, entityId);
      return db.list<Submission>({ partition: pk, prefix: skPrefix });
    },
    async save(s, expectedVersion, audit) {
      const key = keys.submission(s.cycleId, s.entityId, s.unitId);
      const failed = db.transact([
        { put: { ...key, _type: 'submission', ...s }, condition: expecting(expectedVersion) },
        auditWrite({ cycleId: s.cycleId, entityId: s.entityId }, audit),
      ]);
      if (failed.length)
        throw new ConflictError(
          {
            vi: 'Việc mở lại vừa được người khác thay đổi. Xem bản hiện tại rồi thử lại.',
            en: 'Someone else changed this reopening meanwhile. Review the current state and try again.',
          },
          db.read<Submission>(key) ?? null,
        );
    },
  };
}

export function memorySurveyRepository(db: MemoryTable): SurveyRepository {
  return {
    async listByEntity(cycleId, entityId) {
      const { pk, skPrefix } = keys.surveyImportPrefix(cycleId, entityId);
      return db.list<SurveyImport>({ partition: pk, prefix: skPrefix });
    },
    async save(s, expectedVersion, audit) {
      const key = keys.surveyImport(s.cycleId, s.entityId, s.criterionCode);
      const failed = db.transact([
        { put: { ...key, _type: 'survey-import', ...s }, condition: expecting(expectedVersion) },
        criterionAuditWrite({ cycleId: s.cycleId, entityId: s.entityId }, s.criterionCode, audit),
      ]);
      if (failed.length)
        throw new ConflictError(
          {
            vi: 'Điểm điều tra vừa được người khác thay đổi. Xem bản hiện tại rồi thử lại.',
            en: 'Someone else changed these survey points meanwhile. Review the current state and try again.',
          },
          db.read<SurveyImport>(key) ?? null,
        );
    },
  };
}
