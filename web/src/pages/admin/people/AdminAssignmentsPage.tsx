/**
 * Admin — assignments (phân công): for a cycle and an assessed entity, the matrix of criteria × units; each
 * cell opens an editor. Bulk import from .xlsx with a preview, and carry-forward from an earlier cycle.
 */
import { useQuery } from '@tanstack/react-query';
import { Card, Select, Space, Typography } from 'antd';
import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useServices } from '../../../app/context.tsx';
import { useEntity, useFrameworkInfo } from '../../../app/reference.ts';
import { ErrorState, Loading } from '../../../common/states.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AssignmentCellDrawer } from './AssignmentCellDrawer.tsx';
import { AssignmentImport, CarryForwardButton } from './AssignmentImport.tsx';
import { AssignmentMatrix, type CellRef } from './AssignmentMatrix.tsx';
import { CycleGate, CyclePicker, useCycleChoice } from './common.tsx';
import { peopleKeys } from './data.ts';

export function AdminAssignmentsPage() {
  const { t } = useI18n();
  const choice = useCycleChoice();
  return (
    <div className="mc-page">
      <Typography.Title level={1} className="mc-page-title">
        {t('people.assign.heading')}
      </Typography.Title>
      <CycleGate choice={choice}>
        {(cycle) => <AssignmentsBody key={`${cycle.cycleId}/${choice.entityId}`} choice={choice} />}
      </CycleGate>
    </div>
  );
}

function AssignmentsBody({ choice }: { choice: ReturnType<typeof useCycleChoice> }) {
  const { t, pick } = useI18n();
  const { api } = useServices();
  const [params, setParams] = useSearchParams();
  const fwId = useId();
  const cycle = choice.cycle!;
  const entityId = choice.entityId!;
  const refs = [
    { frameworkId: cycle.frameworkId, frameworkVersion: cycle.frameworkVersion },
    ...(cycle.trackedFrameworks ?? []).map((f) => ({
      frameworkId: f.frameworkId,
      frameworkVersion: f.version,
    })),
  ];
  const ref = refs.find((r) => r.frameworkId === params.get('framework')) ?? refs[0]!;
  const framework = useFrameworkInfo(ref);
  const entity = useEntity(entityId);
  const assignments = useQuery({
    queryKey: peopleKeys.assignments(cycle.cycleId, entityId),
    queryFn: () => api.all('listAssignments', { params: { cycleId: cycle.cycleId, entityId } }),
  });
  const [cell, setCell] = useState<CellRef | undefined>();
  const units = entity.data?.units ?? [];
  const unitName = (id: string) => {
    const u = units.find((x) => x.unitId === id);
    return u ? pick(u.name) : id;
  };
  const nodes = [...framework.byCode.values()].map((i) => i.node);

  return (
    <>
      <Card size="small" className="mc-section">
        <div className="mc-filters">
          <CyclePicker choice={choice} />
          {refs.length > 1 ? (
            <div className="mc-filter">
              <label htmlFor={fwId}>{t('people.assign.framework')}</label>
              <Select
                id={fwId}
                className="mc-filter-select"
                value={ref.frameworkId}
                onChange={(v) =>
                  setParams((p) => {
                    const next = new URLSearchParams(p);
                    next.set('framework', v);
                    return next;
                  })
                }
                options={refs.map((r) => ({
                  value: r.frameworkId,
                  label: `${r.frameworkId} v${r.frameworkVersion}`,
                }))}
              />
            </div>
          ) : null}
          <Space wrap className="mc-filter-count">
            <AssignmentImport cycle={cycle} entityId={entityId} unitName={unitName} />
            {choice.cycles.data ? (
              <CarryForwardButton cycle={cycle} cycles={choice.cycles.data} entityId={entityId} />
            ) : null}
          </Space>
        </div>
        <p className="mc-muted mc-wrap">{t('people.assign.intro')}</p>
      </Card>
      {assignments.isPending || framework.isPending || entity.isPending ? (
        <Loading rows={8} />
      ) : assignments.isError ? (
        <ErrorState error={assignments.error} onRetry={() => void assignments.refetch()} />
      ) : entity.isError ? (
        <ErrorState error={entity.error} onRetry={() => void entity.refetch()} />
      ) : (
        <AssignmentMatrix
          frameworkId={ref.frameworkId}
          nodes={nodes}
          units={units}
          assignments={assignments.data}
          onOpen={setCell}
        />
      )}
      <AssignmentCellDrawer
        cycle={cycle}
        entityId={entityId}
        frameworkId={ref.frameworkId}
        cell={cell}
        units={units}
        assignments={assignments.data ?? []}
        onClose={() => setCell(undefined)}
      />
    </>
  );
}
