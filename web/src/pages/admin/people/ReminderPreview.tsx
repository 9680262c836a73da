/**
 * What the reminder run would send on a chosen date (nothing is sent or recorded): each message with its
 * recipient, copy or not, the reason and the text. The date is a calendar date in Asia/Ho_Chi_Minh (the
 * server's "today" when none is chosen).
 */
import { Alert, Card, DatePicker, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useId, useState } from 'react';
import type { Cycle } from '../../../api/types.ts';
import { ErrorState, Loading } from '../../../common/states.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ReminderPreviewResult } from './ReminderPreviewResult.tsx';
import { ALL, usePlaceNames, useReminderPreview } from './useReminderPreview.ts';

export { ALL };

export function ReminderPreview({ cycle, refreshKey }: { cycle: Cycle; refreshKey: number }) {
  const { t } = useI18n();
  const ids = { date: useId(), entity: useId() };
  const [date, setDate] = useState<Dayjs | null>(null);
  const [entity, setEntity] = useState<string>(cycle.entityIds[0] ?? ALL);
  const { entityName, unitName } = usePlaceNames(cycle.entityIds);
  const preview = useReminderPreview(cycle, entity, date ? date.format('YYYY-MM-DD') : '', refreshKey);

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
        <ReminderPreviewResult data={preview.data} unitName={unitName} />
      )}
    </Card>
  );
}
