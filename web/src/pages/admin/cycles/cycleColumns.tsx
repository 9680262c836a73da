/**
 * The cycles table's columns: name (and, on a phone, year, framework and dates under it), year, framework
 * version (a link to its tree), dates, entity count, status, and the edit button.
 */
import { EditOutlined } from '@ant-design/icons';
import { Button, type TableColumnsType, Tag } from 'antd';
import { Link } from 'react-router';
import type { Cycle } from '../../../api/types.ts';
import { versionLink } from '../../../common/admin/frameworks.ts';
import { formatIsoDate, formatNumber } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';

function Dates({ c }: { c: Cycle }) {
  const { t } = useI18n();
  return (
    <div className="mc-setup-dates-cell">
      <div>
        <span className="mc-muted">{t('setup.cycle.selfAssessmentDue')}:</span>{' '}
        <span className="mc-nowrap">{formatIsoDate(c.dates.selfAssessmentDue)}</span>
      </div>
      <div>
        <span className="mc-muted">{t('setup.cycle.appraisal')}:</span>{' '}
        <span className="mc-nowrap">
          {formatIsoDate(c.dates.appraisalStart)} – {formatIsoDate(c.dates.appraisalEnd)}
        </span>
      </div>
    </div>
  );
}

function CycleName({ c }: { c: Cycle }) {
  const { pick } = useI18n();
  return (
    <div>
      <strong className="mc-wrap">{pick(c.name)}</strong>
      <div className="mc-only-narrow">
        <div className="mc-muted">
          {c.year} · {c.frameworkId} v{c.frameworkVersion}
        </div>
        <Dates c={c} />
      </div>
    </div>
  );
}

export function useCycleColumns(onEdit: (cycleId: string) => void): TableColumnsType<Cycle> {
  const { t, pick, lang } = useI18n();
  return [
    { key: 'name', title: t('setup.cycle.name'), render: (_, c) => <CycleName c={c} /> },
    { key: 'year', title: t('setup.cycle.year'), width: 70, responsive: ['md'], render: (_, c) => c.year },
    {
      key: 'framework',
      title: t('setup.cycle.framework'),
      responsive: ['md'],
      render: (_, c) => (
        <Link to={versionLink(c.frameworkId, c.frameworkVersion)} className="mc-wrap">
          {c.frameworkId} {t('setup.fw.versionN', { version: c.frameworkVersion })}
        </Link>
      ),
    },
    { key: 'dates', title: t('setup.cycle.dates'), responsive: ['md'], render: (_, c) => <Dates c={c} /> },
    {
      key: 'entities',
      title: t('setup.cycle.entityCount'),
      align: 'right',
      width: 90,
      responsive: ['lg'],
      render: (_, c) => formatNumber(c.entityIds.length, lang),
    },
    {
      key: 'status',
      title: t('setup.cycle.status'),
      width: 110,
      render: (_, c) => (
        <Tag color={c.status === 'open' ? 'green' : 'default'}>{t(`setup.cycle.status.${c.status}`)}</Tag>
      ),
    },
    {
      key: 'actions',
      title: t('setup.fw.actions'),
      width: 90,
      render: (_, c) => (
        <Button
          size="small"
          icon={<EditOutlined />}
          aria-label={t('setup.cycle.editOf', { name: pick(c.name) })}
          onClick={() => onEdit(c.cycleId)}
        >
          {t('setup.cycle.edit')}
        </Button>
      ),
    },
  ];
}
