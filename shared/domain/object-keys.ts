/**
 * Object keys are ids we generate, never user text: a filename cannot steer where bytes land.
 *
 * Every uploaded revision of every file gets its own key, so a replacement never overwrites the bytes it
 * replaces: old revisions stay downloadable with or without bucket versioning (s3rver has none), and an
 * evidence's objects all sit under one prefix that purge can remove.
 */
const ID = '[A-Za-z0-9_-]+';
const FILE_KEY = new RegExp(`^evidence/(${ID})/(${ID})/(${ID})/(${ID})/([1-9][0-9]{0,4})$`);

export interface EvidenceObjectRef {
  cycleId: string;
  entityId: string;
  evidenceId: string;
  fileId: string;
  revision: number;
}

export const objectKeys = {
  /** `evidence/<cycle>/<entity>/<evidence>/<file>/<revision>` */
  evidenceFile: (r: EvidenceObjectRef) =>
    `evidence/${r.cycleId}/${r.entityId}/${r.evidenceId}/${r.fileId}/${r.revision}`,
  /** Everything stored for one evidence (purge deletes under it, every version included). */
  evidencePrefix: (cycleId: string, entityId: string, evidenceId: string) =>
    `evidence/${cycleId}/${entityId}/${evidenceId}/`,
  /** `exports/<job>/<part>.xlsx`: files the export worker writes (the bucket's lifecycle expires `exports/`). */
  exportFile: (jobId: string, part: string, extension = 'xlsx') => `exports/${jobId}/${part}.${extension}`,
  exportsPrefix: 'exports/',
  parseEvidenceFile(key: string): EvidenceObjectRef | undefined {
    const m = FILE_KEY.exec(key);
    return m
      ? { cycleId: m[1]!, entityId: m[2]!, evidenceId: m[3]!, fileId: m[4]!, revision: Number(m[5]) }
      : undefined;
  },
};
