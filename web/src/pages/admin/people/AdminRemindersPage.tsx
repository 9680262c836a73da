/**
 * Admin — reminders: the chosen cycle's reminder policy, and a preview of what the run would send on a date
 * (refreshed after each save, so the effect of a change is visible at once).
 */
import { Card, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import { CycleGate, CyclePicker, useCycleChoice } from './common.tsx';
import { ReminderPolicyForm } from './ReminderPolicyForm.tsx';
import { ReminderPreview } from './ReminderPreview.tsx';

export function AdminRemindersPage() {
  const { t } = useI18n();
  const choice = useCycleChoice();
  const [saves, setSaves] = useState(0);
  return (
    <div className="mc-page">
      <Typography.Title level={1} className="mc-page-title">
        {t('people.rem.heading')}
      </Typography.Title>
      <CycleGate choice={choice}>
        {(cycle) => (
          <>
            <Card size="small" className="mc-section">
              <div className="mc-filters">
                <CyclePicker choice={choice} withEntity={false} />
              </div>
              <p className="mc-muted mc-wrap">{t('people.rem.intro')}</p>
            </Card>
            <ReminderPolicyForm cycle={cycle} onSaved={() => setSaves((n) => n + 1)} />
            <ReminderPreview key={cycle.cycleId} cycle={cycle} refreshKey={saves} />
          </>
        )}
      </CycleGate>
    </div>
  );
}
