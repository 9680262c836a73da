/** Object keys are ids we generate, never user text: a filename cannot steer where bytes land. */
export const objectKeys = {
  evidenceFile: (cycleId: string, entityId: string, evidenceId: string) =>
    `evidence/${cycleId}/${entityId}/${evidenceId}`,
  parseEvidenceFile(key: string): { cycleId: string; entityId: string; evidenceId: string } | undefined {
    const m = /^evidence\/([A-Za-z0-9_-]+)\/([A-Za-z0-9_-]+)\/([A-Za-z0-9_-]+)$/.exec(key);
    return m ? { cycleId: m[1]!, entityId: m[2]!, evidenceId: m[3]! } : undefined;
  },
};
