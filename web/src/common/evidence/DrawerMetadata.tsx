/** The evidence panel's document metadata form (title, number, type, dates, issuer, note). */
import { Alert, Button, Form, Input, Select } from 'antd';
import { ApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { docTypeLabel } from '../labels.ts';
import { ErrorState } from '../states.tsx';
import type { MetadataValues as FormValues } from './metadata-form.ts';
import type { MetadataForm } from './useEvidenceDrawer.ts';

function DateField({ name, label }: { name: keyof FormValues; label: string }) {
  return (
    <Form.Item name={name} label={label}>
      <Input inputMode="numeric" placeholder="dd/mm/yyyy" maxLength={10} />
    </Form.Item>
  );
}

/** The API's issues no field showed, and a failed save that is neither a conflict nor field issues. */
function FormProblems({ issues, save }: { issues: MetadataForm['formIssues']; save: MetadataForm['save'] }) {
  const { pick } = useI18n();
  return (
    <>
      {issues.length ? (
        <ul className="mc-issues" role="alert">
          {issues.map((i) => (
            <li key={i.field} className="mc-error-text">
              {pick(i.message)}
            </li>
          ))}
        </ul>
      ) : null}
      {save.isError &&
      !(save.error instanceof ApiError && (save.error.status === 409 || save.error.issues.length)) ? (
        <ErrorState error={save.error} />
      ) : null}
    </>
  );
}

export function DrawerMetadata({
  meta,
  canEdit,
  readOnly,
  docTypes,
}: {
  meta: MetadataForm;
  canEdit: boolean;
  readOnly: boolean;
  docTypes: string[];
}) {
  const { t } = useI18n();
  const { form, conflict, setConflict, formIssues, save, onFinish } = meta;
  return (
    <section aria-labelledby="ev-meta-title" className="mc-section">
      <h3 id="ev-meta-title" className="mc-subsection-title">
        {t('ev.edit.title')}
      </h3>
      {conflict ? (
        <Alert
          className="mc-section"
          type="warning"
          showIcon
          role="alert"
          title={t('ev.edit.conflict')}
          data-testid="ev-conflict"
        />
      ) : null}
      {!canEdit ? <p className="mc-muted">{t('ev.edit.readOnly')}</p> : null}
      <Form<FormValues>
        form={form}
        name="ev-edit"
        layout="vertical"
        disabled={readOnly}
        onFinish={onFinish}
        onValuesChange={() => setConflict(false)}
        data-testid="ev-edit-form"
      >
        <Form.Item name="title" label={t('ev.field.title')} required>
          <Input maxLength={500} />
        </Form.Item>
        <div className="mc-form-row">
          <Form.Item name="documentNumber" label={t('ev.field.documentNumber')}>
            <Input maxLength={100} placeholder={t('ev.field.documentNumberHint')} />
          </Form.Item>
          <Form.Item name="documentType" label={t('ev.field.documentType')}>
            <Select allowClear options={docTypes.map((k) => ({ value: k, label: docTypeLabel(k, t) }))} />
          </Form.Item>
        </div>
        <div className="mc-form-row">
          <DateField name="issueDate" label={t('ev.field.issueDate')} />
          <Form.Item name="issuer" label={t('ev.field.issuer')}>
            <Input maxLength={300} />
          </Form.Item>
        </div>
        <div className="mc-form-row">
          <DateField name="effectiveFrom" label={t('ev.field.effectiveFrom')} />
          <DateField name="effectiveTo" label={t('ev.field.effectiveTo')} />
        </div>
        <Form.Item name="note" label={t('ev.field.note')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <FormProblems issues={formIssues} save={save} />
        {readOnly ? null : (
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('ev.edit.save')}
          </Button>
        )}
      </Form>
    </section>
  );
}
