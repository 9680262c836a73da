/** The body of "Việc của tôi" once an entity is chosen: my tasks, readiness, the leader's submission and the criteria. */
import { useQuery } from '@tanstack/react-query';
import { Card, Typography } from 'antd';
import type { Cycle } from '../../api/types.ts';
import { useServices, useSession } from '../../app/context.tsx';
import { queryKeys } from '../../app/queries.ts';
import { useFrameworkInfo } from '../../app/reference.ts';
import { CriteriaTable } from '../../common/criteria/CriteriaTable.tsx';
import { ReadinessSummary } from '../../common/ReadinessSummary.tsx';
import { EmptyState, QueryState } from '../../common/states.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MyUnit } from './CycleCard.tsx';
import { SubmitCard } from './SubmitCard.tsx';
import { TaskList } from './TaskList.tsx';

export function HomeReadiness(props: {
  cycle: Cycle;
  entityId: string | undefined;
  myUnit: MyUnit | undefined;
  unitName(unitId: string | undefined): string | undefined;
}) {
  const { t } = useI18n();
  const { api } = useServices();
  const user = useSession()?.user;
  const { cycle, entityId, myUnit } = props;
  const framework = useFrameworkInfo(cycle);
  const readiness = useQuery({
    queryKey: queryKeys.readiness(cycle.cycleId, entityId ?? ''),
    queryFn: () =>
      api.call('getEntityReadiness', { params: { cycleId: cycle.cycleId, entityId: entityId! } }),
    enabled: Boolean(entityId),
  });
  if (!entityId)
    return (
      <Card>
        <EmptyState>{t('home.noEntity')}</EmptyState>
      </Card>
    );
  return (
    <QueryState query={readiness} rows={6}>
      {(data) => (
        <>
          {(user?.role === 'member' || user?.role === 'leader') && user.entityId === entityId ? (
            <TaskList
              key={`${cycle.cycleId}/${entityId}`}
              cycle={cycle}
              entityId={entityId}
              criteria={[...data.criteria, ...data.adjustments]}
              info={framework.byCode}
              role={user.role}
              myUnitId={user.unitId}
              unitName={props.unitName}
            />
          ) : null}
          <ReadinessSummary readiness={data} />
          {user?.role === 'leader' && myUnit ? (
            <SubmitCard cycleId={cycle.cycleId} entityId={entityId} unit={myUnit} criteria={data.criteria} />
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
              criteria={data.criteria}
              info={framework.byCode}
              myUnit={myUnit}
              byNode={data.byNode}
            />
          </section>
        </>
      )}
    </QueryState>
  );
}
