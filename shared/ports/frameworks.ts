/** Ports: Assessment frameworks: versions, heads and their spreadsheet form. */
import type { Framework, FrameworkDocument, FrameworkProblem } from '#domain/framework.ts';
import type { FrameworkLabel } from '#domain/framework-label.ts';
import type { AuditEntry, Page, Progress } from './common.ts';

/** One per framework: what lists show, and the numbers the version rules need. */
export interface FrameworkHead {
  frameworkId: string;
  name: { vi: string; en: string };
  index: Framework['index'];
  provenance: Framework['provenance'];
  latestVersion: number;
  latestPublishedVersion?: number;
  updatedAt: string;
  /** Optimistic-concurrency counter of the head item. */
  revision: number;
}

/** A version without its nodes (lists). */
export type FrameworkVersionSummary = Omit<Framework, 'nodes' | 'mapping' | 'bands'> & { nodeCount: number };

export interface FrameworkRepository {
  get(frameworkId: string, version: number): Promise<Framework | undefined>;
  getHead(frameworkId: string): Promise<FrameworkHead | undefined>;
  /** A version's name and provenance only (its nodes are not read). */
  getLabel(frameworkId: string, version: number): Promise<FrameworkLabel | undefined>;
  listHeads(limit: number, cursor?: string): Promise<Page<FrameworkHead>>;
  listVersions(frameworkId: string, limit: number, cursor?: string): Promise<Page<FrameworkVersionSummary>>;
  /**
   * Writes a version, its head and the audit entry in one transaction. The version must not exist
   * (`expectedRevision` absent) or be a draft still at `expectedRevision`; the head must be at
   * `expectedHeadRevision` (absent: must not exist). A published version is never overwritten: a failed
   * condition throws `ConflictError` with the version as stored.
   */
  save(
    framework: Framework,
    head: FrameworkHead,
    expected: { revision?: number; headRevision?: number },
    audit: AuditEntry,
  ): Promise<void>;
}

/** The one-sheet .xlsx form of a framework (adapter: shared/adapters/xlsx/framework-sheet.ts). */
export interface FrameworkSheetCodec {
  read(
    bytes: Uint8Array,
    onProgress?: Progress,
  ): Promise<{
    document: Record<string, unknown>;
    nodeRows: number[];
    metaRows: Record<string, number>;
    problems: FrameworkProblem[];
  }>;
  write(doc: FrameworkDocument): Promise<Uint8Array>;
  template(): Promise<Uint8Array>;
  withRows(
    problems: FrameworkProblem[],
    read: { document: Record<string, unknown>; nodeRows: number[]; metaRows: Record<string, number> },
  ): FrameworkProblem[];
}
