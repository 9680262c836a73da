/** The self-score form: a computed criterion's inputs, the guide's levels, or a number; the explanation and its rule. */
import { Button, Input, InputNumber } from 'antd';
import { useId } from 'react';
import { ApiError, type CriterionRef } from '../../api/client.ts';
import type { CriterionReadiness, FrameworkNode } from '../../api/types.ts';
import { formatNumber, formatPercent } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ComputedInputs } from '../evidence/ComputedInputs.tsx';
import { ErrorState } from '../states.tsx';
import { GuideLevelPicker } from './GuideLevelPicker.tsx';
import type { SelfScore } from './useSelfScore.ts';

function ScoreField({
  f,
  node,
  maxPoints,
}: {
  f: SelfScore;
  node: FrameworkNode | undefined;
  maxPoints: number;
}) {
  const { t, lang } = useI18n();
  const pointsId = useId();
  const guide = node?.guide ?? [];
  if (guide.length) return <GuideLevelPicker guide={guide} value={f.points} onChange={f.setPoints} />;
  return (
    <div className="mc-field">
      <label htmlFor={pointsId}>{t('score.points', { max: formatNumber(maxPoints, lang) })}</label>
      <InputNumber
        id={pointsId}
        min={node?.minPoints ?? 0}
        max={maxPoints}
        step={0.25}
        value={f.points}
        onChange={(v) => f.setPoints(typeof v === 'number' ? v : null)}
        decimalSeparator={lang === 'vi' ? ',' : '.'}
      />
    </div>
  );
}

export function SelfScoreForm(props: {
  f: SelfScore;
  criterionRef: CriterionRef;
  criterion: CriterionReadiness;
  node: FrameworkNode | undefined;
}) {
  const { t, lang } = useI18n();
  const explanationId = useId();
  const ruleId = useId();
  const { f, criterion, node } = props;
  const explanationRequired = criterion.coverage < 1;
  return (
    <form
      className="mc-score-form"
      onSubmit={(e) => {
        e.preventDefault();
        f.onSave();
      }}
    >
      {node?.method === 'computed' ? (
        <ComputedInputs
          criterionRef={props.criterionRef}
          title={node?.title}
          value={f.inputs}
          onChange={f.setInputs}
          issues={f.save.error instanceof ApiError ? f.save.error.issues : []}
        />
      ) : (
        <ScoreField f={f} node={node} maxPoints={criterion.maxPoints} />
      )}
      <div className="mc-field">
        <label htmlFor={explanationId}>
          {t('score.explanation')}
          {explanationRequired ? <span className="mc-error-text"> *</span> : null}
        </label>
        <div id={ruleId} className="mc-muted" data-testid="explanation-rule">
          {explanationRequired
            ? t('score.explanationRule', { coverage: formatPercent(criterion.coverage * 100, lang) })
            : t('score.explanationOptional')}
        </div>
        <Input.TextArea
          id={explanationId}
          aria-describedby={ruleId}
          aria-required={explanationRequired}
          rows={3}
          maxLength={4000}
          value={f.explanation}
          onChange={(e) => f.setExplanation(e.target.value)}
        />
      </div>
      {f.formError ? (
        <div className="mc-error-text" role="alert">
          {f.formError}
        </div>
      ) : null}
      {f.save.isError && !f.conflict ? <ErrorState error={f.save.error} /> : null}
      <Button type="primary" htmlType="submit" loading={f.save.isPending}>
        {t('score.save')}
      </Button>
    </form>
  );
}
