/**
 * Where points may be lost: criteria not complete (late once the deadline has passed, likely to miss when it
 * is close) or self-scored above what their evidence supports. The server's `atRiskPoints` per criterion;
 * each row links to the criterion's page.
 */
import { Button, Card, Collapse, Table, type TableColumnsType, Typography } from 'antd';
import { useId, useState } from 'react';
import type { Readiness } from '../../api/types.ts';
import type { CriterionInfo } from '../../app/reference.ts';
import type { DeadlineInfo } from '../../common/deadline.ts';
import { EmptyState } from '../../common/states.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { atRiskRows, LIKELY_MISS_WORKING_DAYS, type RiskRow, unitsAtRisk } from './at-risk-model.ts';
import { useAtRiskColumns } from './atRiskColumns.tsx';
import { ChartHow } from './ChartCard.tsx';

export { LIKELY_MISS_WORKING_DAYS, riskOf } from './at-risk-model.ts';

const FIRST_ROWS = 10;

export function AtRiskCard({
  cycleId,
  entityId,
  readiness: r,
  info,
  deadlineOf,
  unitName,
}: {
  cycleId: string;
  entityId: string;
  readiness: Readiness;
  info: Map<string, CriterionInfo>;
  /** The effective deadline of a criterion from its units (reopenings included). */
  deadlineOf: (unitIds: readonly string[]) => DeadlineInfo;
  unitName: (unitId: string | null) => string;
}) {
  const { t, pick } = useI18n();
  const titleId = useId();
  const rows = atRiskRows(r.criteria, deadlineOf);
  const title = (code: string) => {
    const node = info.get(code)?.node;
    return node ? pick(node.title) : '';
  };
  const columns = useAtRiskColumns({ cycleId, entityId, title, unitName });
  return (
    <Card className="mc-section" size="small" data-testid="dashboard-at-risk-list">
      <section aria-labelledby={titleId}>
        <Typography.Title level={2} id={titleId} className="mc-section-title">
          {t('dashboard.risk.title')}
        </Typography.Title>
        <div className="mc-muted mc-chart-subtitle">{t('dashboard.risk.subtitle')}</div>
        <UnitsAtRisk readiness={r} unitName={unitName} />
        {rows.length === 0 ? (
          <EmptyState>{t('dashboard.risk.none')}</EmptyState>
        ) : (
          <RiskTable rows={rows} columns={columns} />
        )}
        <AtRiskHow readiness={r} />
      </section>
    </Card>
  );
}

/** One line naming the units with criteria still to complete or points at risk, with their counts. */
function UnitsAtRisk({
  readiness: r,
  unitName,
}: {
  readiness: Readiness;
  unitName: (unitId: string | null) => string;
}) {
  const { t, lang } = useI18n();
  const n = (v: number) => formatNumber(v, lang);
  const units = unitsAtRisk(r.byUnit);
  return units.length > 0 ? (
    <div className="mc-wrap mc-chart-subtitle" data-testid="dashboard-units-at-risk">
      {t('dashboard.risk.unitsAtRisk', {
        units: units
          .map((u) => `${unitName(u.unitId)} (${n(u.completeCount)}/${n(u.criteriaCount)})`)
          .join('; '),
      })}
    </div>
  ) : null;
}

/** The first rows, and a button for the rest. */
function RiskTable({ rows, columns }: { rows: RiskRow[]; columns: TableColumnsType<RiskRow> }) {
  const { t, lang } = useI18n();
  const [all, setAll] = useState(false);
  const shown = all ? rows : rows.slice(0, FIRST_ROWS);
  return (
    <>
      <Table size="small" pagination={false} rowKey="code" dataSource={shown} columns={columns} />
      {rows.length > FIRST_ROWS ? (
        <Button type="link" onClick={() => setAll((v) => !v)} aria-expanded={all}>
          {all
            ? t('dashboard.risk.showFewer')
            : t('dashboard.risk.showAll', { n: formatNumber(rows.length, lang) })}
        </Button>
      ) : null}
    </>
  );
}

function AtRiskHow({ readiness: r }: { readiness: Readiness }) {
  const { t } = useI18n();
  return (
    <Collapse
      className="mc-how"
      size="small"
      items={[
        {
          key: 'how',
          label: t('readiness.how'),
          children: (
            <div data-testid="dashboard-at-risk-list-how">
              <ChartHow
                text={t('dashboard.risk.how', { days: LIKELY_MISS_WORKING_DAYS })}
                formulaVersion={r.formulaVersion}
                how={r.how}
                only={['atRiskPoints', 'completenessPercent']}
              />
            </div>
          ),
        },
      ]}
    />
  );
}
