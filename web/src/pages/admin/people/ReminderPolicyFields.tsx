/**
 * The reminder policy's fields (docs/reminders.md): on/off and the sending time, the ladder before the due date,
 * the rhythm once overdue, when the unit head is copied and administrators alerted, and the working-day calendar.
 */
import { Form, Input, InputNumber, Select, Switch } from 'antd';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type PolicyFields, SEND_AT, validDateList, validDaysBefore } from './reminder-policy-model.ts';

/** A whole number of days, required, between `min` and `max`. */
function DaysField(props: {
  name: keyof PolicyFields;
  label: string;
  max: number;
  extra: string;
  min?: number;
}) {
  const { t } = useI18n();
  const { name, label, max, extra, min = 0 } = props;
  return (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      rules={[{ required: true, message: t('people.required') }]}
    >
      <InputNumber min={min} max={max} precision={0} className="mc-rem-number" />
    </Form.Item>
  );
}

/** Free tags typed or pasted (comma, space or semicolon between them); no dropdown to choose from. Each Form.Item
 * gives its own copy the value, onChange and id. */
const TAGS = <Select mode="tags" tokenSeparators={[',', ' ', ';']} open={false} suffixIcon={null} />;

/** A tags field's rule: `valid` decides, `message` says why not. */
const tagsRule = (valid: (v: string[] | undefined) => boolean, message: string) => ({
  validator: (_: unknown, v: string[] | undefined) =>
    valid(v) ? Promise.resolve() : Promise.reject(new Error(message)),
});

/** When reminders go out: on/off, the time, the ladder before the due date, and the overdue steps. */
function ScheduleFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="enabled" label={t('people.rem.enabled')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item
        name="sendAt"
        label={t('people.rem.sendAt')}
        extra={t('people.rem.sendAtHint')}
        rules={[{ pattern: SEND_AT, message: t('people.rem.sendAtInvalid') }]}
      >
        <Input placeholder="08:00" inputMode="numeric" maxLength={5} className="mc-rem-number" />
      </Form.Item>
      <Form.Item
        name="daysBefore"
        label={t('people.rem.daysBefore')}
        extra={t('people.rem.daysBeforeHint')}
        rules={[tagsRule(validDaysBefore, t('people.rem.daysBeforeInvalid'))]}
      >
        {TAGS}
      </Form.Item>
      <DaysField
        name="overdueEveryWorkingDays"
        label={t('people.rem.overdueEvery')}
        max={30}
        extra={t('people.rem.overdueEveryHint')}
        min={1}
      />
      <DaysField
        name="copyUnitHeadAfterDaysOverdue"
        label={t('people.rem.copyHead')}
        max={60}
        extra={t('people.rem.copyHeadHint')}
      />
      <DaysField
        name="escalateToAdminAfterDaysOverdue"
        label={t('people.rem.escalate')}
        max={90}
        extra={t('people.rem.escalateHint')}
      />
    </>
  );
}

/** Which days count as working days: weekends, the national holidays, the cycle's own days off and make-up days. */
function CalendarFields() {
  const { t } = useI18n();
  const dateListRule = tagsRule(validDateList, t('people.rem.dateListInvalid'));
  return (
    <>
      <Form.Item name="skipWeekends" label={t('people.rem.skipWeekends')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item
        name="nationalHolidays"
        label={t('people.rem.nationalHolidays')}
        valuePropName="checked"
        extra={t('people.rem.nationalHolidaysHint')}
      >
        <Switch />
      </Form.Item>
      <Form.Item
        name="holidays"
        label={t('people.rem.holidays')}
        extra={t('people.rem.dateListHint')}
        rules={[dateListRule]}
      >
        {TAGS}
      </Form.Item>
      <Form.Item
        name="makeUpWorkingDays"
        label={t('people.rem.makeUp')}
        extra={t('people.rem.dateListHint')}
        rules={[dateListRule]}
      >
        {TAGS}
      </Form.Item>
    </>
  );
}

export function ReminderPolicyFields() {
  return (
    <div className="mc-rem-grid">
      <ScheduleFields />
      <CalendarFields />
    </div>
  );
}
