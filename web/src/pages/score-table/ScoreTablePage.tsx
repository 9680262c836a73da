/**
 * The score table's print view (`/cycles/:cycleId/entities/:entityId/score-table?unit=`): the same rows as the
 * .xlsx from `getScoreTable`, headed by the entity, the cycle, the moment the data was read and the formula
 * version, with an "In" button. Print rules (A4 landscape, Times New Roman, no app header) are in styles.css.
 */
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { useServices } from '../../app/context.tsx';
import { queryKeys } from '../../app/queries.ts';
import { useEntity } from '../../app/reference.ts';
import { FrameworkNotice } from '../../common/FrameworkNotice.tsx';
import { EmptyState, ErrorState, Loading } from '../../common/states.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ScoreTableView } from './ScoreTableView.tsx';

export function ScoreTablePage() {
  const { t, pick } = useI18n();
  const { api } = useServices();
  const { cycleId = '', entityId = '' } = useParams();
  const [params] = useSearchParams();
  const unitId = params.get('unit') ?? undefined;

  const table = useQuery({
    queryKey: ['score-table', cycleId, entityId, unitId ?? ''],
    queryFn: () => api.call('getScoreTable', { params: { cycleId, entityId }, query: { unitId } }),
  });
  const cycle = useQuery({
    queryKey: queryKeys.cycle(cycleId),
    queryFn: () => api.call('getCycle', { params: { cycleId } }),
    staleTime: 10 * 60_000,
  });
  const entity = useEntity(entityId);
  const unit = entity.data?.units.find((u) => u.unitId === unitId);
  const back = `/dashboard?${new URLSearchParams({ cycle: cycleId, entity: entityId })}`;

  return (
    <div className="mc-page mc-print-page" data-testid="score-table-page">
      <div className="mc-print-toolbar">
        <Link to={back}>
          <ArrowLeftOutlined aria-hidden /> {t('dossier.sheet.back')}
        </Link>
        <Button
          type="primary"
          icon={<PrinterOutlined aria-hidden />}
          onClick={() => window.print()}
          disabled={!table.data}
          data-testid="score-table-print"
        >
          {t('dossier.sheet.print')}
        </Button>
      </div>

      <header className="mc-print-head">
        <Typography.Title level={1} className="mc-page-title mc-print-title">
          {t('dossier.sheet.title')}
        </Typography.Title>
        <div className="mc-wrap">
          {t('dossier.sheet.entity')}:{' '}
          <strong>{entity.data ? pick(entity.data.entity.name) : entityId}</strong>
          {unitId ? ` · ${t('dossier.scope.unit', { unit: unit ? pick(unit.name) : unitId })}` : null}
        </div>
        <div>
          {t('dossier.sheet.cycle')}: {cycle.data ? pick(cycle.data.name) : cycleId}
        </div>
        <FrameworkNotice framework={cycle.data?.framework} />
        {table.data ? (
          <div className="mc-muted" data-testid="score-table-meta">
            {t('dossier.readAt', { time: formatDateTime(table.data.readAt) })} ·{' '}
            {t('dossier.formula', { version: table.data.formulaVersion })}
          </div>
        ) : null}
      </header>

      {table.isPending ? (
        <Loading rows={8} />
      ) : table.isError ? (
        <ErrorState error={table.error} onRetry={() => void table.refetch()} />
      ) : table.data.rows.length === 0 ? (
        <Card>
          <EmptyState>{t('dossier.sheet.empty')}</EmptyState>
        </Card>
      ) : (
        <ScoreTableView table={table.data} units={entity.data?.units} />
      )}
    </div>
  );
}
