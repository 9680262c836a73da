/** Dashboards for leaders, reviewers and admins. (Skeleton: being built.) */
import { Typography } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';

export function DashboardPage() {
  const { t } = useI18n();
  return <Typography.Title level={2}>{t('dashboard.title')}</Typography.Title>;
}
