/**
 * Another file for an existing evidence, or (with `replacesFileId`) a new revision of one of its files: the
 * same pre-check and presigned PUT as the Uploader (`checkFile`, `putFile`), a large file in parts one after
 * another then completed. The old revision stays readable until the new one is checked by the server; the
 * caller polls the evidence meanwhile. No resume across a page reload (the Uploader on the page has that).
 */
import { UploadOutlined } from '@ant-design/icons';
import { Button, Progress } from 'antd';
import { useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { multipartOf, singlePutOf, ticketFileOf } from '../../api/evidence-view.ts';
import type { Cycle } from '../../api/types.ts';
import { PutAborted, PutError, putFile, settlePut } from '../../api/upload.ts';
import { useServices } from '../../app/context.tsx';
import { formatBytes } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { acceptAttribute, checkFile } from '../upload-check.ts';
import type { EvidenceRef } from './api.ts';

type State =
  | { step: 'idle' }
  | { step: 'sending'; name: string; loaded: number; total: number }
  | { step: 'sent'; name: string }
  | { step: 'failed'; message: string };

export function FileRevisionUpload({
  evidenceRef,
  cycle,
  replacesFileId,
  label,
  onSent,
}: {
  evidenceRef: EvidenceRef;
  cycle: Cycle;
  replacesFileId?: string;
  label: string;
  onSent: () => void;
}) {
  const { t, lang, pick } = useI18n();
  const { api } = useServices();
  const input = useRef<HTMLInputElement>(null);
  const abort = useRef<() => void>(undefined);
  const [state, setState] = useState<State>({ step: 'idle' });
  const bytes = (n: number) => formatBytes(n, lang);

  const send = async (file: File) => {
    const check = checkFile(file, cycle.uploadLimits, bytes);
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
      const single = singlePutOf(ticket.upload);
      const parts = multipartOf(ticket.upload);
      if (single) {
        const handle = putFile(single, file, progress);
        abort.current = handle.abort;
        const result = await settlePut(handle);
        if (!result.stored) throw result.error;
      } else if (parts) {
        const target = ticketFileOf(ticket);
        const etags: { partNumber: number; etag: string }[] = [];
        let done = 0;
        for (const p of parts.parts) {
          const from = (p.partNumber - 1) * parts.partBytes;
          const handle = putFile(p, file.slice(from, from + p.sizeBytes), (l) => progress(done + l));
          abort.current = handle.abort;
          const etag = await handle.done;
          if (!etag) throw new PutError(0, 'NoETag');
          etags.push({ partNumber: p.partNumber, etag });
          done += p.sizeBytes;
        }
        await api.call('completeUpload', {
          params: { ...evidenceRef, fileId: target.fileId ?? replacesFileId ?? '' },
          body: { revision: target.revision, parts: etags },
        });
      } else {
        throw new PutError(0);
      }
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

  const percent =
    state.step === 'sending' && state.total ? Math.round((state.loaded / state.total) * 100) : 0;
  return (
    <div className="mc-revision-upload">
      <Button
        size="small"
        icon={<UploadOutlined />}
        loading={state.step === 'sending'}
        onClick={() => input.current?.click()}
      >
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        hidden
        accept={acceptAttribute(cycle.uploadLimits)}
        aria-label={label}
        data-testid="revision-file-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void send(f);
        }}
      />
      {state.step === 'sending' ? (
        <div role="status" aria-live="polite">
          <Progress
            size="small"
            percent={percent}
            status="active"
            aria-label={t('upload.progressLabel', { name: state.name })}
          />
          <Button size="small" onClick={() => abort.current?.()}>
            {t('upload.cancel')}
          </Button>
        </div>
      ) : state.step === 'sent' ? (
        <div className="mc-muted" role="status" data-testid="revision-sent">
          {t('ev.files.sent', { name: state.name })}
        </div>
      ) : state.step === 'failed' ? (
        <div className="mc-error-text" role="alert">
          {state.message}
        </div>
      ) : null}
    </div>
  );
}
