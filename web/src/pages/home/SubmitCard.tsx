/**
 * "Nộp tự đánh giá" for a leader: the criteria of their unit still with the unit (draft or changes requested),
 * those ready ticked, those not ready named. The server checks again and names each incomplete criterion;
 * nothing is written unless all pass.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Space } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import type { CriterionReadiness } from '../../api/types.ts';
import { useServices } from '../../app/context.tsx';
import { queryKeys } from '../../app/queries.ts';
import { ErrorState } from '../../common/states.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

const WITH_UNIT = new Set([undefined, 'draft', 'changes_requested']);

export function SubmitCard({
  cycleId,
  entityId,
  unit,
  criteria,
}: {
  cycleId: string;
  entityId: string;
  unit: { unitId: string; name?: string };
  criteria: CriterionReadiness[];
}) {
  const { t, pick } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const pending = useMemo(
    () => criteria.filter((c) => c.unitIds.includes(unit.unitId) && WITH_UNIT.has(c.state)),
    [criteria, unit.unitId],
  );
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const chosen = pending.filter((c) => c.ready && !unticked.has(c.code)).map((c) => c.code);
  const notReady = pending.filter((c) => !c.ready).map((c) => c.code);

  const submit = useMutation({
    mutationFn: () =>
      api.call('submitSelfAssessment', {
        params: { cycleId, entityId },
        body: { unitId: unit.unitId, criterionCodes: chosen },
      }),
    onSuccess: (r) => {
      void message.success(t('submit.done', { count: r.submitted.length }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.readiness(cycleId, entityId) });
      void queryClient.invalidateQueries({ queryKey: ['score', cycleId, entityId] });
      void queryClient.invalidateQueries({ queryKey: ['audit', cycleId, entityId] });
    },
  });

  const unitName = unit.name ?? unit.unitId;
  return (
    <Card size="small" title={t('submit.title')} className="mc-section" data-testid="submit-card">
      {pending.length === 0 ? (
        <p className="mc-muted">{t('submit.nothing')}</p>
      ) : (
        <>
          <p>{t('submit.intro', { unit: unitName, count: chosen.length })}</p>
          <Space wrap>
            {pending
              .filter((c) => c.ready)
              .map((c) => (
                <Checkbox
                  key={c.code}
                  checked={!unticked.has(c.code)}
                  onChange={(e) =>
                    setUnticked((s) => {
                      const next = new Set(s);
                      if (e.target.checked) next.delete(c.code);
                      else next.add(c.code);
                      return next;
                    })
                  }
                >
                  {t('criteria.codeLabel', { code: c.code })}
                </Checkbox>
              ))}
          </Space>
          {notReady.length ? (
            <p className="mc-muted" data-testid="submit-not-ready">
              {t('submit.incomplete', { codes: notReady.join(', ') })}
            </p>
          ) : null}
          {submit.isError ? (
            submit.error instanceof ApiError && submit.error.issues.length ? (
              <Alert
                type="error"
                showIcon
                role="alert"
                title={t('submit.failed')}
                description={
                  <ul>
                    {submit.error.issues.map((i) => (
                      <li key={i.field}>{pick(i.message)}</li>
                    ))}
                  </ul>
                }
              />
            ) : (
              <ErrorState error={submit.error} />
            )
          ) : null}
          <Button
            type="primary"
            className="mc-section"
            disabled={chosen.length === 0}
            loading={submit.isPending}
            onClick={() => submit.mutate()}
          >
            {t('submit.button')}
          </Button>
        </>
      )}
    </Card>
  );
}
