/**
 * Sending another file, or a new revision of one, to an existing evidence: the Uploader's pre-check
 * (`checkFile`), the ticket from `addEvidenceFile`, then the presigned PUT — one, or a large file's parts one
 * after another followed by `completeUpload`. Cancel aborts the PUT under way and goes back to idle.
 */
import { useRef, useState } from 'react';
import { type ApiClient, ApiError } from '../../api/client.ts';
import { multipartOf, singlePutOf, ticketFileOf } from '../../api/evidence-view.ts';
import type { Cycle } from '../../api/types.ts';
import { PutAborted, PutError, putFile, settlePut } from '../../api/upload.ts';
import { useServices } from '../../app/context.tsx';
import { formatBytes } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { checkFile } from '../upload-check.ts';
import type { AddFileTicket, EvidenceRef } from './api.ts';

export type RevisionUploadState =
  | { step: 'idle' }
  | { step: 'sending'; name: string; loaded: number; total: number }
  | { step: 'sent'; name: string }
  | { step: 'failed'; message: string };

interface Target {
  evidenceRef: EvidenceRef;
  replacesFileId?: string;
}

/** The bytes as the ticket asks; `onAbortable` hands over how to abort the PUT under way. */
async function putTicketFile(
  api: ApiClient,
  { evidenceRef, replacesFileId }: Target,
  ticket: AddFileTicket,
  file: File,
  progress: (loaded: number) => void,
  onAbortable: (abort: () => void) => void,
): Promise<void> {
  const single = singlePutOf(ticket.upload);
  const parts = multipartOf(ticket.upload);
  if (single) {
    const handle = putFile(single, file, progress);
    onAbortable(handle.abort);
    const result = await settlePut(handle);
    if (!result.stored) throw result.error;
    return;
  }
  if (!parts) throw new PutError(0);
  const target = ticketFileOf(ticket);
  const etags: { partNumber: number; etag: string }[] = [];
  let done = 0;
  for (const p of parts.parts) {
    const from = (p.partNumber - 1) * parts.partBytes;
    const handle = putFile(p, file.slice(from, from + p.sizeBytes), (l) => progress(done + l));
    onAbortable(handle.abort);
    const etag = await handle.done;
    if (!etag) throw new PutError(0, 'NoETag');
    etags.push({ partNumber: p.partNumber, etag });
    done += p.sizeBytes;
  }
  await api.call('completeUpload', {
    params: { ...evidenceRef, fileId: target.fileId ?? replacesFileId ?? '' },
    body: { revision: target.revision, parts: etags },
  });
}

export function useRevisionUpload({
  evidenceRef,
  cycle,
  replacesFileId,
  onSent,
}: Target & { cycle: Cycle; onSent: () => void }) {
  const { t, lang, pick } = useI18n();
  const { api } = useServices();
  const abort = useRef<() => void>(undefined);
  const [state, setState] = useState<RevisionUploadState>({ step: 'idle' });

  const send = async (file: File) => {
    const check = checkFile(file, cycle.uploadLimits, (n) => formatBytes(n, lang));
    if (!check.ok) return setState({ step: 'failed', message: t(check.key, check.vars) });
    setState({ step: 'sending', name: file.name, loaded: 0, total: file.size });
    try {
      const ticket = await api.call('addEvidenceFile', {
        params: { ...evidenceRef },
        body: {
          fileName: file.name,
          contentType: check.contentType,
          sizeBytes: file.size,
          ...(replacesFileId ? { replacesFileId } : {}),
        },
      });
      const progress = (loaded: number) =>
        setState({ step: 'sending', name: file.name, loaded, total: file.size });
      await putTicketFile(api, { evidenceRef, replacesFileId }, ticket, file, progress, (a) => {
        abort.current = a;
      });
      setState({ step: 'sent', name: file.name });
      onSent();
    } catch (e) {
      if (e instanceof PutAborted) return setState({ step: 'idle' });
      const message =
        e instanceof ApiError
          ? [pick(e.text), ...e.issues.map((i) => pick(i.message))].join(' ')
          : e instanceof PutError && e.status
            ? t('upload.putFailed', { status: e.status })
            : t('error.network');
      setState({ step: 'failed', message });
    } finally {
      abort.current = undefined;
    }
  };

  return { state, send, cancel: () => abort.current?.() };
}
