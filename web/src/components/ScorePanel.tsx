/**
 * The criterion's score as the unit works on it: review state, the reviewer's appraisal when there is one, and
 * (for members and leaders, while the state allows it) the self-score form. The explanation rule is the
 * server's: required while coverage < 1. A 409 (stale version or locked) reloads the current value.
 * Computed criteria take a numerator and a denominator (each may cite an evidence of the criterion) instead
 * of a score; the points, percent and rule shown are the server's answer, never recomputed here.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Input, InputNumber, Tag } from 'antd';
import { useEffect, useId, useState } from 'react';
import { ApiError, type CriterionRef } from '../api/client.ts';
import type { CriterionReadiness, FrameworkNode, ReviewState } from '../api/types.ts';
import { useServices, useSession } from '../app/context.tsx';
import { queryKeys } from '../app/queries.ts';
import { formatIsoDate, formatNumber, formatPercent } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ComputedInputs, ComputedResult, type InputsValue } from './evidence/ComputedInputs.tsx';
import { GuideLevelPicker } from './GuideLevelPicker.tsx';
import { ErrorState, Loading } from './states.tsx';

export const STATE_TAG_COLOR: Record<ReviewState, string> = {
  draft: 'default',
  submitted: 'blue',
  in_review: 'processing',
  accepted: 'green',
  changes_requested: 'orange',
  resubmitted: 'cyan',
};

export function ReviewStateTag({ state }: { state: ReviewState | undefined }) {
  const { t } = useI18n();
  const s = state ?? 'draft';
  return (
    <Tag color={STATE_TAG_COLOR[s]} data-testid="review-state" data-state={s}>
      {t(`review.state.${s}`)}
    </Tag>
  );
}

const EDITABLE: ReviewState[] = ['draft', 'changes_requested'];

export function ScorePanel({
  criterionRef,
  criterion,
  node,
}: {
  criterionRef: CriterionRef;
  criterion: CriterionReadiness;
  node: FrameworkNode | undefined;
}) {
  const { t, lang } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const role = useSession()?.user.role;
  const queryClient = useQueryClient();
  const { cycleId, entityId, criterionCode } = criterionRef;
  const scoreKey = queryKeys.score(cycleId, entityId, criterionCode);
  const score = useQuery({
    queryKey: scoreKey,
    queryFn: () => api.call('getCriterionScore', { params: { ...criterionRef } }),
  });
  const current = score.data?.score ?? null;
  const [points, setPoints] = useState<number | null>(null);
  const [explanation, setExplanation] = useState('');
  const [formError, setFormError] = useState<string>();
  const [conflict, setConflict] = useState(false);
  const [inputs, setInputs] = useState<InputsValue>({ numerator: null, denominator: null });
  const pointsId = useId();
  const explanationId = useId();
  const ruleId = useId();

  // The form starts from the stored value (and starts again from it after a conflict reload).
  const loadedVersion = current?.version ?? 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the stored version changes
  useEffect(() => {
    setPoints(current?.selfScore ?? null);
    setExplanation(current?.explanation ?? '');
    setInputs({
      numerator: current?.computed?.numerator.value ?? null,
      denominator: current?.computed?.denominator.value ?? null,
      numeratorEvidenceId: current?.computed?.numerator.evidenceId,
      denominatorEvidenceId: current?.computed?.denominator.evidenceId,
    });
  }, [loadedVersion]);

  const explanationRequired = criterion.coverage < 1;
  const isComputed = node?.method === 'computed';
  const save = useMutation({
    mutationFn: () =>
      api.call('setSelfScore', {
        params: { ...criterionRef },
        body: {
          version: current?.version,
          ...(isComputed
            ? {
                inputs: {
                  numerator: {
                    value: inputs.numerator ?? 0,
                    ...(inputs.numeratorEvidenceId ? { evidenceId: inputs.numeratorEvidenceId } : {}),
                  },
                  denominator: {
                    value: inputs.denominator ?? 0,
                    ...(inputs.denominatorEvidenceId ? { evidenceId: inputs.denominatorEvidenceId } : {}),
                  },
                },
              }
            : { selfScore: points ?? undefined }),
          explanation: explanation.trim() ? explanation.trim() : current?.explanation ? null : undefined,
        },
      }),
    onSuccess: (s) => {
      setConflict(false);
      queryClient.setQueryData(scoreKey, (old: typeof score.data) => (old ? { ...old, score: s } : old));
      void queryClient.invalidateQueries({ queryKey: queryKeys.readiness(cycleId, entityId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit(cycleId, entityId, criterionCode) });
      void message.success(t('score.saved'));
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) {
        setConflict(true);
        void score.refetch();
      }
    },
  });

  if (score.isPending) return <Loading rows={3} />;
  if (score.isError) return <ErrorState error={score.error} onRetry={() => void score.refetch()} />;

  const state = current?.state ?? 'draft';
  const method = node?.method;
  const canWrite = role === 'member' || role === 'leader';
  const editable = canWrite && EDITABLE.includes(state) && !score.data.locked && method !== 'survey';
  const guide = node?.guide ?? [];
  const min = node?.minPoints ?? 0;

  const onSave = () => {
    setFormError(undefined);
    if (isComputed) {
      if (inputs.numerator === null || inputs.denominator === null)
        return setFormError(t('ev.computed.required'));
    } else if (points === null) return setFormError(t('score.scoreRequired'));
    if (explanationRequired && !explanation.trim()) return setFormError(t('score.explanationRequired'));
    save.mutate();
  };

  return (
    <Card size="small" title={t('score.title')} className="mc-section" data-testid="score-panel">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          { key: 'state', label: t('score.state'), children: <ReviewStateTag state={state} /> },
          {
            key: 'self',
            label: t('score.self'),
            children: (
              <span data-testid="self-score">
                {current?.selfScore === undefined
                  ? t('score.none')
                  : `${formatNumber(current.selfScore, lang)}/${formatNumber(criterion.maxPoints, lang)}`}
              </span>
            ),
          },
          ...(current?.appraisedScore !== undefined
            ? [
                {
                  key: 'appraised',
                  label: t('score.appraised'),
                  children: (
                    <span data-testid="appraised-score">
                      {formatNumber(current.appraisedScore, lang)}/{formatNumber(criterion.maxPoints, lang)}
                    </span>
                  ),
                },
              ]
            : []),
          {
            key: 'deadline',
            label: t('score.deadlineLabel'),
            children: formatIsoDate(score.data.deadline),
          },
        ]}
      />
      {current?.reviewerComment ? (
        <Alert
          className="mc-section"
          type={state === 'changes_requested' ? 'warning' : 'info'}
          showIcon
          title={t('score.reviewerComment')}
          description={<span className="mc-wrap">{current.reviewerComment}</span>}
          data-testid="reviewer-comment"
        />
      ) : null}
      {method === 'computed' && current?.computed ? (
        <ComputedResult
          computed={current.computed}
          selfScore={current.selfScore}
          maxPoints={criterion.maxPoints}
          guide={guide}
          criterionRef={criterionRef}
        />
      ) : null}
      {conflict ? (
        <Alert className="mc-section" type="warning" showIcon role="alert" title={t('score.conflict')} />
      ) : null}

      {!canWrite ? (
        <p className="mc-muted">{t('score.noWrite')}</p>
      ) : method === 'survey' ? (
        <p className="mc-muted">{t('score.survey')}</p>
      ) : score.data.locked ? (
        <Alert
          type="info"
          showIcon
          title={t('score.locked', { deadline: formatIsoDate(score.data.deadline) })}
        />
      ) : !editable ? (
        <p className="mc-muted" data-testid="score-readonly">
          {t('score.readOnly', { state: t(`review.state.${state}`) })}
        </p>
      ) : (
        <form
          className="mc-score-form"
          onSubmit={(e) => {
            e.preventDefault();
            onSave();
          }}
        >
          {isComputed ? (
            <ComputedInputs
              criterionRef={criterionRef}
              title={node?.title}
              value={inputs}
              onChange={setInputs}
              issues={save.error instanceof ApiError ? save.error.issues : []}
            />
          ) : guide.length ? (
            <GuideLevelPicker guide={guide} value={points} onChange={setPoints} />
          ) : (
            <div className="mc-field">
              <label htmlFor={pointsId}>
                {t('score.points', { max: formatNumber(criterion.maxPoints, lang) })}
              </label>
              <InputNumber
                id={pointsId}
                min={min}
                max={criterion.maxPoints}
                step={0.25}
                value={points}
                onChange={(v) => setPoints(typeof v === 'number' ? v : null)}
                decimalSeparator={lang === 'vi' ? ',' : '.'}
              />
            </div>
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
              value={explanation}
              onChange={(e) => setExplanation(e.target.value)}
            />
          </div>
          {formError ? (
            <div className="mc-error-text" role="alert">
              {formError}
            </div>
          ) : null}
          {save.isError && !conflict ? <ErrorState error={save.error} /> : null}
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('score.save')}
          </Button>
        </form>
      )}
    </Card>
  );
}
