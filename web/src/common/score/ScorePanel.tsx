/**
 * The criterion's score as the unit works on it: review state, the reviewer's appraisal when there is one, and
 * (for members and leaders, while the state allows it) the self-score form. The explanation rule is the
 * server's: required while coverage < 1. A 409 (stale version or locked) reloads the current value.
 * Computed criteria take a numerator and a denominator (each may cite an evidence of the criterion) instead
 * of a score; the points, percent and rule shown are the server's answer, never recomputed here.
 */
import { Alert, Card, Descriptions, Tag } from 'antd';
import type { CriterionRef } from '../../api/client.ts';
import type { CriterionReadiness, FrameworkNode, ReviewState } from '../../api/types.ts';
import { useSession } from '../../app/context.tsx';
import { formatIsoDate, formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ComputedResult } from '../evidence/ComputedInputs.tsx';
import { ErrorState, Loading } from '../states.tsx';
import { SelfScoreForm } from './SelfScoreForm.tsx';
import { type SelfScore, useSelfScore } from './useSelfScore.ts';

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

type Loaded = NonNullable<SelfScore['score']['data']>;

/** State, self and appraised scores, the deadline; the reviewer's comment; a computed criterion's result. */
function ScoreSummary(props: {
  data: Loaded;
  criterion: CriterionReadiness;
  node: FrameworkNode | undefined;
  criterionRef: CriterionRef;
}) {
  const { t, lang } = useI18n();
  const { data, criterion } = props;
  const current = data.score ?? null;
  const state = current?.state ?? 'draft';
  const max = formatNumber(criterion.maxPoints, lang);
  return (
    <>
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
                  : `${formatNumber(current.selfScore, lang)}/${max}`}
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
                      {formatNumber(current.appraisedScore, lang)}/{max}
                    </span>
                  ),
                },
              ]
            : []),
          { key: 'deadline', label: t('score.deadlineLabel'), children: formatIsoDate(data.deadline) },
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
      {props.node?.method === 'computed' && current?.computed ? (
        <ComputedResult
          computed={current.computed}
          selfScore={current.selfScore}
          maxPoints={criterion.maxPoints}
          guide={props.node?.guide ?? []}
          criterionRef={props.criterionRef}
        />
      ) : null}
    </>
  );
}

export function ScorePanel({
  criterionRef,
  criterion,
  node,
}: {
  criterionRef: CriterionRef;
  criterion: CriterionReadiness;
  node: FrameworkNode | undefined;
}) {
  const { t } = useI18n();
  const role = useSession()?.user.role;
  const f = useSelfScore(criterionRef, node?.method === 'computed', criterion.coverage < 1);
  const { score, current } = f;

  if (score.isPending) return <Loading rows={3} />;
  if (score.isError) return <ErrorState error={score.error} onRetry={() => void score.refetch()} />;

  const state = current?.state ?? 'draft';
  const method = node?.method;
  const canWrite = role === 'member' || role === 'leader';
  const editable = canWrite && EDITABLE.includes(state) && !score.data.locked && method !== 'survey';

  return (
    <Card size="small" title={t('score.title')} className="mc-section" data-testid="score-panel">
      <ScoreSummary data={score.data} criterion={criterion} node={node} criterionRef={criterionRef} />
      {f.conflict ? (
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
        <SelfScoreForm f={f} criterionRef={criterionRef} criterion={criterion} node={node} />
      )}
    </Card>
  );
}
