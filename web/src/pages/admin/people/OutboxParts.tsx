/** The outbox page's pieces: status tags, the table's columns, the filters and the message drawer. */
import { Button, Card, DatePicker, Grid, Select, type TableColumnsType, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useId } from 'react';
import { useServices } from '../../../app/context.tsx';
import { formatDateTime, formatIsoDate } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type OutboxItem, todayInVietnam } from './data.ts';

export const STATUSES = [
  'pending',
  'sending',
  'sent',
  'retry',
  'failed',
  'uncertain',
  'delivered',
  'bounced',
  'complained',
] as const;
export const KINDS = ['unit-digest', 'leader-weekly', 'admin-digest'] as const;
const STATUS_COLOUR: Record<string, string> = {
  sent: 'success',
  delivered: 'success',
  pending: 'processing',
  sending: 'processing',
  retry: 'warning',
  failed: 'error',
  bounced: 'error',
  complained: 'error',
  uncertain: 'error',
};

export function StatusTag({ status }: { status: OutboxItem['status'] }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOUR[status]}>{t(`people.status.${status}`)}</Tag>;
}

export function useOutboxColumns(setOpen: (m: OutboxItem) => void): TableColumnsType<OutboxItem> {
  const { t, pick } = useI18n();
  const screens = Grid.useBreakpoint();
  return [
    {
      key: 'to',
      title: t('people.rem.recipient'),
      width: screens.lg ? 200 : undefined,
      render: (_, m) => (
        <div className="mc-wrap">
          <strong>{m.recipientName ?? m.address}</strong>
          {m.recipientName ? <div className="mc-muted">{m.address}</div> : null}
          {m.role === 'cc' ? <Tag color="orange">{t('people.rem.cc')}</Tag> : null}
        </div>
      ),
    },
    {
      key: 'subject',
      title: t('people.rem.subject'),
      width: screens.lg ? 280 : undefined,
      render: (_, m) => (
        <div className="mc-wrap">
          <Button
            type="link"
            className="mc-link-button"
            onClick={() => setOpen(m)}
            aria-label={t('people.outbox.open', { subject: m.subject })}
          >
            {m.subject}
          </Button>
          {!screens.lg ? <div className="mc-muted">{pick(m.reason)}</div> : null}
        </div>
      ),
    },
    {
      key: 'kind',
      title: t('people.rem.kind'),
      responsive: ['md'],
      render: (_, m) => <Tag>{t(`people.kind.${m.kind}`)}</Tag>,
    },
    {
      key: 'reason',
      title: t('people.rem.reason'),
      responsive: ['lg'],
      render: (_, m) => <span className="mc-wrap">{pick(m.reason)}</span>,
    },
    {
      key: 'status',
      title: t('people.outbox.status'),
      width: screens.lg ? 120 : undefined,
      render: (_, m) => (
        <>
          <StatusTag status={m.status} />
          {m.lastError ? <div className="mc-error-text mc-wrap">{m.lastError}</div> : null}
        </>
      ),
    },
    {
      key: 'at',
      title: t('people.outbox.at'),
      responsive: ['md'],
      render: (_, m) => formatDateTime(m.sentAt ?? m.createdAt),
    },
  ];
}

export interface OutboxFilter {
  date: Dayjs | null;
  status: string | undefined;
  kind: string | undefined;
}

export function OutboxFilters({
  filter,
  onChange,
  iso,
}: {
  filter: OutboxFilter;
  onChange: (f: OutboxFilter) => void;
  iso: string;
}) {
  const { t } = useI18n();
  const { config } = useServices();
  const ids = { date: useId(), status: useId(), kind: useId() };
  const { date, status, kind } = filter;
  return (
    <Card size="small" className="mc-section">
      <div className="mc-filters">
        <div className="mc-filter">
          <label htmlFor={ids.date}>{t('people.rem.date')}</label>
          <DatePicker
            id={ids.date}
            value={date}
            onChange={(d) => onChange({ ...filter, date: d })}
            format="DD/MM/YYYY"
            placeholder={t('people.outbox.todayIs', { date: formatIsoDate(todayInVietnam()) })}
            allowClear
          />
        </div>
        <div className="mc-filter">
          <label htmlFor={ids.status}>{t('people.outbox.status')}</label>
          <Select
            id={ids.status}
            className="mc-filter-select"
            allowClear
            placeholder={t('people.all')}
            value={status}
            onChange={(s) => onChange({ ...filter, status: s })}
            options={STATUSES.map((s) => ({ value: s, label: t(`people.status.${s}`) }))}
          />
        </div>
        <div className="mc-filter">
          <label htmlFor={ids.kind}>{t('people.rem.kind')}</label>
          <Select
            id={ids.kind}
            className="mc-filter-select"
            allowClear
            placeholder={t('people.all')}
            value={kind}
            onChange={(k) => onChange({ ...filter, kind: k })}
            options={KINDS.map((k) => ({ value: k, label: t(`people.kind.${k}`) }))}
          />
        </div>
        {config.mailboxUrl ? (
          <a
            className="mc-filter-count"
            href={`${config.mailboxUrl.replace(/\/+$/, '')}/?date=${iso}`}
            target="_blank"
            rel="noreferrer"
            data-testid="mailbox-link"
          >
            {t('people.outbox.mailbox')}
          </a>
        ) : null}
      </div>
      <p className="mc-muted mc-wrap">{t('people.outbox.intro')}</p>
    </Card>
  );
}
