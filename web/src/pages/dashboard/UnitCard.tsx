import { Table } from 'antd';
import { useMemo } from 'react';
import type { Readiness } from '../../api/types.ts';
import { EmptyState } from '../../common/states.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ChartCard, ChartHow } from './ChartCard.tsx';
import { useNarrow } from './card-common.ts';
import { EChart } from './EChart.tsx';
import { barHeight, COLORS, percentBars } from './options.ts';
import { useUnitColumns } from './unitColumns.tsx';

/** Readiness of each responsible unit (byUnit), highest completeness first. */
export function UnitCard({
  readiness: r,
  unitName,
}: {
  readiness: Readiness;
  unitName: (unitId: string | null) => string;
}) {
  const { t, lang } = useI18n();
  const narrow = useNarrow();
  const units = useMemo(
    () =>
      [...r.byUnit].sort(
        (a, b) =>
          b.completenessPercent - a.completenessPercent ||
          a.atRiskPoints - b.atRiskPoints ||
          unitName(a.unitId).localeCompare(unitName(b.unitId), 'vi'),
      ),
    [r, unitName],
  );
  const title = t('dashboard.unit.title');
  // biome-ignore lint/correctness/useExhaustiveDependencies: redrawn only when the data, the names or the language change
  const option = useMemo(
    () =>
      percentBars(
        units.map((u) => unitName(u.unitId)),
        [
          {
            name: t('readiness.completeness'),
            values: units.map((u) => u.completenessPercent),
            color: COLORS.completeness,
          },
          {
            name: t('readiness.coverage'),
            values: units.map((u) => u.coveragePercent),
            color: COLORS.coverage,
          },
        ],
        lang,
        narrow,
      ),
    [units, lang, narrow],
  );
  const columns = useUnitColumns(unitName);
  return (
    <ChartCard
      testId="dashboard-units"
      title={title}
      subtitle={t('dashboard.unit.subtitle')}
      empty={units.length === 0 ? <EmptyState>{t('dashboard.unit.empty')}</EmptyState> : undefined}
      chart={
        <EChart
          option={option}
          height={barHeight(units.length, 2)}
          label={t('dashboard.chartOf', { title })}
        />
      }
      table={
        <Table
          size="small"
          pagination={false}
          rowKey={(u) => u.unitId ?? '-'}
          dataSource={units}
          columns={columns}
        />
      }
      how={
        <ChartHow
          text={t('dashboard.unit.how')}
          formulaVersion={r.formulaVersion}
          how={r.how}
          only={['completenessPercent', 'evidenceCoveragePercent', 'atRiskPoints']}
        />
      }
    />
  );
}
