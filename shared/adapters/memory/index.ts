/**
 * In-memory adapters for every storage and delivery port, wired to one in-memory table so they see each other's
 * writes as the DynamoDB adapters do (a score write's queue entry is what the review queue lists; every audit
 * entry is what the audit trail reads). The repositories build the DynamoDB adapters' own writes (descriptors,
 * kernel `Write`s, evidence write plans) and read through the same descriptors; only the engine differs
 * (`table.ts`, `kernel.ts`). Names follow the use cases' deps (`cycles`, `org`, `store`, …), so a test passes
 * `adapters` or a pick of it. The same contract tests (test/contract/) run against both sets.
 * The spreadsheet and document codecs and the EICAR scanner need no stand-in: they touch no service.
 */
import { eicarScanner } from '#adapters/scanners/eicar-scanner.ts';
import type { IdGenerator, MalwareScanner } from '#ports.ts';
import { memoryAssignmentRepository } from './assignment.ts';
import { type MemoryClock, memoryClock, sequentialIds } from './clock.ts';
import { memoryCycleRepository } from './cycle.ts';
import { memoryCarryCopyRunner, memoryExportRunner, memoryMailer, memoryWebhookSender } from './delivery.ts';
import { memoryEvidenceRepository } from './evidence.ts';
import { memoryExportRepository } from './export.ts';
import { memoryFrameworkRepository } from './framework.ts';
import { memoryObjectStore } from './object-store.ts';
import { memoryOrganizationRepository } from './organization.ts';
import { memoryOutboxRepository, memoryProviderRecordRepository } from './outbox.ts';
import { memoryAuditRepository, memoryReportTextsRepository, memorySnapshotRepository } from './records.ts';
import {
  memoryCommentRepository,
  memoryReviewQueueRepository,
  memoryScoreRepository,
  memorySubmissionRepository,
  memorySurveyRepository,
} from './scoring.ts';
import { MemoryTable } from './table.ts';
import { memoryUserRepository } from './user.ts';
import { memoryUserDirectory } from './user-directory.ts';

export { memoryAssignmentRepository } from './assignment.ts';
export { type MemoryClock, memoryClock, sequentialIds } from './clock.ts';
export { memoryCycleRepository } from './cycle.ts';
export * from './delivery.ts';
export { memoryEvidenceRepository } from './evidence.ts';
export { memoryExportRepository } from './export.ts';
export { memoryFrameworkRepository } from './framework.ts';
export { type MemoryObjectStore, memoryObjectStore } from './object-store.ts';
export { type MemoryOrganizationRepository, memoryOrganizationRepository } from './organization.ts';
export { memoryOutboxRepository, memoryProviderRecordRepository } from './outbox.ts';
export { memoryAuditRepository, memoryReportTextsRepository, memorySnapshotRepository } from './records.ts';
export {
  memoryCommentRepository,
  memoryReviewQueueRepository,
  memoryScoreRepository,
  memorySubmissionRepository,
  memorySurveyRepository,
} from './scoring.ts';
export { MemoryTable } from './table.ts';
export { memoryUserRepository } from './user.ts';
export { type DirectoryAccount, type MemoryUserDirectory, memoryUserDirectory } from './user-directory.ts';

export interface MemoryAdapterOptions {
  /** Where the clock starts (ISO). */
  now?: string;
  ids?: IdGenerator;
  scanner?: MalwareScanner;
}

export function createMemoryAdapters(opts: MemoryAdapterOptions = {}) {
  const table = new MemoryTable();
  const clock: MemoryClock = memoryClock(opts.now);
  const providerRecords = memoryProviderRecordRepository(table);
  return {
    table,
    clock,
    ids: opts.ids ?? sequentialIds(),
    org: memoryOrganizationRepository(table),
    frameworks: memoryFrameworkRepository(table),
    cycles: memoryCycleRepository(table),
    assignments: memoryAssignmentRepository(table),
    evidence: memoryEvidenceRepository(table),
    scores: memoryScoreRepository(table),
    queue: memoryReviewQueueRepository(table),
    comments: memoryCommentRepository(table),
    submissions: memorySubmissionRepository(table),
    surveys: memorySurveyRepository(table),
    audit: memoryAuditRepository(table),
    snapshots: memorySnapshotRepository(table),
    reports: memoryReportTextsRepository(table),
    exports: memoryExportRepository(table),
    users: memoryUserRepository(table),
    outbox: memoryOutboxRepository(table),
    providerRecords,
    store: memoryObjectStore(clock),
    directory: memoryUserDirectory(),
    mailer: memoryMailer(clock, providerRecords),
    webhook: memoryWebhookSender(),
    exportRunner: memoryExportRunner(),
    carryCopyRunner: memoryCarryCopyRunner(),
    scanner: opts.scanner ?? eicarScanner,
  };
}

export type MemoryAdapters = ReturnType<typeof createMemoryAdapters>;
