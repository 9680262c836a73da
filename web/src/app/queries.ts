/** Query keys shared by pages, so an upload on one page refreshes the figures on another. */
export const queryKeys = {
  cycles: ['cycles'] as const,
  cycle: (cycleId: string) => ['cycle', cycleId] as const,
  readiness: (cycleId: string, entityId: string) => ['readiness', cycleId, entityId] as const,
  framework: (frameworkId: string, version: number) => ['framework', frameworkId, version] as const,
  entity: (entityId: string) => ['entity', entityId] as const,
  evidence: (cycleId: string, entityId: string, code: string) =>
    ['evidence', cycleId, entityId, code] as const,
  score: (cycleId: string, entityId: string, code: string) => ['score', cycleId, entityId, code] as const,
  comments: (cycleId: string, entityId: string, code: string) =>
    ['comments', cycleId, entityId, code] as const,
  audit: (cycleId: string, entityId: string, code: string) => ['audit', cycleId, entityId, code] as const,
  submissions: (cycleId: string, entityId: string) => ['submissions', cycleId, entityId] as const,
  reviewQueue: (cycleId: string) => ['review-queue', cycleId] as const,
};
