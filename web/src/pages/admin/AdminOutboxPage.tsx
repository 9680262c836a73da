/**
 * Admin — the outbox: every reminder message stored for a date, with its status, the reason it was sent, the
 * recipient and the subject; the text in a drawer. Filters by status and kind apply to the pages loaded
 * (the API pages by date). Locally, a link to the developer mailbox where the e-mails "arrive".
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Grid,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useId, useState } from 'react';
import { useServices } from '../../app/context.tsx';
import { type OutboxItem, peopleKeys, todayInVietnam } from '../../components/admin/people/data.ts';
import { MessageText } from '../../components/admin/people/ReminderPreview.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/states.tsx';
import { formatDateTime, formatIsoDate, formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const STATUSES = [
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
const KINDS = ['unit-digest', 'leader-weekly', 'admin-digest'] as const;
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

export function AdminOutboxPage() {
  const { t, pick, lang } = useI18n();
  const { api, config } = useServices();
  const screens = Grid.useBreakpoint();
  const ids = { date: useId(), status: useId(), kind: useId() };
  const [date, setDate] = useState<Dayjs | null>(null);
  const [status, setStatus] = useState<string | undefined>();
  const [kind, setKind] = useState<string | undefined>();
  const [open, setOpen] = useState<OutboxItem | undefined>();
  const iso = date ? date.format('YYYY-MM-DD') : todayInVietnam();

  const outbox = useInfiniteQuery({
    queryKey: peopleKeys.outbox(iso, ''),
    queryFn: ({ pageParam }) =>
      api.call('listOutbox', { query: { date: iso, limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next,
  });
  const items = outbox.data?.pages.flatMap((p) => p.items) ?? [];
  const shown = items.filter((m) => (!status || m.status === status) && (!kind || m.kind === kind));

  const columns: TableColumnsType<OutboxItem> = [
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

  return (
    <div className="mc-page">
      <Typography.Title level={1} className="mc-page-title">
        {t('people.outbox.heading')}
      </Typography.Title>
      <Card size="small" className="mc-section">
        <div className="mc-filters">
          <div className="mc-filter">
            <label htmlFor={ids.date}>{t('people.rem.date')}</label>
            <DatePicker
              id={ids.date}
              value={date}
              onChange={(d) => setDate(d)}
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
              onChange={setStatus}
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
              onChange={setKind}
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
      {outbox.isPending ? (
        <Loading rows={5} />
      ) : outbox.isError ? (
        <ErrorState error={outbox.error} onRetry={() => void outbox.refetch()} />
      ) : (
        <div data-testid="outbox">
          <p className="mc-muted" aria-live="polite">
            {t('people.outbox.count', {
              date: formatIsoDate(iso),
              shown: formatNumber(shown.length, lang),
              total: formatNumber(items.length, lang),
            })}
          </p>
          {shown.length === 0 ? (
            <Card>
              <EmptyState>
                {items.length
                  ? t('people.outbox.noMatch')
                  : t('people.outbox.none', { date: formatIsoDate(iso) })}
              </EmptyState>
            </Card>
          ) : (
            <Table<OutboxItem>
              data-testid="outbox-table"
              size="small"
              rowKey="key"
              columns={columns}
              dataSource={shown}
              pagination={false}
            />
          )}
          {outbox.hasNextPage ? (
            <Button
              className="mc-section"
              onClick={() => void outbox.fetchNextPage()}
              loading={outbox.isFetchingNextPage}
            >
              {t('people.outbox.more')}
            </Button>
          ) : null}
        </div>
      )}
      <Drawer
        open={Boolean(open)}
        onClose={() => setOpen(undefined)}
        size={screens.md ? 640 : '100%'}
        title={open?.subject}
        closable={{ 'aria-label': t('people.close') }}
      >
        {open ? (
          <div data-testid="outbox-message">
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'to',
                  label: t('people.rem.recipient'),
                  children: (
                    <span className="mc-wrap">
                      {open.recipientName ? `${open.recipientName} <${open.address}>` : open.address}
                    </span>
                  ),
                },
                {
                  key: 'role',
                  label: t('people.outbox.role'),
                  children: open.role === 'cc' ? t('people.rem.cc') : t('people.outbox.to'),
                },
                { key: 'kind', label: t('people.rem.kind'), children: t(`people.kind.${open.kind}`) },
                {
                  key: 'status',
                  label: t('people.outbox.status'),
                  children: <StatusTag status={open.status} />,
                },
                {
                  key: 'reason',
                  label: t('people.rem.reason'),
                  children: <span className="mc-wrap">{pick(open.reason)}</span>,
                },
                {
                  key: 'attempts',
                  label: t('people.outbox.attempts'),
                  children: formatNumber(open.attempts, lang),
                },
                {
                  key: 'created',
                  label: t('people.outbox.created'),
                  children: formatDateTime(open.createdAt),
                },
                ...(open.sentAt
                  ? [{ key: 'sent', label: t('people.outbox.sent'), children: formatDateTime(open.sentAt) }]
                  : []),
              ]}
            />
            {open.lastError ? (
              <Alert type="error" showIcon className="mc-section" title={open.lastError} />
            ) : null}
            <MessageText text={open.text} />
          </div>
        ) : null}
      </Drawer>
    </div>
  );
}
