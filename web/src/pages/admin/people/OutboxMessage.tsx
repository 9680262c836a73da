/** The outbox's message drawer. */
import { Alert, Descriptions, Drawer, Grid } from 'antd';
import { formatDateTime, formatNumber } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { OutboxItem } from './data.ts';
import { MessageText } from './MessageText.tsx';
import { StatusTag } from './OutboxParts.tsx';

/** One stored message: who, role, kind, status, reason, attempts, dates, the last error and its text. */
export function OutboxMessageDrawer({
  open,
  onClose,
}: {
  open: OutboxItem | undefined;
  onClose: () => void;
}) {
  const { t, pick, lang } = useI18n();
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={Boolean(open)}
      onClose={onClose}
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
  );
}
