/**
 * Views derived from `computeReadiness` results only (docs/readiness.md, rules 9 and 10): a unit's share of an
 * entity, the ranking of a cycle's entities, the figures a daily snapshot keeps.
 */

import {
  type CriterionReadiness,
  type Explanation,
  FORMULA_VERSION,
  percent,
  type Readiness,
  type Rollup,
  round2,
} from './readiness-model.ts';
import { newAcc, rollupOf } from './readiness-rollups.ts';

export interface UnitReadiness {
  formulaVersion: string;
  unitId: string;
  rollup: Rollup;
  criteria: CriterionReadiness[];
  adjustments: CriterionReadiness[];
}

/** A unit's share of an entity's readiness: its roll-up and the criteria it covers. */
export function unitReadiness(r: Readiness, unitId: string): UnitReadiness {
  const found = r.byUnit.find((u) => u.unitId === unitId);
  const {
    unitId: _u,
    criterionCodes: _c,
    ...rollup
  } = found ?? {
    unitId,
    criterionCodes: [],
    ...rollupOf(newAcc()),
  };
  return {
    formulaVersion: r.formulaVersion,
    unitId,
    rollup,
    criteria: r.criteria.filter((c) => c.unitIds.includes(unitId)),
    adjustments: r.adjustments.filter((c) => c.unitIds.includes(unitId)),
  };
}

export interface RankedEntity {
  rank: number;
  entityId: string;
  projectedIndexPercent: number;
  completenessPercent: number;
  completenessByPointsPercent: number;
  evidenceCoveragePercent: number;
  projectedPoints: number;
  atRiskPoints: number;
  criteriaCount: number;
  completeCount: number;
  band?: string;
  /** Rule 15: the self-assessed part rescaled to 100, its band, and whether survey items are still missing. */
  selfAssessedIndexPercent: number;
  selfAssessedBand?: string;
  surveyPending: boolean;
}

export interface CycleRanking {
  formulaVersion: string;
  entities: RankedEntity[];
  totals: {
    entityCount: number;
    criteriaCount: number;
    completeCount: number;
    completenessPercent: number;
    meanProjectedIndexPercent: number;
    /** Rule 15: the plain mean of the entities' self-assessed index %. */
    meanSelfAssessedIndexPercent: number;
    /** Entities with survey items not imported yet. */
    surveyPendingCount: number;
    atRiskPoints: number;
    bands: Record<string, number>;
  };
  how: {
    ranking: Explanation;
    completenessPercent: Explanation;
    meanProjectedIndexPercent: Explanation;
    meanSelfAssessedIndexPercent: Explanation;
  };
}

/** One entity's row of the ranking: its headline figures, the self-assessed index beside them (rule 15). */
const rankingRow = (entityId: string, r: Readiness): Omit<RankedEntity, 'rank'> => ({
  entityId,
  projectedIndexPercent: r.projectedIndexPercent,
  completenessPercent: r.completenessPercent,
  completenessByPointsPercent: r.completenessByPointsPercent,
  evidenceCoveragePercent: r.evidenceCoveragePercent,
  projectedPoints: r.projectedPoints,
  atRiskPoints: r.atRiskPoints,
  criteriaCount: r.criteriaCount,
  completeCount: r.completeCount,
  band: r.band,
  selfAssessedIndexPercent: r.selfAssessedIndexPercent,
  ...(r.selfAssessedBand !== undefined ? { selfAssessedBand: r.selfAssessedBand } : {}),
  surveyPending: r.surveyPending,
});

/** Ranks the entities of a cycle (decision 10). The result does not depend on the order of `entries`. */
export function rankEntities(entries: readonly { entityId: string; readiness: Readiness }[]): CycleRanking {
  const rows = entries
    .map(({ entityId, readiness: r }) => rankingRow(entityId, r))
    .sort(
      (a, b) =>
        b.projectedIndexPercent - a.projectedIndexPercent ||
        b.completenessPercent - a.completenessPercent ||
        (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0),
    );
  const ranked: RankedEntity[] = [];
  rows.forEach((row, i) => {
    const prev = ranked[i - 1];
    const rank = prev && prev.projectedIndexPercent === row.projectedIndexPercent ? prev.rank : i + 1;
    ranked.push({ rank, ...row });
  });
  let criteria = 0;
  let complete = 0;
  let indexSum = 0;
  let selfSum = 0;
  let pending = 0;
  let atRisk = 0;
  const bands: Record<string, number> = {};
  for (const r of ranked) {
    criteria += r.criteriaCount;
    complete += r.completeCount;
    indexSum += r.projectedIndexPercent;
    selfSum += r.selfAssessedIndexPercent;
    if (r.surveyPending) pending++;
    atRisk += r.atRiskPoints;
    if (r.band) bands[r.band] = (bands[r.band] ?? 0) + 1;
  }
  const mean = ranked.length ? round2(indexSum / ranked.length) : 0;
  const meanSelf = ranked.length ? round2(selfSum / ranked.length) : 0;
  const completenessPercent = percent(complete, criteria);
  return {
    formulaVersion: FORMULA_VERSION,
    entities: ranked,
    totals: {
      entityCount: ranked.length,
      criteriaCount: criteria,
      completeCount: complete,
      completenessPercent,
      meanProjectedIndexPercent: mean,
      meanSelfAssessedIndexPercent: meanSelf,
      surveyPendingCount: pending,
      atRiskPoints: round2(atRisk),
      bands,
    },
    how: {
      ranking: {
        formula: 'by projected index % descending; equal % share a rank; ties by completeness, then id',
        inputs: { entities: ranked.length },
        value: null,
      },
      completenessPercent: {
        formula: 'Σ complete / Σ |L| over all entities × 100',
        inputs: { complete, criteria },
        value: completenessPercent,
      },
      meanProjectedIndexPercent: {
        formula: 'Σ projected index % / number of entities',
        inputs: { sum: round2(indexSum), entities: ranked.length },
        value: mean,
      },
      meanSelfAssessedIndexPercent: {
        formula:
          'Σ self-assessed index % / number of entities; self-assessed = (Σ p + bonus − penalty) / Σ max × 100',
        inputs: { sum: round2(selfSum), entities: ranked.length, surveyPending: pending },
        value: meanSelf,
      },
    },
  };
}

/** What a daily snapshot keeps of a readiness result (a trend chart's point). */
export interface ReadinessSnapshotFigures {
  formulaVersion: string;
  criteriaCount: number;
  completeCount: number;
  completenessPercent: number;
  completenessByPointsPercent: number;
  evidenceCoveragePercent: number;
  projectedPoints: number;
  atRiskPoints: number;
  projectedIndexPercent: number;
  band?: string;
}

/** A stored daily snapshot of one entity's readiness. */
export interface ReadinessSnapshot extends ReadinessSnapshotFigures {
  cycleId: string;
  entityId: string;
  /** Calendar day in Asia/Ho_Chi_Minh. */
  date: string;
  takenAt: string;
}

export function snapshotFigures(r: Readiness): ReadinessSnapshotFigures {
  return {
    formulaVersion: r.formulaVersion,
    criteriaCount: r.criteriaCount,
    completeCount: r.completeCount,
    completenessPercent: r.completenessPercent,
    completenessByPointsPercent: r.completenessByPointsPercent,
    evidenceCoveragePercent: r.evidenceCoveragePercent,
    projectedPoints: r.projectedPoints,
    atRiskPoints: r.atRiskPoints,
    projectedIndexPercent: r.projectedIndexPercent,
    ...(r.band !== undefined ? { band: r.band } : {}),
  };
}
