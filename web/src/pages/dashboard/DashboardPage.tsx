/**
 * "Tổng quan": dashboards for leaders (their entity), reviewers and admins (any entity in their scope, and the
 * cycle's ranking). Key figures, readiness by area, by unit and by entity, the trend to the deadline and the
 * points at risk, each chart with its table and its "Cách tính". Cycle and entity live in the URL.
 * Loaded lazily (App.tsx): ECharts is fetched only when this page opens.
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import { Card, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useServices, useSession } from '../../app/context.tsx';
import { queryKeys } from '../../app/queries.ts';
import { useEntity, useFrameworkInfo } from '../../app/reference.ts';
import { CyclePicker } from '../../common/CyclePicker.tsx';
import { useCycleFromUrl } from '../../common/cycle-choice.ts';
import { type DeadlineInfo, deadlineInfo } from '../../common/deadline.ts';
import { ExportDossier } from '../../common/dossier/ExportDossier.tsx';
import { EmptyState, ErrorState, Loading } from '../../common/states.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { AtRiskCard } from './AtRisk.tsx';
import { AreaCard, EntityCard, TrendCard, trendKey, UnitCard } from './cards.tsx';
import { Headline } from './Headline.tsx';

export function DashboardPage() {
  const { t, pick } = useI18n();
  const { api } = useServices();
  const user = useSession()?.user;
  const { cycles, cycle, params, choose } = useCycleFromUrl();
  const wide = user?.role === 'admin' || user?.role === 'reviewer';

  const cycleId = cycle?.cycleId ?? '';

  // The ranking lists the entities the caller may see (leaders: their own row, with the cycle-wide rank).
  const ranking = useQuery({
    queryKey: ['cycle-readiness', cycleId],
    queryFn: () => api.call('getCycleReadiness', { params: { cycleId } }),
    enabled: Boolean(cycle),
  });
  const choices = wide ? (ranking.data?.entities.map((e) => e.entityId) ?? cycle?.entityIds ?? []) : [];
  const requested = params.get('entity');
  const entityId = !cycle
    ? undefined
    : wide
      ? ([requested, user?.entityId].find((e) => e && choices.includes(e)) ??
        (ranking.isPending ? undefined : choices[0]))
      : user?.entityId && cycle.entityIds.includes(user.entityId)
        ? user.entityId
        : undefined;

  const framework = useFrameworkInfo(cycle);
  const entity = useEntity(entityId);
  const names = useQueries({
    queries: (wide ? choices : []).map((id) => ({
      queryKey: queryKeys.entity(id),
      queryFn: () => api.call('getEntity', { params: { entityId: id } }),
      staleTime: 10 * 60_000,
    })),
  });
  // Names by entity id, as a string key: a stable function for the charts until a name arrives or changes.
  const namesKey = JSON.stringify(
    [...names.map((q) => q.data), entity.data].flatMap((d) =>
      d ? [[d.entity.entityId, pick(d.entity.name)]] : [],
    ),
  );
  const entityName = useMemo(() => {
    const byId = new Map(JSON.parse(namesKey) as [string, string][]);
    return (id: string) => byId.get(id) ?? id;
  }, [namesKey]);
  const unitName = useCallback(
    (unitId: string | null) => {
      if (unitId === null) return t('dashboard.unit.unassigned');
      const unit = entity.data?.units.find((u) => u.unitId === unitId);
      return unit ? pick(unit.name) : unitId;
    },
    [entity.data, pick, t],
  );

  const readiness = useQuery({
    queryKey: queryKeys.readiness(cycleId, entityId ?? ''),
    queryFn: () => api.call('getEntityReadiness', { params: { cycleId, entityId: entityId! } }),
    enabled: Boolean(cycle && entityId),
  });
  const trend = useQuery({
    queryKey: trendKey(cycleId, entityId ?? ''),
    queryFn: () => api.call('getReadinessTrend', { params: { cycleId, entityId: entityId! } }),
    enabled: Boolean(cycle && entityId),
  });
  // The effective deadline (reopenings included) is the server's; the cycle's date until it answers.
  const submissions = useQuery({
    queryKey: queryKeys.submissions(cycleId, entityId ?? ''),
    queryFn: () => api.call('listSubmissions', { params: { cycleId, entityId: entityId! } }),
    enabled: Boolean(cycle && entityId),
  });
  const deadline = useMemo(
    () => (cycle ? deadlineInfo(cycle, { deadline: submissions.data?.entity.deadline }) : undefined),
    [cycle, submissions.data],
  );
  // A criterion may be reopened for one of its units beyond the entity's deadline.
  const deadlineOf = useMemo(() => {
    if (!cycle || !deadline) return () => deadline!;
    const byUnit = new Map((submissions.data?.units ?? []).map((u) => [u.unitId, u.deadline]));
    const cache = new Map<string, DeadlineInfo>([[deadline.deadline, deadline]]);
    return (unitIds: readonly string[]) => {
      const latest = [deadline.deadline, ...unitIds.map((u) => byUnit.get(u) ?? deadline.deadline)]
        .sort()
        .at(-1)!;
      let info = cache.get(latest);
      if (!info) {
        info = deadlineInfo(cycle, { deadline: latest });
        cache.set(latest, info);
      }
      return info;
    };
  }, [cycle, deadline, submissions.data]);
  const myRank = ranking.data?.entities.find((e) => e.entityId === entityId);

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
          <Card className="mc-section" size="small" data-testid="dashboard-pickers">
            <CyclePicker
              cycles={cycles.data}
              cycle={cycle}
              entityId={entityId}
              entityChoices={wide ? choices : []}
              entityLabel={entityName}
              onChoose={choose}
              searchEntities
            />
            {entityId ? (
              <div className="mc-entity-line mc-entity-export">
                <strong data-testid="dashboard-entity-name">{entityName(entityId)}</strong>
                {wide || (user?.role === 'leader' && user.entityId === entityId) ? (
                  <ExportDossier
                    key={`${cycleId}/${entityId}`}
                    cycleId={cycleId}
                    entityId={entityId}
                    entityName={entityName(entityId)}
                    myUnit={
                      user?.role === 'leader' && user.unitId
                        ? { unitId: user.unitId, name: unitName(user.unitId) }
                        : undefined
                    }
                    council={wide}
                  />
                ) : null}
              </div>
            ) : null}
          </Card>

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
          ) : readiness.isPending ? (
            <Loading rows={8} />
          ) : readiness.isError ? (
            <ErrorState error={readiness.error} onRetry={() => void readiness.refetch()} />
          ) : (
            <>
              <Headline
                readiness={readiness.data}
                deadline={deadline}
                cycleDeadline={cycle.dates.selfAssessmentDue}
                rank={
                  myRank && ranking.data ? { rank: myRank.rank, total: ranking.data.entityTotal } : undefined
                }
              />
              <div className="mc-dash-grid">
                <AreaCard readiness={readiness.data} info={framework.byCode} />
                <UnitCard readiness={readiness.data} unitName={unitName} />
              </div>
              <TrendCard formulaVersion={readiness.data.formulaVersion} trend={trend} deadline={deadline} />
              <AtRiskCard
                cycleId={cycle.cycleId}
                entityId={entityId}
                readiness={readiness.data}
                info={framework.byCode}
                deadlineOf={deadlineOf}
                unitName={unitName}
              />
            </>
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
