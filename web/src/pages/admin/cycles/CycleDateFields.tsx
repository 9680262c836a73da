/**
 * The cycle form's five dates, typed dd/mm/yyyy: each must be a real date, the self-assessment deadline not
 * before the evidence deadline, the end of appraisal not before its start (re-checked when that date changes).
 */
import { Form, Input, Typography } from 'antd';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/messages.ts';
import { DATE_AFTER, dateProblem } from './form-rules.ts';
import { type CycleFormValues, DATE_KEYS, type DateKey } from './model.ts';

const DATE_LABEL: Record<DateKey, MessageKey> = {
  evidenceDue: 'setup.cycle.evidenceDue',
  selfAssessmentDue: 'setup.cycle.selfAssessmentDue',
  appraisalStart: 'setup.cycle.appraisalStart',
  appraisalEnd: 'setup.cycle.appraisalEnd',
  publication: 'setup.cycle.publication',
};

export function CycleDateFields() {
  const { t } = useI18n();
  const form = Form.useFormInstance<CycleFormValues>();
  const dateRule = (key: DateKey) => ({
    validator: (_: unknown, value: string) => {
      const problem = dateProblem(key, value, form.getFieldValue('dates') as Record<DateKey, string>);
      return problem ? Promise.reject(new Error(t(problem))) : Promise.resolve();
    },
  });
  return (
    <>
      <Typography.Title level={3} className="mc-section-title">
        {t('setup.cycle.datesSection')}
      </Typography.Title>
      <p className="mc-muted">{t('setup.cycle.datesHint')}</p>
      <div className="mc-setup-grid mc-setup-dates">
        {DATE_KEYS.map((k) => {
          const after = DATE_AFTER[k];
          return (
            <Form.Item
              key={k}
              name={['dates', k]}
              label={t(DATE_LABEL[k])}
              rules={[dateRule(k)]}
              dependencies={after ? [['dates', after]] : []}
            >
              <Input inputMode="numeric" placeholder="dd/mm/yyyy" maxLength={10} />
            </Form.Item>
          );
        })}
      </div>
    </>
  );
}
