/** The unit's self score (state, coverage, explanation) next to the appraised score, and the computed result. */
import { Card, Col, Row } from 'antd';
import type { CriterionRef } from '../../api/client.ts';
import type { CriterionReadiness } from '../../api/types.ts';
import type { CriterionInfo } from '../../app/reference.ts';
import { ComputedResult } from '../../common/evidence/ComputedInputs.tsx';
import { ReviewStateTag } from '../../common/score/ScorePanel.tsx';
import { formatNumber, formatPercent } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { CurrentScore } from './useAppraisal.ts';

type Guide = NonNullable<CriterionInfo['node']['guide']>;

export function ScoreCards(props: {
  current: CurrentScore | null;
  criterion: CriterionReadiness | undefined;
  max: number;
  guide: Guide;
  criterionRef: CriterionRef;
}) {
  const { t, lang } = useI18n();
  const { current, criterion, max } = props;
  return (
    <>
      <Row gutter={[12, 12]} className="mc-section">
        <Col xs={24} md={12}>
          <Card size="small" title={t('score.self')} className="mc-fill" data-testid="review-self">
            <div className="mc-figure-value">
              {current?.selfScore === undefined
                ? t('score.none')
                : `${formatNumber(current.selfScore, lang)}/${formatNumber(max, lang)}`}
            </div>
            <ReviewStateTag state={current?.state ?? 'draft'} />
            {criterion ? (
              <div className="mc-muted">
                {t('criterion.coverage')}: {formatPercent(criterion.coverage * 100, lang)}
              </div>
            ) : null}
            {current?.explanation ? (
              <>
                <div className="mc-figure-label">{t('reviewPage.explanation')}</div>
                <div className="mc-wrap" data-testid="review-explanation">
                  {current.explanation}
                </div>
              </>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('score.appraised')} className="mc-fill" data-testid="review-appraised">
            <div className="mc-figure-value">
              {current?.appraisedScore === undefined
                ? '—'
                : `${formatNumber(current.appraisedScore, lang)}/${formatNumber(max, lang)}`}
            </div>
            {current?.reviewerComment ? <div className="mc-wrap">{current.reviewerComment}</div> : null}
          </Card>
        </Col>
      </Row>
      {current?.computed ? (
        <section aria-label={t('evr.computedTitle')} data-testid="review-computed">
          <ComputedResult
            computed={current.computed}
            selfScore={current.selfScore}
            maxPoints={max}
            guide={props.guide}
            criterionRef={props.criterionRef}
          />
        </section>
      ) : null}
    </>
  );
}
