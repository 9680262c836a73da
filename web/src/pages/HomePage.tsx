/**
 * "Việc của tôi": the cycles I can see, what my unit still owes by due date with one click to act (members
 * and leaders), my entity's readiness in the chosen cycle, and the criteria tree. The chosen cycle and entity
 * live in the URL so a link or a reload keeps them.
 */
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import type { Cycle } from '../api/types.ts';
import { useServices, useSession } from '../app/context.tsx';
import { queryKeys } from '../app/queries.ts';
import { useEntity, useFrameworkInfo } from '../app/reference.ts';
import { CriteriaTable } from '../components/CriteriaTable.tsx';
import { CyclePicker } from '../components/CyclePicker.tsx';
import { ExportDossier } from '../components/dossier/ExportDossier.tsx';
import { TaskList } from '../components/home/TaskList.tsx';
import { ReadinessSummary } from '../components/ReadinessSummary.tsx';
import { SubmitCard } from '../components/SubmitCard.tsx';
import { EmptyState, ErrorState, Loading } from '../components/states.tsx';
import { formatIsoDate } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** The cycle to show first: the newest open one, else the newest. */
export function defaultCycle(cycles: Cycle[]): Cycle | undefined {
  const sorted = [...cycles].sort((a, b) => b.year - a.year);
  return sorted.find((c) => c.status === 'open') ?? sorted[0];
}

export function HomePage() {
  const { t, pick } = useI18n();
  const { api } = useServices();
  const user = useSession()?.user;
  const [params, setParams] = useSearchParams();

  const cycles = useQuery({ queryKey: queryKeys.cycles, queryFn: () => api.listCycles() });
  const cycle =
    cycles.data?.find((c) => c.cycleId === params.get('cycle')) ??
    (cycles.data ? defaultCycle(cycles.data) : undefined);
  // Members and leaders work for their own entity; reviewers and admins pick one of the cycle's entities.
  const requested = params.get('entity');
  const entityId =
    cycle &&
    ([requested, user?.entityId].find((e) => e && cycle.entityIds.includes(e)) ??
      (user?.entityId ? undefined : cycle.entityIds[0]));

  const framework = useFrameworkInfo(cycle);
  const entity = useEntity(entityId);
  const unitName = (unitId: string | undefined) => {
    const unit = entity.data?.units.find((u) => u.unitId === unitId);
    return unit ? pick(unit.name) : undefined;
  };
  const myUnit = user?.unitId ? { unitId: user.unitId, name: unitName(user.unitId) } : undefined;

  const readiness = useQuery({
    queryKey: queryKeys.readiness(cycle?.cycleId ?? '', entityId ?? ''),
    queryFn: () => api.readiness(cycle!.cycleId, entityId!),
    enabled: Boolean(cycle && entityId),
  });

  const choose = (key: 'cycle' | 'entity', value: string) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set(key, value);
      if (key === 'cycle') next.delete('entity');
      return next;
    });

  return (
    <div className="mc-page">
      <Typography.Title level={1} className="mc-page-title">
        {t('home.title')}
      </Typography.Title>

      {cycles.isPending ? (
        <Loading rows={2} />
      ) : cycles.isError ? (
        <ErrorState error={cycles.error} onRetry={() => void cycles.refetch()} />
      ) : !cycle ? (
        <Card>
          <EmptyState>{t('home.noCycles')}</EmptyState>
        </Card>
      ) : (
        <>
          <Card className="mc-section" size="small" data-testid="cycle-card">
            <CyclePicker
              cycles={cycles.data}
              cycle={cycle}
              entityId={entityId}
              entityChoices={user?.entityId ? [] : cycle.entityIds}
              entityLabel={(e) => e}
              onChoose={choose}
            />
            {entityId ? (
              <div className="mc-entity-line mc-entity-export">
                <div data-testid="entity-name">
                  <strong>{entity.data ? pick(entity.data.entity.name) : entityId}</strong>
                  {myUnit?.name ? (
                    <span className="mc-muted">
                      {' '}
                      · {t('home.myUnit')}: {myUnit.name}
                    </span>
                  ) : null}
                </div>
                {user?.role === 'leader' && user.entityId === entityId ? (
                  <ExportDossier
                    key={`${cycle.cycleId}/${entityId}`}
                    cycleId={cycle.cycleId}
                    entityId={entityId}
                    entityName={entity.data ? pick(entity.data.entity.name) : entityId}
                    myUnit={myUnit}
                  />
                ) : null}
              </div>
            ) : null}
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, lg: 4 }}
              className="mc-cycle-dates"
              items={[
                {
                  key: 'e',
                  label: t('home.dates.evidenceDue'),
                  children: formatIsoDate(cycle.dates.evidenceDue),
                },
                {
                  key: 's',
                  label: t('home.dates.selfAssessmentDue'),
                  children: formatIsoDate(cycle.dates.selfAssessmentDue),
                },
                {
                  key: 'a',
                  label: t('home.dates.appraisal'),
                  children: `${formatIsoDate(cycle.dates.appraisalStart)} – ${formatIsoDate(cycle.dates.appraisalEnd)}`,
                },
                {
                  key: 'p',
                  label: t('home.dates.publication'),
                  children: formatIsoDate(cycle.dates.publication),
                },
              ]}
            />
          </Card>

          {!entityId ? (
            <Card>
              <EmptyState>{t('home.noEntity')}</EmptyState>
            </Card>
          ) : readiness.isPending ? (
            <Loading rows={6} />
          ) : readiness.isError ? (
            <ErrorState error={readiness.error} onRetry={() => void readiness.refetch()} />
          ) : (
            <>
              {(user?.role === 'member' || user?.role === 'leader') && user.entityId === entityId ? (
                <TaskList
                  key={`${cycle.cycleId}/${entityId}`}
                  cycle={cycle}
                  entityId={entityId}
                  criteria={[...readiness.data.criteria, ...readiness.data.adjustments]}
                  info={framework.byCode}
                  role={user.role}
                  myUnitId={user.unitId}
                  unitName={unitName}
                />
              ) : null}
              <ReadinessSummary readiness={readiness.data} />
              {user?.role === 'leader' && myUnit ? (
                <SubmitCard
                  cycleId={cycle.cycleId}
                  entityId={entityId}
                  unit={myUnit}
                  criteria={readiness.data.criteria}
                />
              ) : null}
              <section aria-labelledby="criteria-title" className="mc-section">
                <Typography.Title level={2} id="criteria-title" className="mc-section-title">
                  {t('home.criteria')}
                </Typography.Title>
                <CriteriaTable
                  // A new unit name (entity loaded) must not reset the user's filters: keyed by cycle/entity only.
                  key={`${cycle.cycleId}/${entityId}`}
                  cycleId={cycle.cycleId}
                  entityId={entityId}
                  criteria={readiness.data.criteria}
                  info={framework.byCode}
                  myUnit={myUnit}
                  byNode={readiness.data.byNode}
                />
              </section>
            </>
          )}
        </>
      )}
    </div>
  );
}
