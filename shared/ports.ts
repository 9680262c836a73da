/**
 * Ports: what the use cases need from the outside world. Adapters in `shared/adapters/` implement them
 * (DynamoDB, S3); tests may pass in-memory ones for pure unit tests.
 */
import type { Actor } from './domain/actor.ts';
import type { Cycle } from './domain/cycle.ts';
import type { Evidence } from './domain/evidence.ts';
import type { Framework } from './domain/framework.ts';
import type { Entity, Unit } from './domain/organization.ts';
import type { ScoreFact } from './domain/readiness.ts';

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  next(): string;
}

/** One append-only record of who changed what (BRIEF §3). */
export interface AuditEntry {
  auditId: string;
  at: string;
  actor: Pick<Actor, 'userId' | 'role'>;
  action: string;
  subject: string;
  before?: unknown;
  after?: unknown;
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page; absent on the last page. */
  next?: string;
}

export interface OrganizationRepository {
  getEntity(entityId: string): Promise<Entity | undefined>;
  listUnits(entityId: string): Promise<Unit[]>;
}

export interface FrameworkRepository {
  get(frameworkId: string, version: number): Promise<Framework | undefined>;
}

export interface CycleRepository {
  get(cycleId: string): Promise<Cycle | undefined>;
  list(limit: number, cursor?: string): Promise<Page<Cycle>>;
  /** Creates the cycle and its audit entry in one transaction. */
  create(cycle: Cycle, audit: AuditEntry): Promise<void>;
}

export interface EvidenceRepository {
  /** Evidence record (state `pending_upload`), its criterion links and the audit entry: one transaction. */
  createPending(evidence: Evidence, audit: AuditEntry): Promise<void>;
  get(cycleId: string, entityId: string, evidenceId: string): Promise<Evidence | undefined>;
  listByCriterion(
    cycleId: string,
    entityId: string,
    criterionCode: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<Evidence>>;
  listByEntity(cycleId: string, entityId: string): Promise<Evidence[]>;
  /**
   * Moves a pending evidence to its finalized state only if it is still at `expectedVersion` and pending;
   * returns false when another delivery already did it (the write is then a no-op).
   */
  finalize(evidence: Evidence, expectedVersion: number, audit: AuditEntry): Promise<boolean>;
}

export interface ScoreRepository {
  listByEntity(cycleId: string, entityId: string): Promise<ScoreFact[]>;
}

export interface PresignedUpload {
  method: 'PUT';
  url: string;
  /** Headers the client must send exactly as given: they are part of the signature. */
  headers: Record<string, string>;
  expiresAt: string;
}

export interface ObjectHead {
  sizeBytes: number;
  contentType?: string;
}

export interface ObjectStore {
  presignPut(
    key: string,
    contentType: string,
    sizeBytes: number,
    expiresInSeconds: number,
  ): Promise<PresignedUpload>;
  head(key: string): Promise<ObjectHead | undefined>;
  /** The object's bytes as a stream, so callers can hash large files in bounded memory. */
  stream(key: string): Promise<AsyncIterable<Uint8Array>>;
}
