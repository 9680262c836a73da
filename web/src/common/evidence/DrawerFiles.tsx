/** The evidence panel's files: each with every revision (state, preview an available one) and a new revision or file. */
import { EyeOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import type { FileView } from '../../api/evidence-view.ts';
import type { Cycle, Evidence } from '../../api/types.ts';
import { formatBytes, formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import type { EvidenceDetail, EvidenceRef } from './api.ts';
import type { PreviewTarget } from './EvidencePreview.tsx';
import { FileRevisionUpload } from './FileRevisionUpload.tsx';

type Revision = EvidenceDetail['revisions'][number];

const STATE_COLOR: Partial<Record<Revision['state'], string>> = {
  available: 'blue',
  quarantined: 'red',
  upload_expired: 'orange',
};

function RevisionItem(props: {
  e: Evidence;
  f: FileView;
  r: Revision;
  onPreview: (p: PreviewTarget) => void;
}) {
  const { t, pick } = useI18n();
  const { e, f, r } = props;
  return (
    <li data-testid="ev-revision" data-state={r.state}>
      <span className="mc-wrap">
        {t('ev.revision', { n: r.revision })} · {formatDateTime(r.createdAt)} ·{' '}
        <Tag color={STATE_COLOR[r.state] ?? 'processing'}>{t(`evidence.state.${r.state}` as MessageKey)}</Tag>
        {r.revision === f.revision ? <Tag color="green">{t('ev.files.current')}</Tag> : null}
      </span>
      {(r.state === 'quarantined' || r.state === 'upload_expired') && r.quarantineReason ? (
        <div className="mc-error-text">{pick(r.quarantineReason)}</div>
      ) : null}
      {r.state === 'available' ? (
        <Button
          size="small"
          type="link"
          icon={<EyeOutlined />}
          aria-label={t('ev.files.previewRevision', { n: r.revision, name: r.fileName })}
          onClick={() =>
            props.onPreview({
              cycleId: e.cycleId,
              entityId: e.entityId,
              evidence: e,
              fileId: f.fileId,
              revision: r.revision,
            })
          }
        >
          {t('ev.preview.open')}
        </Button>
      ) : null}
    </li>
  );
}

export function DrawerFiles(props: {
  e: Evidence;
  files: FileView[];
  revisions: Revision[];
  evidenceRef: EvidenceRef;
  /** The cycle, when new files may be sent (not read-only). */
  uploadCycle: Cycle | undefined;
  onPreview: (p: PreviewTarget) => void;
  onSent: () => void;
}) {
  const { t, lang } = useI18n();
  const { e, files, revisions, uploadCycle } = props;
  return (
    <section aria-labelledby="ev-files-title" className="mc-section">
      <h3 id="ev-files-title" className="mc-subsection-title">
        {t('ev.files.title')}
      </h3>
      <ul className="mc-file-list">
        {files.map((f) => {
          const history = revisions
            .filter((r) => r.fileId === f.fileId)
            .sort((a, b) => b.revision - a.revision);
          return (
            <li key={f.fileId} className="mc-file-item" data-testid="ev-file">
              <div className="mc-wrap">
                <strong>{f.fileName}</strong>{' '}
                <span className="mc-muted">
                  {formatBytes(f.sizeBytes, lang)} · {f.kind.toUpperCase()}
                </span>
              </div>
              <ol className="mc-revisions" aria-label={t('ev.files.history', { name: f.fileName })}>
                {history.map((r) => (
                  <RevisionItem key={r.revision} e={e} f={f} r={r} onPreview={props.onPreview} />
                ))}
              </ol>
              {uploadCycle ? (
                <FileRevisionUpload
                  evidenceRef={props.evidenceRef}
                  cycle={uploadCycle}
                  replacesFileId={f.fileId}
                  label={t('ev.files.newRevision')}
                  onSent={props.onSent}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
      {uploadCycle ? (
        <FileRevisionUpload
          evidenceRef={props.evidenceRef}
          cycle={uploadCycle}
          label={t('ev.files.addFile')}
          onSent={props.onSent}
        />
      ) : null}
    </section>
  );
}
