/** Ports: Evidence records, their links and revisions, carry-forward copies and malware scanning. */
import type { Evidence, EvidenceRevision, EvidenceState, FileState } from '#domain/evidence.ts';
import type { ScanVerdict, StreamingScan } from '#domain/malware.ts';
import type { EvidenceFact } from '#domain/readiness-model.ts';
import type { AuditEntry, Page } from './common.ts';

/** One criterion link of an evidence. Carried-forward links await a member's confirmation. */
export interface EvidenceLink {
  evidenceId: string;
  criterionCode: string;
  needsConfirmation: boolean;
  linkedBy: string;
  linkedAt: string;
}

/**
 * Everything one evidence operation writes, committed as one transaction with its audit entry. Conditions:
 * the evidence must still be at `expectedVersion` (absent: must not exist yet), each revision at its
 * `expected` version and state (absent: must not exist yet), the carry-forward marker must not exist.
 */
export interface EvidenceChange {
  evidence: Evidence;
  expectedVersion?: number;
  revisions?: { revision: EvidenceRevision; expected?: { version: number; state: FileState } }[];
  putLinks?: EvidenceLink[];
  deleteLinks?: string[];
  /** SHA-256 index entries of available revisions (duplicate detection within the entity's cycle). */
  shaIndex?: { sha256: string; fileId: string; revision: number }[];
  /** Records that this evidence was carried from `sourceEvidenceId` of `fromCycleId` (once per target). */
  carryMarker?: { fromCycleId: string; sourceEvidenceId: string };
  audit: AuditEntry;
}

export interface EvidenceQuery {
  cycleId: string;
  /** Absent: every entity of the cycle (admins and reviewers). */
  entityId?: string;
  unitId?: string;
  criterionCode?: string;
  /** Folded tokens that must all occur in the title, document number, issuer or file names. */
  tokens?: string[];
  state?: EvidenceState;
  deleted: 'exclude' | 'include' | 'only';
}

export interface EvidenceRepository {
  /** Commits a change; a failed condition throws `ConflictError` carrying the evidence as stored now. */
  save(change: EvidenceChange): Promise<void>;
  get(cycleId: string, entityId: string, evidenceId: string): Promise<Evidence | undefined>;
  getRevision(ref: {
    cycleId: string;
    entityId: string;
    evidenceId: string;
    fileId: string;
    revision: number;
  }): Promise<EvidenceRevision | undefined>;
  /** Every revision of every file of an evidence, oldest first. */
  listRevisions(cycleId: string, entityId: string, evidenceId: string): Promise<EvidenceRevision[]>;
  /** Stores a scan verdict on a revision still at `expectedVersion`; false when it moved on meanwhile. */
  recordScan(revision: EvidenceRevision, expectedVersion: number): Promise<boolean>;
  /**
   * Revisions still `pending_upload` or `scanning` that were requested before `before` (ISO time), oldest
   * first, from the sparse index the upload redrive reads (never a table scan).
   */
  listUnsettled(before: string, limit: number, cursor?: string): Promise<Page<EvidenceRevision>>;
  /** Links of a criterion, newest evidence first, skipping deleted evidence. */
  listByCriterion(
    cycleId: string,
    entityId: string,
    criterionCode: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<Evidence>>;
  /** All evidence of an entity in a cycle that is not deleted (readiness). */
  listByEntity(cycleId: string, entityId: string): Promise<Evidence[]>;
  /**
   * The same evidence with only what readiness reads (links, state, document type, dates), for a store that
   * can read less than whole items (DynamoDB: a projection). Without it readiness reads `listByEntity`.
   */
  listFactsByEntity?(cycleId: string, entityId: string): Promise<EvidenceFact[]>;
  search(query: EvidenceQuery, limit: number, cursor?: string): Promise<Page<Evidence>>;
  /** Evidence of the entity's cycle holding a revision with this SHA-256. */
  findBySha(cycleId: string, entityId: string, sha256: string): Promise<string[]>;
  /** The evidence a previous carry-forward created from `sourceEvidenceId`, if any. */
  findCarried(
    cycleId: string,
    entityId: string,
    fromCycleId: string,
    sourceEvidenceId: string,
  ): Promise<string | undefined>;
  /** Removes the evidence's items (revisions, links, index entries); audit entries stay. */
  purge(evidence: Evidence, revisions: readonly EvidenceRevision[], audit: AuditEntry): Promise<void>;
}

/** Carried-forward evidence whose file copies are left for the background (docs/evidence.md, "Carry-forward"). */
export interface CarryCopyJob {
  cycleId: string;
  entityId: string;
  evidenceIds: string[];
}

/** Finishes carried-forward copies in the background (AWS: an asynchronous invocation of redrive-uploads). */
export interface CarryCopyRunner {
  start(job: CarryCopyJob): Promise<void>;
}

/**
 * Malware scanning. An inline scanner looks at the bytes during finalize's one streaming read (the local
 * EICAR scanner); an out-of-band one (GuardDuty) scans by itself and may already have left its verdict on
 * the object by the time finalize runs — otherwise its event arrives later (usecases: applyScanResult).
 */
export interface MalwareScanner {
  readonly engine: string;
  inline?(): StreamingScan;
  lookup?(objectKey: string): Promise<ScanVerdict | undefined>;
}
