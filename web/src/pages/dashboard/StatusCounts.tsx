/** The headline's status card: criteria by preparation status, then by review state. */
import { Card, Space, Tag } from 'antd';
import type { CriterionReadiness } from '../../api/types.ts';
import { CRITERION_STATUSES, STATUS_COLOR } from '../../common/labels.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { REVIEW_ORDER, statusCounts } from './status-counts.ts';

export function StatusCounts({ criteria }: { criteria: readonly CriterionReadiness[] }) {
  const { t, lang } = useI18n();
  const n = (v: number) => formatNumber(v, lang);
  const { prep, review } = statusCounts(criteria);
  return (
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
  );
}
