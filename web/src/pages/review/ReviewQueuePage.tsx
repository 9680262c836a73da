/** Reviewers' queue: criteria submitted (or resubmitted) and waiting for appraisal, oldest first. */
import { useQuery } from '@tanstack/react-query';
import { Card, Grid, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useId } from 'react';
import { Link } from 'react-router';
import type { ReviewQueueItem } from '../../api/types.ts';
import { useServices } from '../../app/context.tsx';
import { queryKeys } from '../../app/queries.ts';
import { useEntity, useFrameworkInfo } from '../../app/reference.ts';
import { CycleGate } from '../../common/CycleGate.tsx';
import { useCycleFromUrl } from '../../common/cycle-choice.ts';
import { ReviewStateTag } from '../../common/score/ScorePanel.tsx';
import { EmptyState, ErrorState, Loading } from '../../common/states.tsx';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export const reviewPath = (i: { cycleId: string; entityId: string; criterionCode: string }) =>
  `/review/${encodeURIComponent(i.cycleId)}/${encodeURIComponent(i.entityId)}/${encodeURIComponent(i.criterionCode)}`;

/** The entity's name once loaded (cached across rows), its id until then. */
function EntityName({ entityId }: { entityId: string }) {
  const { pick } = useI18n();
  const entity = useEntity(entityId);
  return <span className="mc-wrap">{entity.data ? pick(entity.data.entity.name) : entityId}</span>;
}

/** The queue's columns: criterion (with the entity on a phone), entity, state, self score, queued at. */
function useQueueColumns(
  byCode: ReturnType<typeof useFrameworkInfo>['byCode'],
): TableColumnsType<ReviewQueueItem> {
  const { t, lang, pick } = useI18n();
  const screens = Grid.useBreakpoint();
  return [
    {
      key: 'criterion',
      title: t('criteria.code'),
      render: (_, i) => {
        const info = byCode.get(i.criterionCode);
        return (
          <div className="mc-wrap">
            <Link
              to={reviewPath(i)}
              aria-label={t('queue.open', { code: i.criterionCode, entity: i.entityId })}
            >
              <strong>{i.criterionCode}</strong>
            </Link>
            {info ? <div>{pick(info.node.title)}</div> : null}
            {!screens.md ? (
              <div className="mc-muted">
                <EntityName entityId={i.entityId} />
              </div>
            ) : null}
          </div>
        );
      },
    },
    {
      key: 'entity',
      title: t('queue.entity'),
      responsive: ['md'],
      render: (_, i) => <EntityName entityId={i.entityId} />,
    },
    {
      key: 'state',
      title: t('criteria.status'),
      render: (_, i) => <ReviewStateTag state={i.state} />,
    },
    {
      key: 'self',
      title: t('criteria.selfScore'),
      responsive: ['sm'],
      render: (_, i) => (i.selfScore === undefined ? '—' : formatNumber(i.selfScore, lang)),
    },
    {
      key: 'queuedAt',
      title: t('queue.queuedAt'),
      responsive: ['md'],
      render: (_, i) => formatDateTime(i.queuedAt),
    },
  ];
}

export function ReviewQueuePage() {
  const { t, pick } = useI18n();
  const { api } = useServices();
  const choice = useCycleFromUrl();
  const { cycle, setParams } = choice;
  const cycleSelectId = useId();
  const framework = useFrameworkInfo(cycle);
  const queue = useQuery({
    queryKey: queryKeys.reviewQueue(cycle?.cycleId ?? ''),
    queryFn: () =>
      api.call('listReviewQueue', { params: { cycleId: cycle!.cycleId }, query: { limit: 100 } }),
    enabled: Boolean(cycle),
  });

  const columns = useQueueColumns(framework.byCode);

  return (
    <div className="mc-page">
      <Typography.Title level={1} className="mc-page-title">
        {t('queue.title')}
      </Typography.Title>
      <CycleGate choice={choice}>
        {(cycle, cycles) => (
          <>
            <Card size="small" className="mc-section">
              <div className="mc-filter">
                <label htmlFor={cycleSelectId}>{t('home.cycle')}</label>
                <Select
                  id={cycleSelectId}
                  className="mc-cycle-select"
                  value={cycle.cycleId}
                  onChange={(v) => setParams({ cycle: v })}
                  options={cycles.map((c) => ({ value: c.cycleId, label: pick(c.name) }))}
                />
              </div>
            </Card>
            {queue.isPending ? (
              <Loading rows={5} />
            ) : queue.isError ? (
              <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
            ) : queue.data.items.length === 0 ? (
              <Card>
                <EmptyState>{t('queue.empty')}</EmptyState>
              </Card>
            ) : (
              <Table<ReviewQueueItem>
                data-testid="review-queue"
                size="small"
                rowKey={(i) => `${i.entityId}/${i.criterionCode}`}
                columns={columns}
                dataSource={queue.data.items}
                pagination={false}
              />
            )}
          </>
        )}
      </CycleGate>
    </div>
  );
}
