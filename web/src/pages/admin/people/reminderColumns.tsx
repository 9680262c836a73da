/** The reminder preview table's columns: recipient (and, on a phone, the kind tags), kind, subject, reason, stored. */
import { Grid, type TableColumnsType, Tag } from 'antd';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Delivery } from './data.ts';

/** What kind of reminder, and whether it is a copy or goes to a webhook. */
function KindTags({ d }: { d: Delivery }) {
  const { t } = useI18n();
  return (
    <>
      <Tag>{t(`people.kind.${d.kind}`)}</Tag>
      {d.role === 'cc' ? <Tag color="orange">{t('people.rem.cc')}</Tag> : null}
      {d.channel === 'webhook' ? <Tag color="blue">{t('people.rem.webhook')}</Tag> : null}
    </>
  );
}

export function useReminderColumns(
  unitName: (entityId?: string, unitId?: string) => string,
): TableColumnsType<Delivery> {
  const { t, pick } = useI18n();
  const wide = Grid.useBreakpoint().sm ?? true;
  return [
    {
      key: 'to',
      title: t('people.rem.recipient'),
      width: wide ? 220 : undefined,
      render: (_, d) => (
        <div className="mc-wrap">
          <strong>{d.recipient?.name ?? d.audience}</strong>
          {d.recipient ? <div className="mc-muted">{d.recipient.email}</div> : null}
          {d.unitId ? <div className="mc-muted">{unitName(d.entityId, d.unitId)}</div> : null}
          {wide ? null : <KindTags d={d} />}
        </div>
      ),
    },
    {
      key: 'kind',
      title: t('people.rem.kind'),
      width: 150,
      responsive: ['sm'],
      render: (_, d) => <KindTags d={d} />,
    },
    {
      key: 'subject',
      title: t('people.rem.subject'),
      width: 260,
      responsive: ['md'],
      render: (_, d) => <span className="mc-wrap">{d.subject}</span>,
    },
    {
      key: 'reason',
      title: t('people.rem.reason'),
      responsive: ['lg'],
      render: (_, d) => <span className="mc-wrap">{pick(d.reason)}</span>,
    },
    {
      key: 'stored',
      title: t('people.rem.stored'),
      responsive: ['sm'],
      render: (_, d) => (d.storedStatus ? <Tag>{t(`people.status.${d.storedStatus}`)}</Tag> : '—'),
    },
  ];
}
