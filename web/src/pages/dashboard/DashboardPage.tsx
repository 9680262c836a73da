/**
 * "Tổng quan": dashboards for leaders (their entity), reviewers and admins (any entity in their scope, and the
 * cycle's ranking). Key figures, readiness by area, by unit and by entity, the trend to the deadline and the
 * points at risk, each chart with its table and its "Cách tính". Cycle and entity live in the URL.
 * Loaded lazily (App.tsx): ECharts is fetched only when this page opens.
 */
import { Card, Typography } from 'antd';
import { useFrameworkInfo } from '../../app/reference.ts';
import { useCycleFromUrl } from '../../common/cycle-choice.ts';
import { FrameworkNotice } from '../../common/FrameworkNotice.tsx';
import { EmptyState, ErrorState, Loading } from '../../common/states.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { EntityCard } from './cards.tsx';
import { DashboardPickers } from './DashboardPickers.tsx';
import { EntityDashboard } from './EntityDashboard.tsx';
import { useDashboardEntity } from './useDashboardEntity.ts';
import { useEntityDeadlines } from './useEntityDeadlines.ts';
import { useEntityNames } from './useEntityNames.ts';

export function DashboardPage() {
  const { t } = useI18n();
  const { cycles, cycle, params, choose } = useCycleFromUrl();
  const { wide, ranking, choices, entityId, rank } = useDashboardEntity(cycle, params.get('entity'));
  const framework = useFrameworkInfo(cycle);
  const { entityName, unitName } = useEntityNames(wide ? choices : [], entityId);
  const { deadline, deadlineOf } = useEntityDeadlines(cycle, entityId);

  return (
    <div className="mc-page mc-dashboard" data-testid="dashboard">
      <Typography.Title level={1} className="mc-page-title">
        {t('dashboard.title')}
      </Typography.Title>
      <Typography.Paragraph className="mc-muted">{t('dashboard.intro')}</Typography.Paragraph>

      {cycles.isPending ? (
        <Loading rows={2} />
      ) : cycles.isError ? (
        <ErrorState error={cycles.error} onRetry={() => void cycles.refetch()} />
      ) : !cycle || !deadline ? (
        <Card>
          <EmptyState>{t('dashboard.noCycles')}</EmptyState>
        </Card>
      ) : (
        <>
          <DashboardPickers
            cycles={cycles.data}
            cycle={cycle}
            entityId={entityId}
            entityChoices={wide ? choices : []}
            wide={wide}
            entityName={entityName}
            unitName={unitName}
            onChoose={choose}
          />
          <FrameworkNotice framework={cycle.framework} />

          {wide && ranking.isError ? (
            <ErrorState error={ranking.error} onRetry={() => void ranking.refetch()} />
          ) : null}

          {!entityId ? (
            wide && ranking.isPending ? (
              <Loading rows={6} />
            ) : (
              <Card>
                <EmptyState>{t('dashboard.noEntity')}</EmptyState>
              </Card>
            )
          ) : (
            <EntityDashboard
              cycle={cycle}
              entityId={entityId}
              info={framework.byCode}
              deadline={deadline}
              deadlineOf={deadlineOf}
              unitName={unitName}
              rank={rank}
            />
          )}

          {wide && ranking.data && ranking.data.entities.length > 1 ? (
            <EntityCard
              cycleId={cycle.cycleId}
              ranking={ranking.data}
              entityName={entityName}
              today={deadline.today}
            />
          ) : null}
        </>
      )}
    </div>
  );
}
