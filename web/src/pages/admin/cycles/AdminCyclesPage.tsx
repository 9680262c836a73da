/**
 * Admin — cycles (kỳ đánh giá): every cycle with its year, framework version, dates (dd/MM/yyyy) and status;
 * open a new one or change one (`?edit=<cycleId>` or `?new=1`, so a reload keeps the form open).
 */
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Table, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import type { Cycle } from '../../../api/types.ts';
import { useServices } from '../../../app/context.tsx';
import { queryKeys } from '../../../app/queries.ts';
import { EmptyState, ErrorState, Loading } from '../../../common/states.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { CycleForm } from './CycleForm.tsx';
import { useCycleColumns } from './cycleColumns.tsx';

/** The form the URL asks for: a new cycle, the cycle `editId` (or that it does not exist), or none. */
function OpenForm({
  cycles,
  creating,
  editId,
  onClose,
}: {
  cycles: Cycle[];
  creating: boolean;
  editId: string | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  if (creating) return <CycleForm cycles={cycles} onDone={onClose} onCancel={onClose} />;
  if (!editId) return null;
  const editing = cycles.find((c) => c.cycleId === editId);
  if (!editing)
    return (
      <Card className="mc-section">
        <EmptyState>{t('setup.cycle.notFound', { id: editId })}</EmptyState>
      </Card>
    );
  return (
    <CycleForm key={editing.cycleId} cycle={editing} cycles={cycles} onDone={onClose} onCancel={onClose} />
  );
}

/** Newest year first. */
function CycleTable({ cycles, onEdit }: { cycles: Cycle[]; onEdit: (cycleId: string) => void }) {
  const { t } = useI18n();
  const columns = useCycleColumns(onEdit);
  if (cycles.length === 0)
    return (
      <Card>
        <EmptyState>{t('setup.cycle.none')}</EmptyState>
      </Card>
    );
  return (
    <div data-testid="cycle-list">
      <Table<Cycle>
        size="small"
        rowKey="cycleId"
        columns={columns}
        dataSource={[...cycles].sort((a, b) => b.year - a.year || a.cycleId.localeCompare(b.cycleId))}
        pagination={cycles.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      />
    </div>
  );
}

export function AdminCyclesPage() {
  const { t } = useI18n();
  const { api } = useServices();
  const [params, setParams] = useSearchParams();
  const cycles = useQuery({ queryKey: queryKeys.cycles, queryFn: () => api.all('listCycles') });
  const editId = params.get('edit');
  const creating = params.get('new') === '1';
  const close = () => setParams({});

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
          <OpenForm cycles={cycles.data} creating={creating} editId={editId} onClose={close} />
          <CycleTable cycles={cycles.data} onEdit={(cycleId) => setParams({ edit: cycleId })} />
        </>
      )}
    </div>
  );
}
