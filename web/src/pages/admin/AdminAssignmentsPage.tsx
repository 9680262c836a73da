/** Admin — assignments. (Skeleton: the section is being built.) */
import { Typography } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';

export function AdminAssignmentsPage() {
  const { t } = useI18n();
  return <Typography.Title level={2}>{t('admin.nav.assignments')}</Typography.Title>;
}
