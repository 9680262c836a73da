/**
 * Evidence (tài liệu kiểm chứng, docs/evidence.md): document metadata, one or more files, each file a chain of
 * revisions, and links to the criteria it proves. Pure rules only; the use cases in
 * shared/usecases/evidence*.ts orchestrate them.
 *
 * States. A *revision* (one uploaded object) goes pending_upload → scanning? → available | quarantined, once;
 * a pending upload whose bytes never came ends `upload_expired` (docs/evidence.md, "Recovery").
 * A file's `current` revision is its newest available one: a replacement that is still uploading, or turns
 * out to be quarantined, never hides the good revision before it. The *evidence* state is derived from its
 * files (see `deriveEvidenceState`); `accepted` / `rejected` are set by reviewers.
 *
 * The records and request bodies are in evidence-schemas.ts, a file's checks (limits, upload plan, finalize)
 * in evidence-files.ts, the state and the reviewer's verdict in evidence-state.ts; this module re-exports
 * them and keeps the metadata edits.
 */
import { type EditEvidence, type Evidence, OPTIONAL_METADATA } from './evidence-schemas.ts';
import { foldForSearch } from './text.ts';

export * from './evidence-files.ts';
export * from './evidence-schemas.ts';
export * from './evidence-state.ts';

/** Folded text the search matches: title, document number, issuer and file names. */
export function searchTextOf(ev: Pick<Evidence, 'title' | 'documentNumber' | 'issuer' | 'files'>): string {
  return foldForSearch(
    [ev.title, ev.documentNumber, ev.issuer, ...ev.files.map((f) => f.latest.fileName)]
      .filter(Boolean)
      .join(' '),
  );
}

/** Applies an edit to the metadata; `null` clears an optional field. Returns the fields that changed. */
export function editMetadata(ev: Evidence, edit: EditEvidence): { next: Evidence; changed: string[] } {
  const next: Evidence = { ...ev };
  const changed: string[] = [];
  if (edit.title !== undefined && edit.title !== ev.title) {
    next.title = edit.title;
    changed.push('title');
  }
  for (const k of OPTIONAL_METADATA) {
    const v = edit[k];
    if (v === undefined) continue;
    if (JSON.stringify(v ?? undefined) === JSON.stringify(ev[k])) continue;
    (next as Record<string, unknown>)[k] = v ?? undefined;
    changed.push(k);
  }
  return { next, changed };
}
