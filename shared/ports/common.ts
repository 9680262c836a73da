/** Ports: Clock, ids, audit entries and paging: shared by every area's ports. */
import type { Actor } from '#domain/actor.ts';

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  next(): string;
}

/** One append-only record of who changed what (docs/scoring.md). */
export interface AuditEntry {
  auditId: string;
  at: string;
  actor: Pick<Actor, 'userId' | 'role' | 'name'>;
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

export type Progress = (done: number, total: number) => void;

export interface AuditRepository {
  listByEntity(
    cycleId: string,
    entityId: string,
    order: 'asc' | 'desc',
    limit: number,
    cursor?: string,
  ): Promise<Page<AuditEntry>>;
  listByCriterion(
    cycleId: string,
    entityId: string,
    criterionCode: string,
    order: 'asc' | 'desc',
    limit: number,
    cursor?: string,
  ): Promise<Page<AuditEntry>>;
}

export interface AuditScope {
  cycleId: string;
  entityId: string;
}
