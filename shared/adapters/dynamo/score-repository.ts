import type { ScoreFact } from '../../domain/readiness.ts';
import type { ScoreRepository } from '../../ports.ts';
import { queryAll } from './items.ts';
import { keys, stripKeys } from './keys.ts';

export const scoreRepository: ScoreRepository = {
  async listByEntity(cycleId, entityId) {
    const { pk, skPrefix } = keys.scorePrefix(cycleId, entityId);
    return (await queryAll(pk, skPrefix)).map((i) => stripKeys<ScoreFact>(i));
  },
};
