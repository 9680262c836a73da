/**
 * What the reminder run would send on a chosen date (nothing is sent or recorded): each message with its
 * recipient, copy or not, the reason and the text. The date is a calendar date in Asia/Ho_Chi_Minh (the
 * server's "today" when none is chosen).
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, DatePicker, Grid, Select, Table, type TableColumnsType, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useId, useState } from 'react';
import type { Cycle } from '../../../api/types.ts';
import { useServices } from '../../../app/context.tsx';
import { EmptyState, ErrorState, Loading } from '../../../common/states.tsx';
import { formatIsoDate, formatNumber } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useEntityNames } from './common.tsx';
import { type Delivery, peopleKeys } from './data.ts';

export const ALL = '*';

export function MessageText({ text }: { text: string }) {
  return <pre className="mc-message-text">{text}</pre>;
}

export function ReminderPreview({ cycle, refreshKey }: { cycle: Cycle; refreshKey: number }) {
  const { t, pick, lang } = useI18n();
  const { api } = useServices();
  const ids = { date: useId(), entity: useId() };
  const wide = Grid.useBreakpoint().sm ?? true;
  const [date, setDate] = useState<Dayjs | null>(null);
  const [entity, setEntity] = useState<string>(cycle.entityIds[0] ?? ALL);
  const names = useEntityNames(cycle.entityIds);
  const iso = date ? date.format('YYYY-MM-DD') : '';
  const preview = useQuery({
    queryKey: [...peopleKeys.preview(cycle.cycleId, entity, iso), refreshKey],
    queryFn: () =>
      entity === ALL
        ? api.call('previewReminders', { query: { date: iso || undefined, cycleId: cycle.cycleId } })
        : api.call('previewEntityReminders', {
            params: { cycleId: cycle.cycleId, entityId: entity },
            query: { date: iso || undefined },
          }),
  });
  const entityName = (id?: string) => {
    const e = id ? names.get(id) : undefined;
    return e ? pick(e.entity.name) : (id ?? '');
  };
  const unitName = (entityId?: string, unitId?: string) => {
    const u = entityId && unitId ? names.get(entityId)?.units.find((x) => x.unitId === unitId) : undefined;
    return u ? pick(u.name) : (unitId ?? '');
  };

  const kindTags = (d: Delivery) => (
    <>
      <Tag>{t(`people.kind.${d.kind}`)}</Tag>
      {d.role === 'cc' ? <Tag color="orange">{t('people.rem.cc')}</Tag> : null}
      {d.channel === 'webhook' ? <Tag color="blue">{t('people.rem.webhook')}</Tag> : null}
    </>
  );
  const columns: TableColumnsType<Delivery> = [
    {
      key: 'to',
      title: t('people.rem.recipient'),
      width: wide ? 220 : undefined,
      render: (_, d) => (
        <div className="mc-wrap">
          <strong>{d.recipient?.name ?? d.audience}</strong>
          {d.recipient ? <div className="mc-muted">{d.recipient.email}</div> : null}
          {d.unitId ? <div className="mc-muted">{unitName(d.entityId, d.unitId)}</div> : null}
          {wide ? null : kindTags(d)}
        </div>
      ),
    },
    {
      key: 'kind',
      title: t('people.rem.kind'),
      width: 150,
      responsive: ['sm'],
      render: (_, d) => kindTags(d),
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

  return (
    <Card size="small" className="mc-section" title={t('people.rem.preview')} data-testid="reminder-preview">
      <div className="mc-filters">
        <div className="mc-filter">
          <label htmlFor={ids.date}>{t('people.rem.date')}</label>
          <DatePicker
            id={ids.date}
            value={date}
            onChange={(d) => setDate(d)}
            format="DD/MM/YYYY"
            placeholder={t('people.rem.today')}
            allowClear
          />
        </div>
        <div className="mc-filter">
          <label htmlFor={ids.entity}>{t('home.entity')}</label>
          <Select
            id={ids.entity}
            className="mc-cycle-select"
            value={entity}
            onChange={setEntity}
            options={[
              { value: ALL, label: t('people.rem.allEntities') },
              ...cycle.entityIds.map((e) => ({ value: e, label: entityName(e) })),
            ]}
          />
        </div>
      </div>
      <p className="mc-muted mc-wrap">{t('people.rem.previewHint')}</p>
      {cycle.reminderPolicy.enabled ? null : (
        <Alert type="warning" showIcon className="mc-section" title={t('people.rem.off')} />
      )}
      {preview.isPending ? (
        <Loading rows={4} />
      ) : preview.isError ? (
        <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
      ) : (
        <div data-testid="preview-result">
          <p aria-live="polite">
            {t('people.rem.previewSummary', {
              date: formatIsoDate(preview.data.date),
              count: formatNumber(preview.data.deliveries.length, lang),
            })}
          </p>
          {preview.data.notes.length ? (
            <Alert
              type="info"
              showIcon
              className="mc-section"
              title={t('people.rem.notes')}
              description={
                <ul className="mc-issues">
                  {preview.data.notes.map((n, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: notes have no id and never reorder
                    <li key={i}>{pick(n.message)}</li>
                  ))}
                </ul>
              }
            />
          ) : null}
          {preview.data.deliveries.length === 0 ? (
            <EmptyState>{t('people.rem.nothing')}</EmptyState>
          ) : (
            <Table<Delivery>
              size="small"
              rowKey={(d, i) =>
                `${d.kind}-${d.recipient?.userId ?? d.audience}-${d.role}-${d.unitId ?? ''}-${i}`
              }
              columns={columns}
              dataSource={preview.data.deliveries}
              pagination={
                preview.data.deliveries.length > 20 ? { pageSize: 20, showSizeChanger: false } : false
              }
              expandable={{
                expandedRowRender: (d) => (
                  <div className="mc-wrap">
                    <p>
                      <strong>{d.subject}</strong>
                    </p>
                    <p className="mc-muted">{pick(d.reason)}</p>
                    <MessageText text={d.text} />
                  </div>
                ),
                expandIcon: ({ expanded, onExpand, record }) => (
                  <button
                    type="button"
                    className="mc-expand"
                    aria-expanded={expanded}
                    aria-label={t(expanded ? 'people.rem.hideText' : 'people.rem.showText', {
                      name: record.recipient?.name ?? record.audience ?? '',
                    })}
                    onClick={(e) => onExpand(record, e)}
                  >
                    {expanded ? '−' : '+'}
                  </button>
                ),
              }}
            />
          )}
        </div>
      )}
    </Card>
  );
}
