/** The reviewer's appraisal card: take into review, the score (guide levels or a number), the comment, the decision. */
import { Button, Card, Input, InputNumber, Space } from 'antd';
import { useId } from 'react';
import type { CriterionRef } from '../../api/client.ts';
import type { ReviewState } from '../../api/types.ts';
import type { CriterionInfo } from '../../app/reference.ts';
import { GuideLevelPicker } from '../../common/score/GuideLevelPicker.tsx';
import { ErrorState } from '../../common/states.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type CurrentScore, startingPoints, useAppraisal } from './useAppraisal.ts';

const APPRAISABLE: ReviewState[] = ['submitted', 'in_review', 'resubmitted', 'accepted'];

type Guide = NonNullable<CriterionInfo['node']['guide']>;

function PointsField(props: {
  guide: Guide;
  max: number;
  value: number | null;
  onChange: (v: number | null) => void;
}) {
  const { t, lang } = useI18n();
  const pointsId = useId();
  if (props.guide.length)
    return <GuideLevelPicker guide={props.guide} value={props.value} onChange={props.onChange} />;
  return (
    <div className="mc-field">
      <label htmlFor={pointsId}>
        {t('reviewPage.appraisedScore')} (0 – {formatNumber(props.max, lang)})
      </label>
      <InputNumber
        id={pointsId}
        min={0}
        max={props.max}
        step={0.25}
        value={props.value}
        onChange={(v) => props.onChange(typeof v === 'number' ? v : null)}
        decimalSeparator={lang === 'vi' ? ',' : '.'}
      />
    </div>
  );
}

export function AppraisalCard(props: {
  criterionRef: CriterionRef;
  current: CurrentScore | null;
  max: number;
  guide: Guide;
}) {
  const { t } = useI18n();
  const commentId = useId();
  const { current } = props;
  const a = useAppraisal(props.criterionRef, current);
  const state = current?.state ?? 'draft';
  return (
    <Card size="small" title={t('reviewPage.appraisedScore')} className="mc-section" data-testid="appraisal">
      {!current || !APPRAISABLE.includes(state) ? (
        <p className="mc-muted">{t('reviewPage.notReviewable', { state: t(`review.state.${state}`) })}</p>
      ) : (
        <form className="mc-score-form" onSubmit={(e) => e.preventDefault()}>
          {state === 'submitted' || state === 'resubmitted' ? (
            <Button onClick={() => a.start.mutate()} loading={a.start.isPending}>
              {t('reviewPage.start')}
            </Button>
          ) : null}
          <PointsField
            guide={props.guide}
            max={props.max}
            value={startingPoints(current, a.points)}
            onChange={a.setPoints}
          />
          <div className="mc-field">
            <label htmlFor={commentId}>{t('reviewPage.comment')}</label>
            <Input.TextArea
              id={commentId}
              rows={3}
              maxLength={4000}
              value={a.comment}
              onChange={(e) => a.setComment(e.target.value)}
            />
          </div>
          {a.formError ? (
            <div className="mc-error-text" role="alert">
              {a.formError}
            </div>
          ) : null}
          {a.appraise.isError ? <ErrorState error={a.appraise.error} /> : null}
          {a.start.isError ? <ErrorState error={a.start.error} /> : null}
          <Space wrap>
            <Button type="primary" onClick={() => a.decide('accept')} loading={a.appraise.isPending}>
              {t('reviewPage.accept')}
            </Button>
            <Button danger onClick={() => a.decide('request_changes')} loading={a.appraise.isPending}>
              {t('reviewPage.requestChanges')}
            </Button>
          </Space>
        </form>
      )}
    </Card>
  );
}
