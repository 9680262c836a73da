/** Admin — users. (Skeleton: the section is being built.) */
import { Typography } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';

export function AdminUsersPage() {
  const { t } = useI18n();
  return <Typography.Title level={2}>{t('admin.nav.users')}</Typography.Title>;
}
