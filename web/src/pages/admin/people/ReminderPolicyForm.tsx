/**
 * A cycle's reminder policy (docs/reminders.md): the ladder before the due date, the rhythm once overdue, when the
 * unit head is copied and when administrators are alerted, the working-day calendar. Saved through
 * updateCycle with the cycle's version (only `reminderPolicy` is sent: the rest of the cycle stays as it is).
 */
import { Alert, Button, Card, Form, Typography } from 'antd';
import type { Cycle } from '../../../api/types.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { isConflict, MutationError } from './common.tsx';
import { ReminderPolicyFields } from './ReminderPolicyFields.tsx';
import { type PolicyFields, toFields } from './reminder-policy-model.ts';
import { useSavePolicy } from './useSavePolicy.ts';

export function ReminderPolicyForm({ cycle, onSaved }: { cycle: Cycle; onSaved(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<PolicyFields>();
  const { save, issues } = useSavePolicy(cycle, form, onSaved);
  return (
    <Card size="small" className="mc-section" title={t('people.rem.policy')} data-testid="reminder-policy">
      {isConflict(save.error) ? (
        <Alert type="warning" showIcon className="mc-section" title={t('people.conflict')} />
      ) : null}
      <Form<PolicyFields>
        key={`${cycle.cycleId}-${cycle.version}`}
        name="reminder-policy"
        form={form}
        layout="vertical"
        initialValues={toFields(cycle.reminderPolicy)}
        onFinish={(v) => save.mutate(v)}
        requiredMark="optional"
        className="mc-rem-form"
      >
        <ReminderPolicyFields />
        <Typography.Paragraph className="mc-muted mc-wrap">{t('people.rem.fixed')}</Typography.Paragraph>
        <MutationError error={isConflict(save.error) ? undefined : save.error} issues={issues} />
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('people.rem.save')}
        </Button>
      </Form>
    </Card>
  );
}
