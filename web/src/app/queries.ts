/** Query keys shared by pages, so an upload on one page refreshes the figures on another. */
export const queryKeys = {
  cycles: ['cycles'] as const,
  cycle: (cycleId: string) => ['cycle', cycleId] as const,
  readiness: (cycleId: string, entityId: string) => ['readiness', cycleId, entityId] as const,
  framework: (frameworkId: string, version: number) => ['framework', frameworkId, version] as const,
  entity: (entityId: string) => ['entity', entityId] as const,
  evidence: (cycleId: string, entityId: string, code: string) =>
    ['evidence', cycleId, entityId, code] as const,
};
