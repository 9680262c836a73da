/**
 * "Thông tin văn bản": the report's header as an administrative document (cơ quan chủ quản, cơ quan ban hành,
 * số/ký hiệu, địa danh, người ký, nơi nhận), in a collapsible section. The organisation's defaults — what the
 * report prints for a blank field — are the placeholders. Opens by itself when the server marks one of them.
 */
import { Collapse, Form, Input } from 'antd';
import { useEffect, useId, useState } from 'react';
import type { ReportTextsView } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type FieldKey, HEADER_FIELDS, MAX_LENGTH, MAX_RECIPIENTS } from './report-model.ts';
import type { ReportEditorState } from './useReportEditor.ts';

type HeaderField = (typeof HEADER_FIELDS)[number];
const MULTILINE: ReadonlySet<HeaderField> = new Set(['signerPosition', 'recipients']);

export function ReportHeaderFields({ state, readOnly }: { state: ReportEditorState; readOnly: boolean }) {
  const { t } = useI18n();
  const idPrefix = useId();
  const [open, setOpen] = useState(false);
  const marked = HEADER_FIELDS.some((k) => state.issues.fields[k]);
  useEffect(() => {
    if (marked) setOpen(true);
  }, [marked]);

  const placeholder = (k: HeaderField, d: ReportTextsView['defaults'] | undefined): string | undefined => {
    if (k === 'documentNumber') return t('report.field.documentNumber.placeholder');
    if (k === 'signerName') return t('report.field.signerName.placeholder');
    if (!d) return undefined;
    return k === 'recipients' ? d.recipients.join('\n') : d[k];
  };
  const note = (k: HeaderField): string | undefined =>
    k === 'documentNumber'
      ? t('report.field.documentNumber.note')
      : k === 'signerPosition'
        ? t('report.field.signerPosition.note')
        : k === 'recipients'
          ? t('report.field.recipients.note', { max: MAX_RECIPIENTS })
          : undefined;

  const field = (k: HeaderField) => {
    const id = `${idPrefix}-${k}`;
    const error = state.issues.fields[k as FieldKey];
    const common = {
      id,
      value: state.form[k],
      readOnly,
      placeholder: placeholder(k, state.defaults),
      status: error ? ('error' as const) : undefined,
      'data-testid': `report-field-${k}`,
    };
    return (
      <Form.Item
        key={k}
        label={t(`report.field.${k}`)}
        htmlFor={id}
        validateStatus={error ? 'error' : undefined}
        help={error}
        extra={note(k)}
      >
        {MULTILINE.has(k) ? (
          <Input.TextArea
            {...common}
            autoSize={{ minRows: k === 'recipients' ? 3 : 2, maxRows: 10 }}
            onChange={(e) => state.setField(k, e.target.value)}
          />
        ) : (
          <Input {...common} maxLength={MAX_LENGTH[k]} onChange={(e) => state.setField(k, e.target.value)} />
        )}
      </Form.Item>
    );
  };

  return (
    <Collapse
      className="mc-report-header"
      activeKey={open ? ['header'] : []}
      onChange={(keys) => setOpen(keys.includes('header'))}
      items={[
        {
          key: 'header',
          label: t('report.header'),
          forceRender: true,
          children: (
            <div data-testid="report-header-fields">
              <p className="mc-muted">{t('report.header.hint')}</p>
              {HEADER_FIELDS.map(field)}
            </div>
          ),
        },
      ]}
    />
  );
}
