/**
 * The dashboard's key figures: readiness, projected points against the maximum, days to the deadline, status
 * counts; while survey points are pending, the self-assessed index beside the full one.
 */
import { Col, Row, Tag, Typography } from 'antd';
import type { Readiness } from '../../api/types.ts';
import type { DeadlineInfo } from '../../common/deadline.ts';
import { Figure, HowComputed } from '../../common/ReadinessSummary.tsx';
import { formatIsoDate, formatNumber, formatPercent } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { StatusCounts } from './StatusCounts.tsx';
import { SurveyPendingIndex } from './SurveyPendingIndex.tsx';

type Rank = { rank: number; total: number };

export function Headline({
  readiness: r,
  deadline,
  cycleDeadline,
  rank,
}: {
  readiness: Readiness;
  /** The entity's effective deadline (the cycle's, or later when reopened). */
  deadline: DeadlineInfo;
  cycleDeadline: string;
  rank?: Rank;
}) {
  const { t, lang } = useI18n();
  const n = (v: number) => formatNumber(v, lang);
  return (
    <section aria-labelledby="dashboard-headline" className="mc-section">
      <Typography.Title level={2} id="dashboard-headline" className="mc-section-title">
        {t('dashboard.headline')}
      </Typography.Title>
      <Row gutter={[12, 12]}>
        <Col xs={12} xl={6}>
          <Figure
            testId="dashboard-readiness"
            label={t('dashboard.fig.readiness')}
            value={formatPercent(r.completenessPercent, lang)}
            percent={r.completenessPercent}
            detail={t('readiness.completenessDetail', {
              done: n(r.completeCount),
              total: n(r.criteriaCount),
            })}
          />
        </Col>
        <Col xs={12} xl={6}>
          <PointsFigure readiness={r} rank={rank} />
        </Col>
        <Col xs={12} xl={6} className="mc-dash-deadline">
          <DeadlineFigure deadline={deadline} cycleDeadline={cycleDeadline} />
        </Col>
        <Col xs={12} xl={6}>
          <Figure
            testId="dashboard-at-risk"
            label={t('readiness.atRisk')}
            value={n(r.atRiskPoints)}
            detail={t('readiness.atRiskDetail')}
          />
        </Col>
      </Row>
      <SurveyPendingIndex readiness={r} />
      <StatusCounts criteria={r.criteria} />
      <HowComputed readiness={r} />
    </section>
  );
}

/** Projected points against the maximum, with the band and the cycle-wide rank when there are others. */
function PointsFigure({ readiness: r, rank }: { readiness: Readiness; rank?: Rank }) {
  const { t, lang } = useI18n();
  const n = (v: number) => formatNumber(v, lang);
  return (
    <Figure
      testId="dashboard-points"
      label={t('dashboard.fig.points')}
      value={`${n(r.projectedPoints)} / ${n(r.maxPoints + r.surveyMaxPoints)}`}
      percent={r.projectedIndexPercent}
      detail={t('dashboard.fig.pointsDetail', {
        percent: formatPercent(r.projectedIndexPercent, lang),
      })}
      extra={
        <>
          {r.band ? <Tag color="blue">{t('readiness.band', { band: r.band })}</Tag> : null}
          {rank && rank.total > 1 ? (
            <Tag data-testid="dashboard-rank">
              {t('dashboard.fig.rank', { rank: n(rank.rank), total: n(rank.total) })}
            </Tag>
          ) : null}
        </>
      }
    />
  );
}

/** Working days left (or overdue), the date and calendar days, and the cycle's date when reopened beyond it. */
function DeadlineFigure({ deadline, cycleDeadline }: { deadline: DeadlineInfo; cycleDeadline: string }) {
  const { t, lang } = useI18n();
  const n = (v: number) => formatNumber(v, lang);
  const date = formatIsoDate(deadline.deadline);
  const value = deadline.past
    ? t('dashboard.fig.overdue', { n: n(deadline.workingDays) })
    : deadline.calendarDays === 0
      ? t('dashboard.fig.today')
      : t('dashboard.fig.daysLeft', { n: n(deadline.workingDays) });
  const detail = [
    deadline.past
      ? t('dashboard.fig.overdueDetail', { date, days: n(-deadline.calendarDays) })
      : t('dashboard.fig.daysLeftDetail', { date, days: n(deadline.calendarDays) }),
    ...(deadline.deadline !== cycleDeadline
      ? [t('dashboard.fig.reopened', { date: formatIsoDate(cycleDeadline) })]
      : []),
  ].join(' · ');
  return (
    <Figure testId="dashboard-deadline" label={t('dashboard.fig.deadline')} value={value} detail={detail} />
  );
}
