/**
 * Admin — the outbox: every reminder message stored for a date, with its status, the reason it was sent, the
 * recipient and the subject; the text in a drawer. Filters by status and kind apply to the pages loaded
 * (the API pages by date). Locally, a link to the developer mailbox where the e-mails "arrive".
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Table, Typography } from 'antd';
import { useState } from 'react';
import { useServices } from '../../../app/context.tsx';
import { EmptyState, ErrorState, Loading } from '../../../common/states.tsx';
import { formatIsoDate, formatNumber } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type OutboxItem, peopleKeys, todayInVietnam } from './data.ts';
import { OutboxMessageDrawer } from './OutboxMessage.tsx';
import { type OutboxFilter, OutboxFilters, useOutboxColumns } from './OutboxParts.tsx';

export { StatusTag } from './OutboxParts.tsx';

export function AdminOutboxPage() {
  const { t, lang } = useI18n();
  const { api } = useServices();
  const [filter, setFilter] = useState<OutboxFilter>({ date: null, status: undefined, kind: undefined });
  const [open, setOpen] = useState<OutboxItem | undefined>();
  const { date, status, kind } = filter;
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
  const columns = useOutboxColumns(setOpen);

  return (
    <div className="mc-page">
      <Typography.Title level={1} className="mc-page-title">
        {t('people.outbox.heading')}
      </Typography.Title>
      <OutboxFilters filter={filter} onChange={setFilter} iso={iso} />
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
      <OutboxMessageDrawer open={open} onClose={() => setOpen(undefined)} />
    </div>
  );
}
