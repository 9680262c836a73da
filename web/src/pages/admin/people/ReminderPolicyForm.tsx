/**
 * A cycle's reminder policy (docs/reminders.md): the ladder before the due date, the rhythm once overdue, when the
 * unit head is copied and when administrators are alerted, the working-day calendar. Saved through
 * updateCycle with the cycle's version (only `reminderPolicy` is sent: the rest of the cycle stays as it is).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import type { Cycle } from '../../../api/types.ts';
import { useServices } from '../../../app/context.tsx';
import { queryKeys } from '../../../app/queries.ts';
import { formatIsoDate } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { applyIssues, isConflict, MutationError } from './common.tsx';
import { parseDayMonthYear, type ReminderPolicy } from './data.ts';

interface PolicyFields {
  enabled: boolean;
  sendAt: string;
  daysBefore: string[];
  overdueEveryWorkingDays: number;
  copyUnitHeadAfterDaysOverdue: number;
  escalateToAdminAfterDaysOverdue: number;
  skipWeekends: boolean;
  nationalHolidays: boolean;
  holidays: string[];
  makeUpWorkingDays: string[];
}

const FIELDS = [
  'reminderPolicy',
  'enabled',
  'sendAt',
  'daysBefore',
  'overdueEveryWorkingDays',
  'copyUnitHeadAfterDaysOverdue',
  'escalateToAdminAfterDaysOverdue',
  'skipWeekends',
  'nationalHolidays',
  'holidays',
  'makeUpWorkingDays',
] as const;

const toFields = (p: ReminderPolicy): PolicyFields => ({
  enabled: p.enabled,
  sendAt: p.sendAt,
  daysBefore: [...p.daysBefore].sort((a, b) => b - a).map(String),
  overdueEveryWorkingDays: p.overdueEveryWorkingDays,
  copyUnitHeadAfterDaysOverdue: p.copyUnitHeadAfterDaysOverdue,
  escalateToAdminAfterDaysOverdue: p.escalateToAdminAfterDaysOverdue,
  skipWeekends: p.skipWeekends,
  nationalHolidays: p.nationalHolidays ?? true,
  holidays: p.holidays.map(formatIsoDate),
  makeUpWorkingDays: (p.makeUpWorkingDays ?? []).map(formatIsoDate),
});

const isoList = (list: string[]) =>
  [...new Set(list.map((d) => parseDayMonthYear(d)).filter((d): d is string => Boolean(d)))].sort();

const toPolicy = (v: PolicyFields): ReminderPolicy => ({
  enabled: v.enabled,
  sendAt: v.sendAt.trim(),
  daysBefore: [...new Set(v.daysBefore.map(Number))].sort((a, b) => b - a),
  overdueEveryWorkingDays: v.overdueEveryWorkingDays,
  copyUnitHeadAfterDaysOverdue: v.copyUnitHeadAfterDaysOverdue,
  escalateToAdminAfterDaysOverdue: v.escalateToAdminAfterDaysOverdue,
  skipWeekends: v.skipWeekends,
  nationalHolidays: v.nationalHolidays,
  holidays: isoList(v.holidays),
  makeUpWorkingDays: isoList(v.makeUpWorkingDays),
});

export function ReminderPolicyForm({ cycle, onSaved }: { cycle: Cycle; onSaved(): void }) {
  const { t, pick } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PolicyFields>();
  const [issues, setIssues] = useState<ReturnType<typeof applyIssues>>([]);
  const save = useMutation({
    mutationFn: (v: PolicyFields) =>
      api.call('updateCycle', {
        params: { cycleId: cycle.cycleId },
        body: { version: cycle.version, reminderPolicy: toPolicy(v) },
      }),
    onSuccess: (c) => {
      setIssues([]);
      // The page reads the cycle from the list: replace it there at once (the form re-opens at the new version).
      queryClient.setQueryData(queryKeys.cycle(c.cycleId), c);
      queryClient.setQueryData<Cycle[]>(queryKeys.cycles, (list) =>
        list?.map((x) => (x.cycleId === c.cycleId ? c : x)),
      );
      void message.success(t('people.rem.saved'));
      onSaved();
    },
    onError: (e) => {
      setIssues(applyIssues(form, e, FIELDS, pick));
      if (isConflict(e)) void queryClient.invalidateQueries({ queryKey: queryKeys.cycles });
    },
  });
  const dateListRule = {
    validator: (_: unknown, v: string[] | undefined) =>
      (v ?? []).every((d) => parseDayMonthYear(d))
        ? Promise.resolve()
        : Promise.reject(new Error(t('people.rem.dateListInvalid'))),
  };
  const num = (name: keyof PolicyFields, label: string, max: number, extra?: string, min = 0) => (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      rules={[{ required: true, message: t('people.required') }]}
    >
      <InputNumber min={min} max={max} precision={0} className="mc-rem-number" />
    </Form.Item>
  );
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
        <div className="mc-rem-grid">
          <Form.Item name="enabled" label={t('people.rem.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item
            name="sendAt"
            label={t('people.rem.sendAt')}
            extra={t('people.rem.sendAtHint')}
            rules={[{ pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: t('people.rem.sendAtInvalid') }]}
          >
            <Input placeholder="08:00" inputMode="numeric" maxLength={5} className="mc-rem-number" />
          </Form.Item>
          <Form.Item
            name="daysBefore"
            label={t('people.rem.daysBefore')}
            extra={t('people.rem.daysBeforeHint')}
            rules={[
              {
                validator: (_: unknown, v: string[] | undefined) =>
                  (v ?? []).every((d) => /^\d{1,2}$/.test(d) && Number(d) <= 60) && (v ?? []).length <= 10
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('people.rem.daysBeforeInvalid'))),
              },
            ]}
          >
            <Select mode="tags" tokenSeparators={[',', ' ', ';']} open={false} suffixIcon={null} />
          </Form.Item>
          {num(
            'overdueEveryWorkingDays',
            t('people.rem.overdueEvery'),
            30,
            t('people.rem.overdueEveryHint'),
            1,
          )}
          {num('copyUnitHeadAfterDaysOverdue', t('people.rem.copyHead'), 60, t('people.rem.copyHeadHint'))}
          {num('escalateToAdminAfterDaysOverdue', t('people.rem.escalate'), 90, t('people.rem.escalateHint'))}
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
            <Select mode="tags" tokenSeparators={[',', ' ', ';']} open={false} suffixIcon={null} />
          </Form.Item>
          <Form.Item
            name="makeUpWorkingDays"
            label={t('people.rem.makeUp')}
            extra={t('people.rem.dateListHint')}
            rules={[dateListRule]}
          >
            <Select mode="tags" tokenSeparators={[',', ' ', ';']} open={false} suffixIcon={null} />
          </Form.Item>
        </div>
        <Typography.Paragraph className="mc-muted mc-wrap">{t('people.rem.fixed')}</Typography.Paragraph>
        <MutationError error={isConflict(save.error) ? undefined : save.error} issues={issues} />
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('people.rem.save')}
        </Button>
      </Form>
    </Card>
  );
}
