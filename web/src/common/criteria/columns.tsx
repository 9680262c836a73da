/** The criteria tree's columns: code and titles, slots (or an area's roll-up), coverage, points, self score, status. */
import { Progress, type TableColumnsType } from 'antd';
import type { CriterionInfo } from '../../app/reference.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AreaCell, AreaSummary, CriterionCell, SlotList, StatusTag } from './CriteriaCells.tsx';
import type { Row } from './criteria-rows.ts';

function Coverage({ r }: { r: Row }) {
  const { t, lang } = useI18n();
  const percent = r.kind === 'area' ? (r.node?.coveragePercent ?? 0) : r.c.coverage * 100;
  const code = r.kind === 'area' ? t('home.tree.areaCode', { code: r.area }) : r.c.code;
  return r.kind === 'area' && !r.node ? null : (
    <Progress
      percent={Math.round(percent)}
      size="small"
      aria-label={`${t('criteria.coverage')} ${code}`}
      format={(p) => `${formatNumber(p ?? 0, lang, 0)}%`}
    />
  );
}

/** A criterion's maximum points; an area's total in bold. */
function MaxPoints({ r }: { r: Row }) {
  const { lang } = useI18n();
  if (r.kind !== 'area') return formatNumber(r.c.maxPoints, lang);
  return r.node ? <strong>{formatNumber(r.node.maxPoints, lang)}</strong> : null;
}

export function useCriteriaColumns(props: {
  cycleId: string;
  entityId: string;
  info: Map<string, CriterionInfo>;
  open: string[];
  toggle: (area: string) => void;
  areaLabel: (code: string) => string;
}): TableColumnsType<Row> {
  const { t, lang } = useI18n();
  const { info } = props;
  return [
    {
      key: 'code',
      title: t('criteria.code'),
      render: (_, r) =>
        r.kind === 'area' ? (
          <AreaCell
            r={r}
            isOpen={props.open.includes(r.area)}
            label={props.areaLabel(r.area)}
            onToggle={() => props.toggle(r.area)}
          />
        ) : (
          <CriterionCell
            c={r.c}
            info={info.get(r.c.code)}
            cycleId={props.cycleId}
            entityId={props.entityId}
          />
        ),
    },
    {
      key: 'slots',
      title: t('criteria.slots'),
      responsive: ['md'],
      width: '28%',
      render: (_, r) =>
        r.kind === 'area' ? (
          <span className="mc-muted">
            <AreaSummary r={r} />
          </span>
        ) : (
          <SlotList criterion={r.c} info={info.get(r.c.code)} />
        ),
    },
    { key: 'coverage', title: t('criteria.coverage'), width: 130, render: (_, r) => <Coverage r={r} /> },
    {
      key: 'max',
      title: t('criteria.maxPoints'),
      responsive: ['lg'],
      align: 'right',
      width: 105,
      render: (_, r) => <MaxPoints r={r} />,
    },
    {
      key: 'self',
      title: t('criteria.selfScore'),
      responsive: ['lg'],
      align: 'right',
      width: 100,
      render: (_, r) =>
        r.kind === 'area' ? null : r.c.selfScore === undefined ? (
          <span className="mc-muted">{t('criteria.notScored')}</span>
        ) : (
          formatNumber(r.c.selfScore, lang)
        ),
    },
    {
      key: 'status',
      title: t('criteria.status'),
      responsive: ['md'],
      width: 140,
      render: (_, r) => (r.kind === 'area' ? null : <StatusTag criterion={r.c} />),
    },
  ];
}
