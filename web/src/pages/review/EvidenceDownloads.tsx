/** The evidence a reviewer appraises: preview, download, and a verdict per evidence. */
import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, List, Space } from 'antd';
import { useState } from 'react';
import type { CriterionRef } from '../../api/client.ts';
import { evidenceView } from '../../api/evidence-view.ts';
import type { Evidence } from '../../api/types.ts';
import { useServices } from '../../app/context.tsx';
import { StateBadge, shownState } from '../../common/evidence/EvidenceList.tsx';
import {
  EvidencePreview,
  type PreviewTarget,
  withFreshEvidence,
} from '../../common/evidence/EvidencePreview.tsx';
import { EvidenceReviewActions } from '../../common/evidence/EvidenceVerdict.tsx';
import { EmptyState, ErrorState } from '../../common/states.tsx';
import { formatBytes } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

function fileIdOf(e: Evidence): string | undefined {
  const files = (e as unknown as { files?: { fileId?: string }[] }).files;
  return files?.[0]?.fileId;
}

/** Download a file through a presigned link; a refusal is kept to show. */
function useDownload(criterionRef: CriterionRef) {
  const { api } = useServices();
  const [error, setError] = useState<unknown>();
  const download = async (evidenceId: string, fileId: string) => {
    setError(undefined);
    try {
      const { url } = await api.call('downloadEvidenceFile', {
        params: { ...criterionRef, evidenceId, fileId },
      });
      window.location.assign(url);
    } catch (e) {
      setError(e);
    }
  };
  return { error, download };
}

export function EvidenceDownloads({
  criterionRef,
  items,
  readOnly,
}: {
  criterionRef: CriterionRef;
  items: Evidence[];
  /** The cycle is closed: no verdicts (the server refuses them too). */
  readOnly?: boolean;
}) {
  const { t, lang } = useI18n();
  const { error, download } = useDownload(criterionRef);
  const [preview, setPreview] = useState<PreviewTarget | null>(null);
  if (items.length === 0) return <EmptyState>{t('evidence.empty')}</EmptyState>;
  return (
    <>
      {error ? <ErrorState error={error} /> : null}
      <EvidencePreview target={withFreshEvidence(preview, items)} onClose={() => setPreview(null)} />
      <List
        size="small"
        dataSource={items}
        renderItem={(e) => {
          const v = evidenceView(e);
          const fileId = fileIdOf(e);
          return (
            <List.Item
              key={v.evidenceId}
              data-testid="review-evidence"
              data-state={shownState(v)}
              className="mc-review-evidence-item"
            >
              <div className="mc-review-evidence">
                <span className="mc-wrap">
                  <strong>{v.title}</strong>{' '}
                  <span className="mc-muted">
                    {v.fileName} · {formatBytes(v.sizeBytes, lang)}
                  </span>
                </span>
                <Space size={4}>
                  <Button
                    size="small"
                    icon={<EyeOutlined />}
                    aria-label={t('ev.preview.aria', { name: v.fileName || v.title })}
                    onClick={() =>
                      setPreview({
                        cycleId: criterionRef.cycleId,
                        entityId: criterionRef.entityId,
                        evidence: e,
                      })
                    }
                  />
                  {fileId ? (
                    <Button
                      size="small"
                      icon={<DownloadOutlined />}
                      aria-label={t('reviewPage.download', { name: v.fileName })}
                      onClick={() => void download(v.evidenceId, fileId)}
                    />
                  ) : null}
                </Space>
              </div>
              <StateBadge evidence={v} />
              <EvidenceReviewActions evidence={e} readOnly={readOnly} />
            </List.Item>
          );
        }}
      />
    </>
  );
}
