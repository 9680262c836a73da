/** The dashboard's key figures: readiness, projected points against the maximum, days to the deadline, status counts. */
import { Card, Col, Row, Space, Tag, Typography } from 'antd';
import type { Readiness } from '../../api/types.ts';
import type { DeadlineInfo } from '../../common/deadline.ts';
import { CRITERION_STATUSES, criterionStatus, STATUS_COLOR } from '../../common/labels.ts';
import { Figure, HowComputed } from '../../common/ReadinessSummary.tsx';
import { formatIsoDate, formatNumber, formatPercent } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const REVIEW_ORDER = [
  'draft',
  'submitted',
  'in_review',
  'changes_requested',
  'resubmitted',
  'accepted',
] as const;

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
  rank?: { rank: number; total: number };
}) {
  const { t, lang } = useI18n();
  const n = (v: number) => formatNumber(v, lang);
  const date = formatIsoDate(deadline.deadline);
  const deadlineValue = deadline.past
    ? t('dashboard.fig.overdue', { n: n(deadline.workingDays) })
    : deadline.calendarDays === 0
      ? t('dashboard.fig.today')
      : t('dashboard.fig.daysLeft', { n: n(deadline.workingDays) });
  const deadlineDetail = [
    deadline.past
      ? t('dashboard.fig.overdueDetail', { date, days: n(-deadline.calendarDays) })
      : t('dashboard.fig.daysLeftDetail', { date, days: n(deadline.calendarDays) }),
    ...(deadline.deadline !== cycleDeadline
      ? [t('dashboard.fig.reopened', { date: formatIsoDate(cycleDeadline) })]
      : []),
  ].join(' · ');

  const prep = new Map<string, number>();
  const review = new Map<string, number>();
  for (const c of r.criteria) {
    const s = criterionStatus(c);
    prep.set(s, (prep.get(s) ?? 0) + 1);
    const state = c.state ?? 'none';
    review.set(state, (review.get(state) ?? 0) + 1);
  }

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
        </Col>
        <Col xs={12} xl={6} className="mc-dash-deadline">
          <Figure
            testId="dashboard-deadline"
            label={t('dashboard.fig.deadline')}
            value={deadlineValue}
            detail={deadlineDetail}
          />
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
      <Card size="small" className="mc-dash-status" data-testid="dashboard-status">
        <div className="mc-figure-label">{t('dashboard.status')}</div>
        <div className="mc-dash-status-row">
          <span className="mc-muted">{t('dashboard.status.prep')}:</span>
          <Space size={[4, 4]} wrap>
            {CRITERION_STATUSES.map((s) => (
              <Tag key={s} color={STATUS_COLOR[s]} data-testid={`dashboard-status-${s}`}>
                {t(`status.${s}`)}: <strong>{n(prep.get(s) ?? 0)}</strong>
              </Tag>
            ))}
          </Space>
        </div>
        <div className="mc-dash-status-row">
          <span className="mc-muted">{t('dashboard.status.review')}:</span>
          <Space size={[4, 4]} wrap>
            {review.has('none') ? (
              <Tag>
                {t('dashboard.status.noState')}: <strong>{n(review.get('none') ?? 0)}</strong>
              </Tag>
            ) : null}
            {REVIEW_ORDER.filter((s) => review.has(s)).map((s) => (
              <Tag key={s}>
                {t(`review.state.${s}`)}: <strong>{n(review.get(s) ?? 0)}</strong>
              </Tag>
            ))}
          </Space>
        </div>
      </Card>
      <HowComputed readiness={r} />
    </section>
  );
}
