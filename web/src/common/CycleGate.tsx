/** Loading / error / no-cycle states around a page that needs a cycle; renders `children` once there is one. */
import { Card } from 'antd';
import type { ReactNode } from 'react';
import type { Cycle } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { useCycleFromUrl } from './cycle-choice.ts';
import { EmptyState, ErrorState, Loading } from './states.tsx';

export function CycleGate({
  choice,
  empty,
  children,
}: {
  choice: Pick<ReturnType<typeof useCycleFromUrl>, 'cycles' | 'cycle'>;
  /** The text when the caller sees no cycle (default "no cycle yet" of the home page). */
  empty?: ReactNode;
  children: (cycle: Cycle, cycles: Cycle[]) => ReactNode;
}) {
  const { t } = useI18n();
  const { cycles, cycle } = choice;
  if (cycles.isPending) return <Loading rows={2} />;
  if (cycles.isError) return <ErrorState error={cycles.error} onRetry={() => void cycles.refetch()} />;
  if (!cycle || !cycles.data)
    return (
      <Card>
        <EmptyState>{empty ?? t('home.noCycles')}</EmptyState>
      </Card>
    );
  return <>{children(cycle, cycles.data)}</>;
}
