/**
 * The assignments page's toolbar: the cycle and entity, the framework when the cycle tracks more than one, bulk
 * import and carry-forward, and what the matrix is for.
 */
import { Card, Select, Space } from 'antd';
import { useId } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AssignmentImport, CarryForwardButton } from './AssignmentImport.tsx';
import { CyclePicker, type useCycleChoice } from './common.tsx';
import type { FrameworkRef } from './useFrameworkChoice.ts';

export function AssignmentsToolbar({
  choice,
  frameworks,
  unitName,
}: {
  choice: ReturnType<typeof useCycleChoice>;
  frameworks: { refs: FrameworkRef[]; ref: FrameworkRef; choose(frameworkId: string): void };
  unitName(unitId: string): string;
}) {
  const { t } = useI18n();
  const fwId = useId();
  const cycle = choice.cycle!;
  const entityId = choice.entityId!;
  const { refs, ref, choose } = frameworks;
  return (
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
              onChange={choose}
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
  );
}
