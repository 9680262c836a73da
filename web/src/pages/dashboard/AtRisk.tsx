/**
 * Where points may be lost: criteria not complete (late once the deadline has passed, likely to miss when it
 * is close) or self-scored above what their evidence supports. The server's `atRiskPoints` per criterion;
 * each row links to the criterion's page.
 */
import { Button, Card, Collapse, Table, Tag, Typography } from 'antd';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { CriterionReadiness, Readiness } from '../../api/types.ts';
import type { CriterionInfo } from '../../app/reference.ts';
import type { DeadlineInfo } from '../../common/deadline.ts';
import { criterionStatus, STATUS_COLOR } from '../../common/labels.ts';
import { EmptyState } from '../../common/states.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ChartHow } from './ChartCard.tsx';

/** Working days left at or under which an incomplete criterion is "likely to miss". */
export const LIKELY_MISS_WORKING_DAYS = 5;
const FIRST_ROWS = 10;

type RiskKind = 'late' | 'likely' | 'open' | 'points';
const RISK_COLOR: Record<RiskKind, string> = { late: 'red', likely: 'orange', open: 'gold', points: 'blue' };

export function riskOf(c: CriterionReadiness, deadline: DeadlineInfo): RiskKind | undefined {
  if (c.appraised) return undefined;
  // The server judged it past due without a self score (its whole max is in atRiskPoints).
  if (c.lateUnscored) return 'late';
  if (!c.complete) {
    if (deadline.past) return 'late';
    return deadline.workingDays <= LIKELY_MISS_WORKING_DAYS ? 'likely' : 'open';
  }
  return c.atRiskPoints > 0 ? 'points' : undefined;
}

const RISK_ORDER: Record<RiskKind, number> = { late: 0, likely: 1, open: 2, points: 3 };

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
  const { t, pick, lang } = useI18n();
  const titleId = useId();
  const [all, setAll] = useState(false);
  const n = (v: number) => formatNumber(v, lang);
  const rows = r.criteria
    .flatMap((c) => {
      const kind = riskOf(c, deadlineOf(c.unitIds));
      return kind ? [{ ...c, kind }] : [];
    })
    .sort((a, b) => b.atRiskPoints - a.atRiskPoints || RISK_ORDER[a.kind] - RISK_ORDER[b.kind]);
  const units = r.byUnit.filter((u) => u.completenessPercent < 100 || u.atRiskPoints > 0);
  const shown = all ? rows : rows.slice(0, FIRST_ROWS);
  const title = (code: string) => {
    const node = info.get(code)?.node;
    return node ? pick(node.title) : '';
  };
  return (
    <Card className="mc-section" size="small" data-testid="dashboard-at-risk-list">
      <section aria-labelledby={titleId}>
        <Typography.Title level={2} id={titleId} className="mc-section-title">
          {t('dashboard.risk.title')}
        </Typography.Title>
        <div className="mc-muted mc-chart-subtitle">{t('dashboard.risk.subtitle')}</div>
        {units.length > 0 ? (
          <div className="mc-wrap mc-chart-subtitle" data-testid="dashboard-units-at-risk">
            {t('dashboard.risk.unitsAtRisk', {
              units: units
                .map((u) => `${unitName(u.unitId)} (${n(u.completeCount)}/${n(u.criteriaCount)})`)
                .join('; '),
            })}
          </div>
        ) : null}
        {rows.length === 0 ? (
          <EmptyState>{t('dashboard.risk.none')}</EmptyState>
        ) : (
          <>
            <Table
              size="small"
              pagination={false}
              rowKey="code"
              dataSource={shown}
              columns={[
                {
                  key: 'code',
                  title: t('dashboard.col.criterion'),
                  render: (_, c) => (
                    <Link
                      to={`/cycles/${encodeURIComponent(cycleId)}/entities/${encodeURIComponent(entityId)}/criteria/${encodeURIComponent(c.code)}`}
                      aria-label={t('dashboard.risk.open.link', { code: c.code })}
                      className="mc-wrap"
                      data-testid="at-risk-link"
                    >
                      <strong>{c.code}</strong> {title(c.code)}
                    </Link>
                  ),
                },
                {
                  key: 'risk',
                  title: t('dashboard.col.status'),
                  render: (_, c) => (
                    <div className="mc-dash-risk-tags">
                      <Tag color={RISK_COLOR[c.kind]}>{t(`dashboard.risk.${c.kind}`)}</Tag>
                      <Tag color={STATUS_COLOR[criterionStatus(c)]}>{t(`status.${criterionStatus(c)}`)}</Tag>
                    </div>
                  ),
                },
                {
                  key: 'unit',
                  title: t('dashboard.col.unit'),
                  responsive: ['lg'],
                  render: (_, c) => (
                    <span className="mc-wrap">
                      {c.unitIds.length ? c.unitIds.map((u) => unitName(u)).join(', ') : unitName(null)}
                    </span>
                  ),
                },
                {
                  key: 'pts',
                  title: t('dashboard.col.atRisk'),
                  align: 'right',
                  responsive: ['sm'],
                  render: (_, c) => n(c.atRiskPoints),
                },
                {
                  key: 'p',
                  title: t('dashboard.col.points'),
                  align: 'right',
                  responsive: ['md'],
                  render: (_, c) => `${n(c.projectedPoints)}/${n(c.maxPoints)}`,
                },
              ]}
            />
            {rows.length > FIRST_ROWS ? (
              <Button type="link" onClick={() => setAll((v) => !v)} aria-expanded={all}>
                {all ? t('dashboard.risk.showFewer') : t('dashboard.risk.showAll', { n: n(rows.length) })}
              </Button>
            ) : null}
          </>
        )}
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
      </section>
    </Card>
  );
}
