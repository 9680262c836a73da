/**
 * The preview dialog's pure half: what was asked to open, which of the evidence's files and revisions that
 * means, and whether its bytes can be fetched at all (quarantined or unfinished files never are).
 */
import { type FileView, filesOf, type PreviewKind, previewKindOf } from '../../api/evidence-view.ts';
import type { Evidence } from '../../api/types.ts';

export interface PreviewTarget {
  cycleId: string;
  entityId: string;
  evidence: Evidence;
  /** Which file (default: the first); a revision other than the current one from the history. */
  fileId?: string;
  revision?: number;
}

/**
 * The target with its evidence as the latest list has it: a preview opened while the file was still being
 * checked starts loading by itself once the list's polling sees it available.
 */
export function withFreshEvidence(
  target: PreviewTarget | null,
  items: readonly Evidence[],
): PreviewTarget | null {
  if (!target) return null;
  const fresh = items.find((e) => e.evidenceId === target.evidence.evidenceId);
  return fresh ? { ...target, evidence: fresh } : target;
}

/** Another evidence, file or revision opened: the dialog starts again on the requested file. */
export function previewKey(target: PreviewTarget | null): string {
  return target ? `${target.evidence.evidenceId}:${target.fileId ?? ''}:${target.revision ?? ''}` : '';
}

export interface PreviewChoice {
  files: FileView[];
  /** The file picked in the dialog, else the requested one, else the first. */
  file?: FileView;
  /** The requested revision, else the file's newest available one. */
  revision?: number;
  kind: PreviewKind;
  /** The newest revision was refused by the server's check and none is available. */
  quarantined: boolean;
  /** No revision is available yet (still uploading or being checked). */
  unfinished: boolean;
  /** The bytes may be fetched and the browser can show them. */
  canPreview: boolean;
}

export function previewChoice(target: PreviewTarget | null, fileId: string | undefined): PreviewChoice {
  const files = target ? filesOf(target.evidence) : [];
  const file = files.find((f) => f.fileId === fileId) ?? files[0];
  const revision = target?.revision ?? file?.revision;
  const kind = file ? previewKindOf(file.kind) : 'none';
  const quarantined = !!file && file.revision === undefined && file.latestState === 'quarantined';
  const unfinished = !!file && file.revision === undefined && !quarantined;
  const canPreview = !!target && !!file && revision !== undefined && kind !== 'none';
  return { files, file, revision, kind, quarantined, unfinished, canPreview };
}
