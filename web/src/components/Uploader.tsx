/**
 * Drag-and-drop or pick files; each file gets its own row with a progress bar, cancel and retry.
 * Per file: pre-check against the cycle's limits → ask the API for a presigned PUT → send the bytes with XHR
 * (progress) → poll the evidence list until the server's finalize step has checked the file (available or
 * quarantined) → refresh the lists and readiness. A retry reuses the presigned URL while it is valid; its 412
 * (the cancelled attempt had in fact stored the file) counts as sent (`settlePut`).
 */
import { CloseOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Progress, Select, Tag, Typography } from 'antd';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { ApiError, type CriterionRef } from '../api/client.ts';
import {
  type EvidenceView,
  evidenceView,
  IN_PROGRESS_STATES,
  type MultipartPlan,
  multipartOf,
  type SinglePut,
  singlePutOf,
  ticketFileOf,
} from '../api/evidence-view.ts';
import type { CriterionReadiness, Cycle, FieldIssue } from '../api/types.ts';
import { PutAborted, PutError, putFile, settlePut } from '../api/upload.ts';
import { useServices } from '../app/context.tsx';
import { queryKeys } from '../app/queries.ts';
import { formatBytes } from '../i18n/format.ts';
import { type Bilingual, useI18n, type Vars } from '../i18n/i18n.tsx';
import { type MessageKey, vi } from '../i18n/messages.ts';
import { DropZone } from './DropZone.tsx';
import { COMMON_DOC_TYPES, docTypeLabel } from './labels.ts';
import { acceptAttribute, allowedKindsText, checkFile } from './upload-check.ts';

type Status =
  | 'rejected'
  | 'requesting'
  | 'uploading'
  | 'finalizing'
  | 'done'
  | 'quarantined'
  | 'failed'
  | 'cancelled';

/** Messages are kept as keys or bilingual texts, so switching language re-renders them. */
type Message = { key: MessageKey; vars?: Vars } | { text: Bilingual };

interface Item {
  id: string;
  file: File;
  documentType?: string;
  contentType?: string;
  status: Status;
  loaded: number;
  error?: Message;
  issues?: FieldIssue[];
  ticket?: Ticket;
  /** The part being sent, for large files sent in parts. */
  part?: { n: number; total: number };
  evidence?: EvidenceView;
  /** Finalize took longer than we wait for; the evidence list keeps polling. */
  slow?: boolean;
}

interface Ticket {
  evidenceId: string;
  put?: SinglePut;
  multipart?: MultipartPlan & { etags: Record<number, string> };
}

const IN_FLIGHT: Status[] = ['requesting', 'uploading', 'finalizing'];
const POLL_DEADLINE_MS = 60_000;
/** A presigned URL with less time left than this is not worth starting a PUT with on a slow line. */
const TICKET_MARGIN_MS = 60_000;

let nextId = 0;

export function Uploader({
  criterionRef,
  cycle,
  criterion,
  slotLabel,
}: {
  criterionRef: CriterionRef;
  cycle: Cycle;
  criterion?: CriterionReadiness;
  /** The framework's name for a slot (falls back to the document type's name). */
  slotLabel: (kind: string) => string;
}) {
  const { t, lang, pick } = useI18n();
  const { api } = useServices();
  const queryClient = useQueryClient();
  const [items, setItems] = useState<Item[]>([]);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const aborters = useRef(new Map<string, () => void>());
  const docTypeId = useId();

  const slotKinds = (criterion?.slots ?? []).map((s) => s.kind).filter((k) => k !== '*');
  const docTypes = [...new Set([...slotKinds, ...COMMON_DOC_TYPES])];
  // Until the user picks one, files fill the criterion's first slot (as the server assumes too).
  const [chosenType, setDocumentType] = useState<string>();
  const documentType = chosenType ?? slotKinds[0];

  const limits = cycle.uploadLimits;
  const closed = cycle.status !== 'open';
  const bytes = useCallback((n: number) => formatBytes(n, lang), [lang]);

  const update = useCallback((id: string, patch: Partial<Item>) => {
    setItems((list) => list.map((it) => (it.id === id ? { ...it, ...patch } : it)));
  }, []);

  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({
      queryKey: queryKeys.evidence(criterionRef.cycleId, criterionRef.entityId, criterionRef.criterionCode),
    });
    void queryClient.invalidateQueries({
      queryKey: queryKeys.readiness(criterionRef.cycleId, criterionRef.entityId),
    });
  }, [queryClient, criterionRef]);

  const waitForFinalize = useCallback(
    async (id: string, evidenceId: string) => {
      const until = Date.now() + POLL_DEADLINE_MS;
      let delay = 700;
      while (Date.now() < until) {
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 1.5, 4000);
        if (!itemsRef.current.some((it) => it.id === id)) return; // removed meanwhile
        try {
          const page = await api.listEvidence(criterionRef);
          const found = page.items.find((e) => e.evidenceId === evidenceId);
          const ev = found && evidenceView(found);
          if (ev && !IN_PROGRESS_STATES.includes(ev.state)) {
            update(id, { status: ev.state === 'quarantined' ? 'quarantined' : 'done', evidence: ev });
            refresh();
            return;
          }
        } catch {
          // A failed poll on a flaky line is not a failed upload: keep trying until the deadline.
        }
      }
      update(id, { slow: true });
      refresh();
    },
    [api, criterionRef, update, refresh],
  );

  /** One presigned PUT of the whole file. */
  const sendSingle = useCallback(
    async (id: string, file: File, put: SinglePut): Promise<boolean> => {
      const handle = putFile(put, file, (loaded) => update(id, { loaded }));
      aborters.current.set(id, handle.abort);
      const result = await settlePut(handle);
      aborters.current.delete(id);
      if (!result.stored) update(id, putFailure(result.error, { ticket: undefined }));
      return result.stored;
    },
    [update],
  );

  /**
   * A large file in parts, one at a time (a slow line gains nothing from more). Each part's ETag is kept, so
   * Retry after a drop or a cancel resumes at the first missing part, asking for fresh URLs when they expired.
   */
  const sendParts = useCallback(
    async (id: string, file: File, ticket: Ticket): Promise<boolean> => {
      const mp = ticket.multipart!;
      const etags = { ...mp.etags };
      let urls = new Map(mp.parts.map((p) => [p.partNumber, p]));
      let expiresAt = mp.expiresAt;
      const fileRef = { ...criterionRef, evidenceId: ticket.evidenceId, fileId: mp.fileId };
      const sizeOf = (n: number) =>
        n < mp.partCount ? mp.partBytes : file.size - mp.partBytes * (mp.partCount - 1);
      const doneBytes = () => Object.keys(etags).reduce((sum, n) => sum + sizeOf(Number(n)), 0);
      const save = () =>
        update(id, {
          ticket: {
            ...ticket,
            multipart: { ...mp, etags: { ...etags }, parts: [...urls.values()], expiresAt },
          },
        });
      update(id, { loaded: doneBytes() });

      for (let n = 1; n <= mp.partCount; n++) {
        if (etags[n]) continue;
        if (!urls.get(n) || Date.parse(expiresAt) - Date.now() < TICKET_MARGIN_MS) {
          const missing: number[] = [];
          for (let k = n; k <= mp.partCount && missing.length < 100; k++) if (!etags[k]) missing.push(k);
          const controller = new AbortController();
          aborters.current.set(id, () => controller.abort());
          try {
            const fresh = multipartOf(
              await api.uploadParts(
                fileRef,
                { revision: mp.revision, partNumbers: missing },
                controller.signal,
              ),
            );
            urls = new Map((fresh?.parts ?? []).map((p) => [p.partNumber, p]));
            expiresAt = fresh?.expiresAt ?? expiresAt;
          } catch (e) {
            save();
            update(id, requestFailure(e));
            return false;
          } finally {
            aborters.current.delete(id);
          }
        }
        const url = urls.get(n);
        if (!url) {
          update(id, { status: 'failed', error: { key: 'upload.putFailed', vars: { status: 0 } } });
          return false;
        }
        update(id, { part: { n, total: mp.partCount } });
        const base = doneBytes();
        const from = (n - 1) * mp.partBytes;
        const handle = putFile(url, file.slice(from, from + sizeOf(n)), (loaded) =>
          update(id, { loaded: base + loaded }),
        );
        aborters.current.set(id, handle.abort);
        try {
          const etag = await handle.done;
          if (!etag) throw new PutError(0, 'NoETag');
          etags[n] = etag;
          save();
        } catch (e) {
          // An expired part URL: forget the URLs, keep the parts; Retry asks for fresh ones.
          if (e instanceof PutError && e.status === 403) expiresAt = new Date(0).toISOString();
          save();
          update(id, putFailure(e));
          return false;
        } finally {
          aborters.current.delete(id);
        }
      }
      try {
        await api.completeUpload(fileRef, {
          revision: mp.revision,
          parts: Object.entries(etags)
            .map(([n, etag]) => ({ partNumber: Number(n), etag: String(etag) }))
            .sort((a, b) => a.partNumber - b.partNumber),
        });
      } catch (e) {
        // 409: an earlier completion got through but its answer was lost; finalize is under way.
        if (!(e instanceof ApiError && e.status === 409)) {
          update(id, requestFailure(e));
          return false;
        }
      }
      return true;
    },
    [api, criterionRef, update],
  );

  const start = useCallback(
    async (id: string) => {
      const item = itemsRef.current.find((it) => it.id === id);
      if (!item?.contentType) return;
      let ticket = item.ticket;
      const singleExpired = ticket?.put && Date.parse(ticket.put.expiresAt) - Date.now() < TICKET_MARGIN_MS;
      if (!ticket || singleExpired) {
        const controller = new AbortController();
        aborters.current.set(id, () => controller.abort());
        update(id, { status: 'requesting', error: undefined, issues: undefined, loaded: 0, slow: false });
        try {
          const answer = await api.requestUpload(
            criterionRef,
            {
              fileName: item.file.name,
              contentType: item.contentType,
              sizeBytes: item.file.size,
              ...(item.documentType ? { documentType: item.documentType } : {}),
            },
            controller.signal,
          );
          const target = ticketFileOf(answer);
          const parts = multipartOf(answer.upload);
          ticket = {
            evidenceId: answer.evidence.evidenceId,
            put: singlePutOf(answer.upload),
            multipart:
              parts && target.fileId
                ? { ...parts, fileId: target.fileId, revision: target.revision, etags: {} }
                : undefined,
          };
        } catch (e) {
          update(id, requestFailure(e));
          return;
        } finally {
          aborters.current.delete(id);
        }
        update(id, { ticket });
      }
      update(id, { status: 'uploading', error: undefined, issues: undefined, slow: false });
      if (!ticket.multipart && !ticket.put)
        return update(id, { status: 'failed', error: { key: 'upload.multipart' } });
      const sent = ticket.multipart
        ? await sendParts(id, item.file, ticket)
        : await sendSingle(id, item.file, ticket.put!);
      if (!sent) return;
      update(id, { status: 'finalizing', part: undefined });
      refresh();
      await waitForFinalize(id, ticket.evidenceId);
    },
    [api, criterionRef, update, refresh, waitForFinalize, sendParts, sendSingle],
  );

  const addFiles = (files: FileList | File[]) => {
    const added: Item[] = [...files].map((file) => {
      const check = checkFile(file, limits, bytes);
      return {
        id: `u${++nextId}`,
        file,
        documentType,
        loaded: 0,
        ...(check.ok
          ? { status: 'requesting' as const, contentType: check.contentType }
          : { status: 'rejected' as const, error: { key: check.key, vars: check.vars } }),
      };
    });
    itemsRef.current = [...added, ...itemsRef.current];
    setItems(itemsRef.current);
    for (const it of added) if (it.status === 'requesting') void start(it.id);
  };

  const cancel = (id: string) => aborters.current.get(id)?.();
  const remove = (id: string) => setItems((list) => list.filter((it) => it.id !== id));
  useEffect(() => {
    const map = aborters.current;
    return () => {
      for (const abort of map.values()) abort();
    };
  }, []);

  const message = (m: Message) => ('key' in m ? t(m.key, m.vars) : pick(m.text));
  const fieldLabel = (field: string) => {
    const key = `upload.field.${field}`;
    return key in vi ? t(key as MessageKey) : field;
  };

  return (
    <section aria-labelledby="upload-title" className="mc-section" data-testid="uploader">
      <Typography.Title level={2} id="upload-title" className="mc-section-title">
        {t('upload.title')}
      </Typography.Title>
      {closed ? (
        <Alert type="info" showIcon title={t('upload.closed')} />
      ) : (
        <>
          <Form layout="vertical" className="mc-upload-form">
            <Form.Item label={t('upload.docType')} htmlFor={docTypeId} className="mc-upload-doctype">
              <Select
                id={docTypeId}
                value={documentType}
                onChange={setDocumentType}
                options={docTypes.map((k) => ({
                  value: k,
                  label: slotKinds.includes(k) ? slotLabel(k) : docTypeLabel(k, t),
                }))}
              />
            </Form.Item>
          </Form>
          <DropZone
            onFiles={(files) => {
              if (!closed) addFiles(files);
            }}
            labels={{ drop: t('upload.drop'), or: t('upload.or'), choose: t('upload.choose') }}
            hint={t('upload.limits', { kinds: allowedKindsText(limits), max: bytes(limits.maxFileBytes) })}
            accept={acceptAttribute(limits)}
            multiple
            testId="dropzone"
            inputTestId="file-input"
          />
        </>
      )}

      {items.length ? (
        <ul className="mc-upload-list" aria-label={t('upload.queue')} data-testid="upload-list">
          {items.map((it) => {
            const percent = it.file.size ? Math.round((it.loaded / it.file.size) * 100) : 0;
            const inFlight = IN_FLIGHT.includes(it.status);
            const statusText =
              it.status === 'uploading'
                ? `${t('upload.status.uploading', { percent: `${percent}%` })}${it.part && it.part.total > 1 ? ` · ${t('upload.part', it.part)}` : ''}`
                : t(`upload.status.${it.status}`);
            return (
              <li key={it.id} className="mc-upload-item" data-testid="upload-item" data-status={it.status}>
                <div className="mc-upload-row">
                  <div className="mc-upload-name">
                    <strong className="mc-wrap">{it.file.name}</strong>
                    <span className="mc-muted">
                      {bytes(it.file.size)}
                      {it.documentType ? ` · ${slotLabel(it.documentType)}` : ''}
                    </span>
                  </div>
                  <div className="mc-upload-actions">
                    {it.status === 'uploading' || it.status === 'requesting' ? (
                      <Button size="small" icon={<CloseOutlined />} onClick={() => cancel(it.id)}>
                        {t('upload.cancel')}
                      </Button>
                    ) : null}
                    {it.status === 'failed' || it.status === 'cancelled' ? (
                      <Button size="small" icon={<ReloadOutlined />} onClick={() => void start(it.id)}>
                        {t('upload.retry')}
                      </Button>
                    ) : null}
                    {!inFlight ? (
                      <Button
                        size="small"
                        type="text"
                        icon={<CloseOutlined />}
                        aria-label={`${t('upload.remove')}: ${it.file.name}`}
                        onClick={() => remove(it.id)}
                      />
                    ) : null}
                  </div>
                </div>
                <Progress
                  percent={it.status === 'done' || it.status === 'finalizing' ? 100 : percent}
                  status={
                    it.status === 'failed' || it.status === 'rejected' || it.status === 'quarantined'
                      ? 'exception'
                      : it.status === 'done'
                        ? 'success'
                        : it.status === 'cancelled'
                          ? 'normal'
                          : 'active'
                  }
                  size="small"
                  aria-label={t('upload.progressLabel', { name: it.file.name })}
                  format={(p) => `${p ?? 0}%`}
                />
                <div className="mc-upload-status" role="status" aria-live="polite">
                  <Tag color={STATUS_COLOR[it.status]}>{statusText}</Tag>
                  {it.error ? <span className="mc-error-text">{message(it.error)}</span> : null}
                  {it.slow ? <span className="mc-muted">{t('upload.status.slow')}</span> : null}
                  {it.status === 'quarantined' && it.evidence?.quarantineReason ? (
                    <span className="mc-error-text">{pick(it.evidence.quarantineReason)}</span>
                  ) : null}
                </div>
                {it.issues?.length ? (
                  <ul className="mc-issues">
                    {it.issues.map((issue) => (
                      <li key={issue.field} className="mc-error-text">
                        <strong>{fieldLabel(issue.field)}:</strong> {pick(issue.message)}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}

/** What a refused or failed API call (ticket, fresh part URLs, complete) does to the file's row. */
function requestFailure(e: unknown): Partial<Item> {
  if ((e as Error).name === 'AbortError') return { status: 'cancelled' };
  if (e instanceof ApiError)
    return { status: e.status === 400 ? 'rejected' : 'failed', error: { text: e.text }, issues: e.issues };
  return { status: 'failed', error: { key: 'error.network' } };
}

/** What a failed PUT to the store does; `onExpired` is merged in when S3 refuses an expired signature (403). */
function putFailure(e: unknown, onExpired: Partial<Item> = {}): Partial<Item> {
  if (e instanceof PutAborted) return { status: 'cancelled' };
  const status = e instanceof PutError ? e.status : 0;
  if (status === 403) return { ...onExpired, status: 'failed', error: { key: 'upload.expired' } };
  return {
    status: 'failed',
    error: status ? { key: 'upload.putFailed', vars: { status } } : { key: 'error.network' },
  };
}

const STATUS_COLOR: Record<Status, string> = {
  rejected: 'red',
  requesting: 'processing',
  uploading: 'processing',
  finalizing: 'processing',
  done: 'green',
  quarantined: 'red',
  failed: 'red',
  cancelled: 'default',
};
