/**
 * A reminder preview's answer: the date and how many messages, the run's notes, and the messages in a table whose
 * rows expand to the full text.
 */
import { Alert, Table } from 'antd';
import { EmptyState } from '../../../common/states.tsx';
import { formatIsoDate, formatNumber } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Delivery, ReminderPreview } from './data.ts';
import { MessageText } from './MessageText.tsx';
import { useReminderColumns } from './reminderColumns.tsx';

type UnitName = (entityId?: string, unitId?: string) => string;

/** The deliveries, 20 to a page when there are more; each row opens to its subject, reason and text. */
function DeliveryTable({ deliveries, unitName }: { deliveries: readonly Delivery[]; unitName: UnitName }) {
  const { t, pick } = useI18n();
  const columns = useReminderColumns(unitName);
  return (
    <Table<Delivery>
      size="small"
      rowKey={(d, i) => `${d.kind}-${d.recipient?.userId ?? d.audience}-${d.role}-${d.unitId ?? ''}-${i}`}
      columns={columns}
      dataSource={deliveries}
      pagination={deliveries.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
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
  );
}

export function ReminderPreviewResult({ data, unitName }: { data: ReminderPreview; unitName: UnitName }) {
  const { t, pick, lang } = useI18n();
  return (
    <div data-testid="preview-result">
      <p aria-live="polite">
        {t('people.rem.previewSummary', {
          date: formatIsoDate(data.date),
          count: formatNumber(data.deliveries.length, lang),
        })}
      </p>
      {data.notes.length ? (
        <Alert
          type="info"
          showIcon
          className="mc-section"
          title={t('people.rem.notes')}
          description={
            <ul className="mc-issues">
              {data.notes.map((n, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: notes have no id and never reorder
                <li key={i}>{pick(n.message)}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {data.deliveries.length === 0 ? (
        <EmptyState>{t('people.rem.nothing')}</EmptyState>
      ) : (
        <DeliveryTable deliveries={data.deliveries} unitName={unitName} />
      )}
    </div>
  );
}
