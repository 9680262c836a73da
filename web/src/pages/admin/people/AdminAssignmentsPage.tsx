/**
 * Admin — assignments (phân công): for a cycle and an assessed entity, the matrix of criteria × units; each
 * cell opens an editor. Bulk import from .xlsx with a preview, and carry-forward from an earlier cycle.
 */
import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useState } from 'react';
import { useServices } from '../../../app/context.tsx';
import { useEntity, useFrameworkInfo } from '../../../app/reference.ts';
import { ErrorState, Loading } from '../../../common/states.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AssignmentCellDrawer } from './AssignmentCellDrawer.tsx';
import { AssignmentMatrix, type CellRef } from './AssignmentMatrix.tsx';
import { AssignmentsToolbar } from './AssignmentsToolbar.tsx';
import { CycleGate, useCycleChoice } from './common.tsx';
import { peopleKeys } from './data.ts';
import { useFrameworkChoice } from './useFrameworkChoice.ts';

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
  const { pick } = useI18n();
  const { api } = useServices();
  const cycle = choice.cycle!;
  const entityId = choice.entityId!;
  const frameworks = useFrameworkChoice(cycle);
  const { frameworkId } = frameworks.ref;
  const framework = useFrameworkInfo(frameworks.ref);
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
      <AssignmentsToolbar choice={choice} frameworks={frameworks} unitName={unitName} />
      {assignments.isPending || framework.isPending || entity.isPending ? (
        <Loading rows={8} />
      ) : assignments.isError ? (
        <ErrorState error={assignments.error} onRetry={() => void assignments.refetch()} />
      ) : entity.isError ? (
        <ErrorState error={entity.error} onRetry={() => void entity.refetch()} />
      ) : (
        <AssignmentMatrix
          frameworkId={frameworkId}
          nodes={nodes}
          units={units}
          assignments={assignments.data}
          onOpen={setCell}
        />
      )}
      <AssignmentCellDrawer
        cycle={cycle}
        entityId={entityId}
        frameworkId={frameworkId}
        cell={cell}
        units={units}
        assignments={assignments.data ?? []}
        onClose={() => setCell(undefined)}
      />
    </>
  );
}
