/**
 * "Nộp tự đánh giá" for a leader: the criteria of their unit still with the unit (draft or changes requested),
 * those ready ticked, those not ready named. The server checks again and names each incomplete criterion;
 * nothing is written unless all pass.
 */
import { Alert, Button, Card, Checkbox, Space } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import type { CriterionReadiness } from '../../api/types.ts';
import { ErrorState } from '../../common/states.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { pendingForUnit, submitChoice, withTick } from './submit-model.ts';
import { useSubmitSelfAssessment } from './useSubmitSelfAssessment.ts';

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
  const { t } = useI18n();
  const pending = useMemo(() => pendingForUnit(criteria, unit.unitId), [criteria, unit.unitId]);
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const { chosen, notReady } = submitChoice(pending, unticked);
  const submit = useSubmitSelfAssessment(cycleId, entityId);

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
                  onChange={(e) => setUnticked((s) => withTick(s, c.code, e.target.checked))}
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
          {submit.isError ? <SubmitRefusal error={submit.error} /> : null}
          <Button
            type="primary"
            className="mc-section"
            disabled={chosen.length === 0}
            loading={submit.isPending}
            onClick={() => submit.mutate({ unitId: unit.unitId, criterionCodes: chosen })}
          >
            {t('submit.button')}
          </Button>
        </>
      )}
    </Card>
  );
}

/** The server's refusal: each incomplete criterion it named, or the error itself. */
function SubmitRefusal({ error }: { error: Error }) {
  const { t, pick } = useI18n();
  if (!(error instanceof ApiError && error.issues.length)) return <ErrorState error={error} />;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('submit.failed')}
      description={
        <ul>
          {error.issues.map((i) => (
            <li key={i.field}>{pick(i.message)}</li>
          ))}
        </ul>
      }
    />
  );
}
