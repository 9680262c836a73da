/**
 * Admin — cycles (kỳ đánh giá): every cycle with its year, framework version, dates (dd/MM/yyyy) and status;
 * open a new one or change one (`?edit=<cycleId>` or `?new=1`, so a reload keeps the form open).
 */
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { Cycle } from '../../../api/types.ts';
import { useServices } from '../../../app/context.tsx';
import { queryKeys } from '../../../app/queries.ts';
import { versionLink } from '../../../common/admin/frameworks.ts';
import { EmptyState, ErrorState, Loading } from '../../../common/states.tsx';
import { formatIsoDate, formatNumber } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { CycleForm } from './CycleForm.tsx';

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

export function AdminCyclesPage() {
  const { t, pick, lang } = useI18n();
  const { api } = useServices();
  const [params, setParams] = useSearchParams();
  const cycles = useQuery({ queryKey: queryKeys.cycles, queryFn: () => api.all('listCycles') });
  const editId = params.get('edit');
  const creating = params.get('new') === '1';
  const editing = editId ? cycles.data?.find((c) => c.cycleId === editId) : undefined;
  const close = () => setParams({});

  const columns: TableColumnsType<Cycle> = [
    {
      key: 'name',
      title: t('setup.cycle.name'),
      render: (_, c) => (
        <div>
          <strong className="mc-wrap">{pick(c.name)}</strong>
          <div className="mc-only-narrow">
            <div className="mc-muted">
              {c.year} · {c.frameworkId} v{c.frameworkVersion}
            </div>
            <Dates c={c} />
          </div>
        </div>
      ),
    },
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
          onClick={() => setParams({ edit: c.cycleId })}
        >
          {t('setup.cycle.edit')}
        </Button>
      ),
    },
  ];

  return (
    <div className="mc-page" data-testid="admin-cycles">
      <div className="mc-setup-row">
        <Typography.Title level={1} className="mc-page-title">
          {t('setup.cycle.title')}
        </Typography.Title>
        {!creating && !editId ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setParams({ new: '1' })}>
            {t('setup.cycle.new')}
          </Button>
        ) : null}
      </div>
      {cycles.isPending ? (
        <Loading rows={4} />
      ) : cycles.isError ? (
        <ErrorState error={cycles.error} onRetry={() => void cycles.refetch()} />
      ) : (
        <>
          {creating ? (
            <CycleForm cycles={cycles.data} onDone={close} onCancel={close} />
          ) : editId ? (
            editing ? (
              <CycleForm
                key={editing.cycleId}
                cycle={editing}
                cycles={cycles.data}
                onDone={close}
                onCancel={close}
              />
            ) : (
              <Card className="mc-section">
                <EmptyState>{t('setup.cycle.notFound', { id: editId })}</EmptyState>
              </Card>
            )
          ) : null}
          {cycles.data.length === 0 ? (
            <Card>
              <EmptyState>{t('setup.cycle.none')}</EmptyState>
            </Card>
          ) : (
            <div data-testid="cycle-list">
              <Table<Cycle>
                size="small"
                rowKey="cycleId"
                columns={columns}
                dataSource={[...cycles.data].sort(
                  (a, b) => b.year - a.year || a.cycleId.localeCompare(b.cycleId),
                )}
                pagination={cycles.data.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              />
            </div>
          )}
        </>
      )}
    </div>
  );
}
