import { ConflictError } from '#domain/errors.ts';
import type { ScoreRepository, ScoreWrite } from '#ports.ts';
import { commentItem, reviewQueueItem, scoreItem } from './descriptors/scoring.ts';
import { getItem, queryAll } from './items.ts';
import { auditWrite } from './kernel/audit.ts';
import { batches, type Write, writeItems } from './kernel/write.ts';
import * as keys from './keys.ts';
import { listScoreFacts } from './readiness-facts.ts';

const stale = (current: unknown) =>
  new ConflictError(
    {
      vi: 'Điểm của tiêu chí vừa được người khác thay đổi. Xem bản hiện tại rồi thử lại.',
      en: 'Someone else changed this criterion’s score meanwhile. Review the current state and try again.',
    },
    current,
  );

/** One criterion's writes: the score, its queue entry (put or delete), the comment, the audit entry. */
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

export const scoreRepository: ScoreRepository = {
  get: (cycleId, entityId, code) => getItem(scoreItem, keys.score(cycleId, entityId, code)),

  async listByEntity(cycleId, entityId) {
    const { pk, skPrefix } = keys.scorePrefix(cycleId, entityId);
    return (await queryAll(pk, skPrefix)).map((i) => scoreItem.fromItem(i));
  },

  listFactsByEntity: (cycleId, entityId) => listScoreFacts(cycleId, entityId),

  async write(w) {
    const s = w.score;
    await writeItems(writesOf(w), {
      conflict: async () => stale(await scoreRepository.get(s.cycleId, s.entityId, s.criterionCode)),
    });
  },

  async writeMany(changes) {
    // Criteria packed into transactions of at most 100 writes; a criterion's writes never straddle two.
    const written: string[] = [];
    for (const batch of batches(changes.map(writesOf), (ws) => ws.length)) {
      await writeItems(batch.flat(), {
        // Conflicts name the criteria whose score moved ('?' when other writers kept winning).
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
