/**
 * The criterion's bin: evidence moved there (soft delete) no longer counts anywhere, keeps its files, and
 * can be restored by whoever may delete it. Shown only to those who may restore (the API refuses the rest).
 */
import { RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Collapse, List } from 'antd';
import type { CriterionRef } from '../../api/client.ts';
import { evidenceRights, evidenceView } from '../../api/evidence-view.ts';
import type { Evidence } from '../../api/types.ts';
import { useServices, useSession } from '../../app/context.tsx';
import { evidenceKeys, refreshEvidence } from '../../common/evidence/api.ts';
import { EmptyState, ErrorState, Loading } from '../../common/states.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function EvidenceBin({ criterionRef }: { criterionRef: CriterionRef }) {
  const { t } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const user = useSession()?.user;
  const queryClient = useQueryClient();
  const { cycleId, entityId, criterionCode } = criterionRef;
  const bin = useQuery({
    queryKey: evidenceKeys.bin(cycleId, entityId, criterionCode),
    queryFn: () =>
      api.call('searchEvidence', {
        params: { cycleId },
        query: { entityId, criterionCode, deleted: 'only', limit: 50 },
      }),
  });
  const restore = useMutation({
    mutationFn: (e: Evidence) =>
      api.call('restoreEvidence', { params: { cycleId, entityId, evidenceId: e.evidenceId } }),
    onSuccess: (e) => {
      refreshEvidence(queryClient, cycleId, entityId);
      void message.success(t('ev.bin.restored', { title: e.title }));
    },
  });
  const count = bin.data?.items.length ?? 0;
  const body = () => {
    if (bin.isPending) return <Loading rows={1} />;
    if (bin.isError) return <ErrorState error={bin.error} onRetry={() => void bin.refetch()} />;
    if (!count) return <EmptyState>{t('ev.bin.empty')}</EmptyState>;
    return (
      <List
        size="small"
        dataSource={bin.data.items}
        renderItem={(e) => (
          <BinItem
            key={e.evidenceId}
            evidence={e}
            canRestore={evidenceRights(user, e).restore}
            restoring={restore.isPending && restore.variables?.evidenceId === e.evidenceId}
            onRestore={() => restore.mutate(e)}
          />
        )}
      />
    );
  };
  return (
    <div className="mc-section" data-testid="evidence-bin">
      <Collapse
        size="small"
        items={[
          {
            key: 'bin',
            label: t('ev.bin.title', { count }),
            children: (
              <>
                {body()}
                {restore.isError ? <ErrorState error={restore.error} /> : null}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}

/** One binned evidence: its title, file and when it was binned, and "Khôi phục" for whoever may restore it. */
function BinItem(props: {
  evidence: Evidence;
  canRestore: boolean;
  restoring: boolean;
  onRestore: () => void;
}) {
  const { t } = useI18n();
  const e = props.evidence;
  const v = evidenceView(e);
  return (
    <List.Item data-testid="bin-item">
      <div className="mc-search-result">
        <div className="mc-search-result-text">
          <strong className="mc-wrap">{v.title}</strong>
          <div className="mc-muted mc-wrap">
            {v.fileName}
            {e.deletedAt ? ` · ${t('ev.bin.deletedAt', { date: formatDateTime(e.deletedAt) })}` : ''}
          </div>
        </div>
        {props.canRestore ? (
          <Button
            size="small"
            icon={<RollbackOutlined />}
            loading={props.restoring}
            aria-label={t('ev.bin.restoreAria', { title: v.title })}
            onClick={props.onRestore}
          >
            {t('ev.bin.restore')}
          </Button>
        ) : null}
      </div>
    </List.Item>
  );
}
