/**
 * One plan often proves several criteria: find an evidence the entity already has in this cycle (words of
 * its title, số/ký hiệu, issuer or file name; the server ignores diacritics and đ) and link it to this
 * criterion, without uploading it again.
 */
import { LinkOutlined, SearchOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, List, Tag, Typography } from 'antd';
import { useId } from 'react';
import type { CriterionRef } from '../../api/client.ts';
import { evidenceView } from '../../api/evidence-view.ts';
import type { Evidence } from '../../api/types.ts';
import { useServices } from '../../app/context.tsx';
import { refreshEvidence } from '../../common/evidence/api.ts';
import { docTypeLabel } from '../../common/labels.ts';
import { EmptyState, ErrorState, Loading } from '../../common/states.tsx';
import { formatBytes, formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { MIN_QUERY, useEvidenceSearch } from './useEvidenceSearch.ts';

export function LinkExisting({ criterionRef }: { criterionRef: CriterionRef }) {
  const { t } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { cycleId, entityId, criterionCode } = criterionRef;
  const { typed, setTyped, q, searchNow, results } = useEvidenceSearch(cycleId, entityId);
  const inputId = useId();
  const hintId = useId();

  const link = useMutation({
    mutationFn: (e: Evidence) =>
      api.call('linkEvidence', { params: { cycleId, entityId, evidenceId: e.evidenceId, criterionCode } }),
    onSuccess: (e) => {
      refreshEvidence(queryClient, cycleId, entityId);
      void message.success(t('ev.link.linked', { title: e.title, code: criterionCode }));
    },
  });

  const list = () => {
    if (q.length < MIN_QUERY) return <p className="mc-muted">{t('ev.link.typeMore')}</p>;
    if (results.isPending) return <Loading rows={2} />;
    if (results.isError) return <ErrorState error={results.error} onRetry={() => void results.refetch()} />;
    if (!results.data.items.length) return <EmptyState>{t('ev.link.noResults', { q })}</EmptyState>;
    return (
      <List
        size="small"
        dataSource={results.data.items}
        data-testid="ev-search-results"
        renderItem={(e) => (
          <SearchResult
            key={e.evidenceId}
            evidence={e}
            criterionCode={criterionCode}
            linking={link.isPending && link.variables?.evidenceId === e.evidenceId}
            onLink={() => link.mutate(e)}
          />
        )}
      />
    );
  };

  return (
    <section
      aria-labelledby="ev-link-title"
      className="mc-section mc-link-existing"
      data-testid="link-existing"
    >
      <Typography.Title level={3} id="ev-link-title" className="mc-subsection-title">
        {t('ev.link.title')}
      </Typography.Title>
      <div className="mc-field">
        <label htmlFor={inputId}>{t('ev.link.search')}</label>
        <Input
          id={inputId}
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          aria-describedby={hintId}
          placeholder={t('ev.link.placeholder')}
          value={typed}
          maxLength={200}
          onChange={(e) => setTyped(e.target.value)}
          onPressEnter={searchNow}
        />
        <div id={hintId} className="mc-muted">
          {t('ev.link.hint')}
        </div>
      </div>
      {list()}
      {link.isError ? <ErrorState error={link.error} /> : null}
    </section>
  );
}

/**
 * One match: title, its số/ký hiệu, type, file, size and date, the criteria it already proves, and "Liên kết"
 * — or a tag when it already proves this one.
 */
function SearchResult(props: {
  evidence: Evidence;
  criterionCode: string;
  linking: boolean;
  onLink: () => void;
}) {
  const { t, lang } = useI18n();
  const { evidence: e, criterionCode } = props;
  const v = evidenceView(e);
  return (
    <List.Item data-testid="ev-search-result">
      <div className="mc-search-result">
        <div className="mc-search-result-text">
          <strong className="mc-wrap">{v.title}</strong>
          <div className="mc-muted mc-wrap">
            {[
              e.documentNumber,
              docTypeLabel(e.documentType, t),
              v.fileName,
              formatBytes(v.sizeBytes, lang),
              formatDate(e.createdAt),
            ]
              .filter(Boolean)
              .join(' · ')}
          </div>
          {e.criterionCodes.length ? (
            <div className="mc-muted mc-wrap">
              {t('ev.link.alreadyFor', { codes: e.criterionCodes.join(', ') })}
            </div>
          ) : null}
        </div>
        {e.criterionCodes.includes(criterionCode) ? (
          <Tag color="green">{t('ev.link.already')}</Tag>
        ) : (
          <Button
            size="small"
            type="primary"
            icon={<LinkOutlined />}
            loading={props.linking}
            aria-label={t('ev.link.aria', { title: v.title, code: criterionCode })}
            onClick={props.onLink}
          >
            {t('ev.link.button')}
          </Button>
        )}
      </div>
    </List.Item>
  );
}
