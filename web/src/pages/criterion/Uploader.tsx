/**
 * Drag-and-drop or pick files; each file gets its own row with a progress bar, cancel and retry.
 * Per file: pre-check against the cycle's limits → ask the API for a presigned PUT → send the bytes with XHR
 * (progress) → poll the evidence list until the server's finalize step has checked the file (available or
 * quarantined) → refresh the lists and readiness. A retry reuses the presigned URL while it is valid; its 412
 * (the cancelled attempt had in fact stored the file) counts as sent (`settlePut`). The queue lives in
 * `upload/useUploadQueue.ts`, large files' parts in `upload/send-parts.ts`.
 */
import { Alert, Form, Select, Typography } from 'antd';
import { useCallback, useId, useState } from 'react';
import type { CriterionRef } from '../../api/client.ts';
import type { CriterionReadiness, Cycle } from '../../api/types.ts';
import { DropZone } from '../../common/DropZone.tsx';
import { COMMON_DOC_TYPES, docTypeLabel } from '../../common/labels.ts';
import { acceptAttribute, allowedKindsText, checkFile } from '../../common/upload-check.ts';
import { formatBytes } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { UploadRow } from './upload/UploadRow.tsx';
import { newItem } from './upload/upload-model.ts';
import { useUploadQueue } from './upload/useUploadQueue.ts';

/** The document type the next files are sent as: the criterion's slots first, then the common types. */
function DocTypeSelect(props: {
  value: string | undefined;
  onChange: (v: string) => void;
  docTypes: string[];
  slotKinds: string[];
  slotLabel: (kind: string) => string;
}) {
  const { t } = useI18n();
  const docTypeId = useId();
  return (
    <Form layout="vertical" className="mc-upload-form">
      <Form.Item label={t('upload.docType')} htmlFor={docTypeId} className="mc-upload-doctype">
        <Select
          id={docTypeId}
          value={props.value}
          onChange={props.onChange}
          options={props.docTypes.map((k) => ({
            value: k,
            label: props.slotKinds.includes(k) ? props.slotLabel(k) : docTypeLabel(k, t),
          }))}
        />
      </Form.Item>
    </Form>
  );
}

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
  const { t, lang } = useI18n();
  const queue = useUploadQueue(criterionRef);

  const slotKinds = (criterion?.slots ?? []).map((s) => s.kind).filter((k) => k !== '*');
  const docTypes = [...new Set([...slotKinds, ...COMMON_DOC_TYPES])];
  // Until the user picks one, files fill the criterion's first slot (as the server assumes too).
  const [chosenType, setDocumentType] = useState<string>();
  const documentType = chosenType ?? slotKinds[0];

  const limits = cycle.uploadLimits;
  const closed = cycle.status !== 'open';
  const bytes = useCallback((n: number) => formatBytes(n, lang), [lang]);

  const addFiles = (files: FileList | File[]) =>
    queue.add([...files].map((file) => newItem(file, checkFile(file, limits, bytes), documentType)));

  return (
    <section aria-labelledby="upload-title" className="mc-section" data-testid="uploader">
      <Typography.Title level={2} id="upload-title" className="mc-section-title">
        {t('upload.title')}
      </Typography.Title>
      {closed ? (
        <Alert type="info" showIcon title={t('upload.closed')} />
      ) : (
        <>
          <DocTypeSelect
            value={documentType}
            onChange={setDocumentType}
            docTypes={docTypes}
            slotKinds={slotKinds}
            slotLabel={slotLabel}
          />
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

      {queue.items.length ? (
        <ul className="mc-upload-list" aria-label={t('upload.queue')} data-testid="upload-list">
          {queue.items.map((it) => (
            <UploadRow
              key={it.id}
              it={it}
              bytes={bytes}
              slotLabel={slotLabel}
              onCancel={() => queue.cancel(it.id)}
              onRetry={() => void queue.start(it.id)}
              onRemove={() => queue.remove(it.id)}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
