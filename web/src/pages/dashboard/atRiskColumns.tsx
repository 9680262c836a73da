/** The at-risk table's columns: criterion (a link to its page), kind of risk and status, units, points. */
import { type TableColumnsType, Tag } from 'antd';
import { Link } from 'react-router';
import { criterionStatus, STATUS_COLOR } from '../../common/labels.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { RiskKind, RiskRow } from './at-risk-model.ts';

const RISK_COLOR: Record<RiskKind, string> = { late: 'red', likely: 'orange', open: 'gold', points: 'blue' };

export function useAtRiskColumns(props: {
  cycleId: string;
  entityId: string;
  /** The criterion's title in the current language ('' when the framework has not loaded). */
  title: (code: string) => string;
  unitName: (unitId: string | null) => string;
}): TableColumnsType<RiskRow> {
  const { t, lang } = useI18n();
  const { cycleId, entityId, title, unitName } = props;
  const n = (v: number) => formatNumber(v, lang);
  return [
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
  ];
}
