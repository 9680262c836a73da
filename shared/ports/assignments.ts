/** Ports: Cycles and the assignments of their criteria, with the assignments' spreadsheet form. */
import type { Assignment } from '#domain/assignment.ts';
import type { Cycle } from '#domain/cycle.ts';
import type { AuditEntry, Page, Progress } from './common.ts';

export interface CycleRepository {
  get(cycleId: string): Promise<Cycle | undefined>;
  list(limit: number, cursor?: string): Promise<Page<Cycle>>;
  /** Creates the cycle and its audit entry in one transaction. */
  create(cycle: Cycle, audit: AuditEntry): Promise<void>;
  /** Replaces the cycle if it is still at `expectedVersion` (else `ConflictError` with the current cycle). */
  update(cycle: Cycle, expectedVersion: number, audit: AuditEntry): Promise<void>;
}

export interface AssignmentRepository {
  get(cycleId: string, entityId: string, assignmentId: string): Promise<Assignment | undefined>;
  listByEntity(cycleId: string, entityId: string, limit: number, cursor?: string): Promise<Page<Assignment>>;
  /** A unit's tasks, soonest due first. */
  listByUnit(
    cycleId: string,
    entityId: string,
    unitId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<Assignment>>;
  listAll(cycleId: string, entityId: string): Promise<Assignment[]>;
  /** Replaces the assignment if still at `expectedVersion` (else `ConflictError` with the current one). */
  update(assignment: Assignment, expectedVersion: number, audit: AuditEntry): Promise<void>;
  /**
   * Creates assignments that must not exist yet, in transactions of up to 99 with one audit entry each
   * (`auditFor(batch)`); reports progress after each batch. Batches already written stay written.
   */
  createMany(
    assignments: readonly Assignment[],
    auditFor: (batch: readonly Assignment[], index: number) => AuditEntry,
    onProgress?: (done: number, total: number) => void,
  ): Promise<void>;
}

/** The one-sheet .xlsx form of a list of assignments (adapter: shared/adapters/xlsx/assignment-sheet.ts). */
export interface AssignmentSheetCodec {
  read(
    bytes: Uint8Array,
    onProgress?: Progress,
  ): Promise<{
    rows: { row: number; values: Partial<Record<string, string>> }[];
    problems: { row?: number; field: string; message: { vi: string; en: string } }[];
  }>;
  write(
    rows: readonly Assignment[],
    unitName?: (unitId: string) => string,
    primaryFrameworkId?: string,
  ): Promise<Uint8Array>;
  template(): Promise<Uint8Array>;
}
