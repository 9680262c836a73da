/** Carry the previous cycle's tasks forward into this one (a dry run shows what would be created first). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Popconfirm, Select, Space, Tag } from 'antd';
import { useId, useState } from 'react';
import type { Cycle } from '../../../api/types.ts';
import { useServices } from '../../../app/context.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { MutationError } from './common.tsx';
import { type CarryForward, peopleKeys } from './data.ts';

/** Carry the previous cycle's tasks forward: a dry run first, then for real. */
function useCarryForward(cycle: Cycle, entityId: string, from: string | undefined) {
  const { t } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (dryRun: boolean) =>
      api.call('carryForwardAssignments', {
        params: { cycleId: cycle.cycleId, entityId },
        body: { fromCycleId: from!, dryRun },
      }),
    onSuccess: (r) => {
      if (!r.dryRun) {
        void message.success(t('people.carry.created', { count: r.created.length }));
        void queryClient.invalidateQueries({ queryKey: peopleKeys.assignments(cycle.cycleId, entityId) });
      }
    },
  });
}

function CarryForwardResult({ r }: { r: CarryForward }) {
  const { t, pick } = useI18n();
  return (
    <div data-testid="carry-result" className="mc-section">
      <p>
        {t(r.dryRun ? 'people.carry.wouldCreate' : 'people.carry.created', { count: r.created.length })}{' '}
        {r.created.map((c) => (
          <Tag key={c.assignmentId}>{c.assignmentId}</Tag>
        ))}
      </p>
      {r.alreadyThere.length ? (
        <p className="mc-muted">{t('people.carry.already', { count: r.alreadyThere.length })}</p>
      ) : null}
      {r.droppedCriteria.length ? (
        <Alert
          type="warning"
          showIcon
          title={t('people.carry.dropped', { count: r.droppedCriteria.length })}
          description={r.droppedCriteria.map((d) => `${d.assignmentId}: ${d.code}`).join('; ')}
        />
      ) : null}
      {r.skipped.length ? (
        <ul className="mc-issues">
          {r.skipped.map((s) => (
            <li key={s.assignmentId}>
              {s.assignmentId}: {pick(s.reason)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function CarryForwardButton({
  cycle,
  cycles,
  entityId,
}: {
  cycle: Cycle;
  cycles: Cycle[];
  entityId: string;
}) {
  const { t, pick } = useI18n();
  const fromId = useId();
  const candidates = cycles.filter(
    (c) => c.cycleId !== cycle.cycleId && c.entityIds.includes(entityId) && c.year <= cycle.year,
  );
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState<string | undefined>();
  const run = useCarryForward(cycle, entityId, from);
  if (!candidates.length) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('people.carry.open')}</Button>
      <Modal
        open={open}
        onCancel={() => {
          setOpen(false);
          run.reset();
        }}
        title={t('people.carry.title')}
        footer={null}
        destroyOnHidden
        closable={{ 'aria-label': t('people.close') }}
      >
        <p className="mc-wrap">{t('people.carry.intro')}</p>
        <div className="mc-filter mc-section">
          <label htmlFor={fromId}>{t('people.carry.from')}</label>
          <Select
            id={fromId}
            value={from}
            onChange={(v) => {
              setFrom(v);
              run.reset();
            }}
            options={candidates.map((c) => ({ value: c.cycleId, label: pick(c.name) }))}
          />
        </div>
        <Space wrap className="mc-section">
          <Button disabled={!from} loading={run.isPending && run.variables} onClick={() => run.mutate(true)}>
            {t('people.carry.preview')}
          </Button>
          <Popconfirm
            title={t('people.carry.confirm')}
            okText={t('people.confirm')}
            cancelText={t('people.cancel')}
            onConfirm={() => run.mutate(false)}
            disabled={!run.data?.dryRun || run.data.created.length === 0}
          >
            <Button
              type="primary"
              disabled={!run.data?.dryRun || run.data.created.length === 0}
              loading={run.isPending && !run.variables}
            >
              {t('people.carry.run')}
            </Button>
          </Popconfirm>
        </Space>
        <MutationError error={run.error} />
        {run.data ? <CarryForwardResult r={run.data} /> : null}
      </Modal>
    </>
  );
}
