/** Reopening a unit's self-assessment (reason, new deadline dd/mm/yyyy), at the foot of the review page. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Select } from 'antd';
import { useId, useState } from 'react';
import { useServices } from '../../app/context.tsx';
import { queryKeys } from '../../app/queries.ts';
import { useEntity } from '../../app/reference.ts';
import { ErrorState } from '../../common/states.tsx';
import { formatIsoDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** Typed dd/MM/yyyy as everywhere in the app; the API takes YYYY-MM-DD. */
export function isoOfDayMonthYear(typed: string): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(typed.trim());
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : undefined;
}

function useReopen(cycleId: string, entityId: string, unitIds: string[]) {
  const { t } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [unitId, setUnitId] = useState(unitIds[0]);
  const [reason, setReason] = useState('');
  const [deadline, setDeadline] = useState('');
  const [missing, setMissing] = useState(false);
  const isoDeadline = isoOfDayMonthYear(deadline);
  const reopen = useMutation({
    mutationFn: () =>
      api.call('reopenSubmission', {
        params: { cycleId, entityId },
        body: { unitId, reason: reason.trim(), deadline: isoDeadline! },
      }),
    onSuccess: () => {
      void message.success(t('reopen.done', { deadline: formatIsoDate(isoDeadline!) }));
      void queryClient.invalidateQueries({ queryKey: ['score', cycleId, entityId] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.submissions(cycleId, entityId) });
    },
  });
  const submit = () => {
    if (!reason.trim() || !isoDeadline) return setMissing(true);
    setMissing(false);
    reopen.mutate();
  };
  return { unitId, setUnitId, reason, setReason, deadline, setDeadline, missing, reopen, submit };
}

export function ReopenForm({
  cycleId,
  entityId,
  unitIds,
}: {
  cycleId: string;
  entityId: string;
  unitIds: string[];
}) {
  const { t, pick } = useI18n();
  const entity = useEntity(entityId);
  const f = useReopen(cycleId, entityId, unitIds);
  const unitSel = useId();
  const reasonId = useId();
  const deadlineId = useId();
  const unitName = (id: string) => {
    const u = entity.data?.units.find((x) => x.unitId === id);
    return u ? pick(u.name) : id;
  };
  return (
    <Card size="small" title={t('reopen.title')} className="mc-section" data-testid="reopen">
      <form
        className="mc-score-form"
        onSubmit={(e) => {
          e.preventDefault();
          f.submit();
        }}
      >
        <div className="mc-field">
          <label htmlFor={unitSel}>{t('reopen.unit')}</label>
          <Select
            id={unitSel}
            className="mc-cycle-select"
            value={f.unitId}
            onChange={f.setUnitId}
            options={unitIds.map((u) => ({ value: u, label: unitName(u) }))}
          />
        </div>
        <div className="mc-field">
          <label htmlFor={reasonId}>{t('reopen.reason')}</label>
          <Input
            id={reasonId}
            maxLength={1000}
            value={f.reason}
            onChange={(e) => f.setReason(e.target.value)}
          />
        </div>
        <div className="mc-field">
          <label htmlFor={deadlineId}>{t('reopen.deadline')}</label>
          <Input
            id={deadlineId}
            className="mc-date"
            inputMode="numeric"
            placeholder="dd/mm/yyyy"
            value={f.deadline}
            onChange={(e) => f.setDeadline(e.target.value)}
          />
        </div>
        {f.missing ? (
          <div className="mc-error-text" role="alert">
            {t('reopen.required')}
          </div>
        ) : null}
        {f.reopen.isError ? <ErrorState error={f.reopen.error} /> : null}
        <Button htmlType="submit" loading={f.reopen.isPending}>
          {t('reopen.submit')}
        </Button>
      </form>
    </Card>
  );
}
