/**
 * While survey points are not imported (docs/readiness.md, rule 15): the self-assessed part rescaled to 100
 * beside the full formula with survey counted 0, each labelled, and why there are two. Figures come from the
 * API only; once every survey item is imported nothing is shown here and the headline's index is the full one.
 */
import { Col, Row, Tag, Typography } from 'antd';
import type { Readiness } from '../../api/types.ts';
import { Figure } from '../../common/ReadinessSummary.tsx';
import { formatNumber, formatPercent } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function SurveyPendingIndex({ readiness: r }: { readiness: Readiness }) {
  const { t, lang } = useI18n();
  if (!r.surveyPending) return null;
  const n = (v: number) => formatNumber(v, lang);
  const max = n(r.maxPoints);
  const total = n(r.maxPoints + r.surveyMaxPoints);
  const survey = n(r.surveyMaxPoints);
  const band = (b?: string) => (b ? <Tag color="blue">{t('readiness.band', { band: b })}</Tag> : null);
  return (
    <div data-testid="dashboard-index">
      <Typography.Title level={3} className="mc-section-title">
        {t('dashboard.index.title')}
      </Typography.Title>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <Figure
            testId="dashboard-index-self"
            label={t('dashboard.index.self')}
            value={formatPercent(r.selfAssessedIndexPercent, lang)}
            percent={r.selfAssessedIndexPercent}
            detail={t('dashboard.index.selfDetail', { max })}
            extra={band(r.selfAssessedBand)}
          />
        </Col>
        <Col xs={24} md={12}>
          <Figure
            testId="dashboard-index-full"
            label={t('dashboard.index.full')}
            value={formatPercent(r.projectedIndexPercent, lang)}
            percent={r.projectedIndexPercent}
            detail={t('dashboard.index.fullDetail', { total, survey })}
            extra={band(r.band)}
          />
        </Col>
      </Row>
      <Typography.Paragraph className="mc-muted" data-testid="dashboard-index-explain">
        {t('dashboard.index.explain', {
          survey,
          pending: n(r.surveyPendingCount),
          items: n(r.survey.length),
          max,
          total,
        })}
      </Typography.Paragraph>
    </div>
  );
}
