/** Ports: The dossier: report texts, export jobs and the writers that build its files. */
import type { ExportJob } from '#domain/dossier.ts';
import type { ReportTexts } from '#domain/report.ts';
import type { ReportModel } from '#domain/report-model.ts';
import type { CouncilMeta, CouncilRow, ScoreTable, ScoreTableMeta } from '#domain/score-table.ts';
import type { AuditEntry, AuditScope } from './common.ts';

/** The report's texts (docs/dossier.md), one versioned record per cycle × entity. */
export interface ReportTextsRepository {
  get(cycleId: string, entityId: string): Promise<ReportTexts | undefined>;
  /** Conditional on `expectedVersion` (absent: must not exist), with the audit entry; else `ConflictError` with the stored one. */
  save(texts: ReportTexts, expectedVersion: number | undefined, audit: AuditEntry): Promise<void>;
}

/** Writes the report (.docx) from its model (the docx library lives only in the export worker's bundle). */
export interface ReportWriter {
  report(model: ReportModel): Promise<Uint8Array>;
}

/** Export jobs (docs/dossier.md): the job record and its key → job lookup that makes requests idempotent. */
export interface ExportRepository {
  get(jobId: string): Promise<ExportJob | undefined>;
  /** The job last created for this key, if any. */
  findByKey(key: string): Promise<ExportJob | undefined>;
  /**
   * Creates the job and points its key at it, in one transaction with the audit entry. `replacing`: the job the
   * key pointed to when the caller looked (expired, failed or lost); absent: the key must be new. Another
   * request that won the race → `ConflictError` carrying the winner's job.
   */
  create(
    job: ExportJob,
    replacing: string | undefined,
    audit: AuditEntry,
    auditScope?: AuditScope,
  ): Promise<void>;
  /** Updates state, progress, files, error; conditional on the state the caller saw. */
  update(job: ExportJob, expectedState: ExportJob['state']): Promise<void>;
}

/** Builds the dossier's spreadsheets (exceljs lives only in the export worker's bundle). */
export interface DossierSheets {
  scoreTable(table: ScoreTable, meta: ScoreTableMeta): Promise<Uint8Array>;
  councilTable(rows: CouncilRow[], meta: CouncilMeta): Promise<Uint8Array>;
}

/** Starts the export worker in the background (AWS: an asynchronous Lambda invocation). */
export interface ExportRunner {
  start(jobId: string): Promise<void>;
}
