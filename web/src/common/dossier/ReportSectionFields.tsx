/**
 * The parts of the report the entity writes: four long texts, each with its character count against the
 * server's limit (writers only) and the field's issue from a refused save.
 */
import { Form, Input } from 'antd';
import { useId } from 'react';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { MAX_LENGTH, SECTIONS } from './report-model.ts';
import type { ReportEditorState } from './useReportEditor.ts';

export function ReportSectionFields({ state, readOnly }: { state: ReportEditorState; readOnly: boolean }) {
  const { t, lang } = useI18n();
  const idPrefix = useId();
  return (
    <>
      {SECTIONS.map((k) => {
        const id = `${idPrefix}-${k}`;
        const error = state.issues.fields[k];
        return (
          <Form.Item
            key={k}
            label={t(`report.section.${k}`)}
            htmlFor={id}
            validateStatus={error ? 'error' : undefined}
            help={error}
          >
            <Input.TextArea
              id={id}
              value={state.form[k]}
              readOnly={readOnly}
              maxLength={MAX_LENGTH[k]}
              autoSize={{ minRows: 8, maxRows: 30 }}
              status={error ? 'error' : undefined}
              showCount={
                !readOnly && {
                  formatter: ({ count, maxLength }) =>
                    t('report.count', {
                      count: formatNumber(count, lang),
                      max: formatNumber(maxLength ?? MAX_LENGTH[k], lang),
                    }),
                }
              }
              onChange={(e) => state.setField(k, e.target.value)}
              data-testid={`report-field-${k}`}
            />
          </Form.Item>
        );
      })}
    </>
  );
}
