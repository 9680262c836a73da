/**
 * Drag-and-drop or pick files; each file gets its own row with a progress bar, cancel and retry.
 * Per file: pre-check against the cycle's limits → ask the API for a presigned PUT → send the bytes with XHR
 * (progress) → poll the evidence list until the server's finalize step has checked the file (available or
 * quarantined) → refresh the lists and readiness. A retry reuses the presigned URL while it is valid.
 */
import { CloseOutlined, InboxOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Progress, Select, Tag, Typography } from 'antd';
import { type DragEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { ApiError, type CriterionRef } from '../api/client.ts';
import {
  type EvidenceView,
  evidenceView,
  IN_PROGRESS_STATES,
  type SinglePut,
  singlePutOf,
} from '../api/evidence-view.ts';
import type { CriterionReadiness, Cycle, FieldIssue } from '../api/types.ts';
import { PutAborted, PutError, putFile } from '../api/upload.ts';
import { useServices } from '../app/context.tsx';
import { queryKeys } from '../app/queries.ts';
import { formatBytes } from '../i18n/format.ts';
import { type Bilingual, useI18n, type Vars } from '../i18n/i18n.tsx';
import { type MessageKey, vi } from '../i18n/messages.ts';
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
  ticket?: { evidenceId: string; put?: SinglePut };
  evidence?: EvidenceView;
  /** Finalize took longer than we wait for; the evidence list keeps polling. */
  slow?: boolean;
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
  const inputRef = useRef<HTMLInputElement>(null);
  const [items, setItems] = useState<Item[]>([]);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const aborters = useRef(new Map<string, () => void>());
  const [dragging, setDragging] = useState(false);
  const docTypeId = useId();
  const hintId = useId();

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

  const start = useCallback(
    async (id: string) => {
      const item = itemsRef.current.find((it) => it.id === id);
      if (!item?.contentType) return;
      let ticket = item.ticket;
      if (!ticket?.put || Date.parse(ticket.put.expiresAt) - Date.now() < TICKET_MARGIN_MS) {
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
          ticket = { evidenceId: answer.evidence.evidenceId, put: singlePutOf(answer.upload) };
        } catch (e) {
          aborters.current.delete(id);
          if ((e as Error).name === 'AbortError') return update(id, { status: 'cancelled' });
          if (e instanceof ApiError)
            return update(id, {
              status: e.status === 400 ? 'rejected' : 'failed',
              error: { text: e.text },
              issues: e.issues,
            });
          return update(id, { status: 'failed', error: { key: 'error.network' } });
        }
        aborters.current.delete(id);
        update(id, { ticket });
      }
      if (!ticket.put) return update(id, { status: 'failed', error: { key: 'upload.multipart' } });
      update(id, { status: 'uploading', loaded: 0, error: undefined, issues: undefined });
      const put = putFile(ticket.put, item.file, (loaded) => update(id, { loaded }));
      aborters.current.set(id, put.abort);
      try {
        await put.done;
      } catch (e) {
        if (e instanceof PutAborted) return update(id, { status: 'cancelled' });
        const status = e instanceof PutError ? e.status : 0;
        // S3 answers 403 to an expired signature: drop the ticket so Retry asks for a fresh one.
        if (status === 403)
          return update(id, { status: 'failed', ticket: undefined, error: { key: 'upload.expired' } });
        return update(id, {
          status: 'failed',
          error: status ? { key: 'upload.putFailed', vars: { status } } : { key: 'error.network' },
        });
      } finally {
        aborters.current.delete(id);
      }
      update(id, { status: 'finalizing' });
      refresh();
      await waitForFinalize(id, ticket.evidenceId);
    },
    [api, criterionRef, update, refresh, waitForFinalize],
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

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (closed) return;
    if (e.dataTransfer.files.length) addFiles(e.dataTransfer.files);
  };

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
          {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop target is a mouse shortcut; the button inside is the keyboard path. */}
          <div
            className={`mc-dropzone${dragging ? ' mc-dropzone-active' : ''}`}
            onDragEnter={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragOver={(e) => e.preventDefault()}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            data-testid="dropzone"
          >
            <InboxOutlined className="mc-dropzone-icon" aria-hidden />
            <div className="mc-dropzone-text">{t('upload.drop')}</div>
            <div className="mc-muted">{t('upload.or')}</div>
            <Button
              type="primary"
              icon={<UploadOutlined />}
              onClick={() => inputRef.current?.click()}
              aria-describedby={hintId}
            >
              {t('upload.choose')}
            </Button>
            <input
              ref={inputRef}
              type="file"
              multiple
              hidden
              accept={acceptAttribute(limits)}
              aria-label={t('upload.choose')}
              data-testid="file-input"
              onChange={(e) => {
                if (e.target.files?.length) addFiles(e.target.files);
                e.target.value = '';
              }}
            />
            <div id={hintId} className="mc-muted mc-dropzone-hint">
              {t('upload.limits', { kinds: allowedKindsText(limits), max: bytes(limits.maxFileBytes) })}
            </div>
          </div>
        </>
      )}

      {items.length ? (
        <ul className="mc-upload-list" aria-label={t('upload.queue')} data-testid="upload-list">
          {items.map((it) => {
            const percent = it.file.size ? Math.round((it.loaded / it.file.size) * 100) : 0;
            const inFlight = IN_FLIGHT.includes(it.status);
            const statusText =
              it.status === 'uploading'
                ? t('upload.status.uploading', { percent: `${percent}%` })
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
