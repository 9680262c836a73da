import { Table } from 'antd';
import { useMemo } from 'react';
import type { Readiness } from '../../api/types.ts';
import type { CriterionInfo } from '../../app/reference.ts';
import { EmptyState } from '../../common/states.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAreaColumns } from './areaColumns.tsx';
import { ChartCard, ChartHow } from './ChartCard.tsx';
import { useNarrow } from './card-common.ts';
import { EChart } from './EChart.tsx';
import { barHeight, COLORS, percentBars } from './options.ts';

/** Readiness of each top-level area of the framework (byNode, depth 1, regular role), in framework order. */
export function AreaCard({ readiness: r, info }: { readiness: Readiness; info: Map<string, CriterionInfo> }) {
  const { t, pick, lang } = useI18n();
  const narrow = useNarrow();
  const areas = r.byNode.filter((n) => n.depth === 1 && n.role === 'regular');
  const name = (code: string) => {
    const title = info.get(code)?.node.title;
    return title ? `${code}. ${pick(title)}` : code;
  };
  const title = t('dashboard.area.title');
  // biome-ignore lint/correctness/useExhaustiveDependencies: redrawn only when the data, the names or the language change
  const option = useMemo(
    () =>
      percentBars(
        areas.map((a) => name(a.code)),
        [
          {
            name: t('readiness.completeness'),
            values: areas.map((a) => a.completenessPercent),
            color: COLORS.completeness,
          },
          {
            name: t('readiness.projected'),
            values: areas.map((a) => a.projectedPercent),
            color: COLORS.projected,
          },
        ],
        lang,
        narrow,
      ),
    [r, info, lang, narrow],
  );
  const columns = useAreaColumns(name);
  return (
    <ChartCard
      testId="dashboard-areas"
      title={title}
      subtitle={t('dashboard.area.subtitle')}
      empty={areas.length === 0 ? <EmptyState>{t('dashboard.area.empty')}</EmptyState> : undefined}
      chart={
        <EChart
          option={option}
          height={barHeight(areas.length, 2)}
          label={t('dashboard.chartOf', { title })}
        />
      }
      table={<Table size="small" pagination={false} rowKey="code" dataSource={areas} columns={columns} />}
      how={
        <ChartHow
          text={t('dashboard.area.how')}
          formulaVersion={r.formulaVersion}
          how={r.how}
          only={['completenessPercent', 'projectedIndexPercent']}
        />
      }
    />
  );
}
