/**
 * Opening a cycle, or changing one: names, year, the scored framework and its published version (fixed once
 * opened), tracked frameworks, assessed entities, the five dates (typed dd/mm/yyyy), which evidence counts,
 * and upload limits. An edit sends only what changed with the loaded `version`; a 409 reloads the current
 * cycle into the form and says so. The server's field issues are shown on their fields.
 * The reminder policy is edited in its own section and is never sent from here.
 */
import { Alert, Button, Card, Form, Space } from 'antd';
import { useEffect, useMemo } from 'react';
import type { Cycle } from '../../../api/types.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { CycleDateFields } from './CycleDateFields.tsx';
import { EntityFields, EvidenceFields, GeneralFields } from './CycleFormSections.tsx';
import { CycleFrameworkFields } from './CycleFrameworkFields.tsx';
import { newCycleValues } from './form-rules.ts';
import { type CycleFormValues, valuesOf } from './model.ts';
import { useCycleSave } from './useCycleSave.ts';

/** What the server refused that no field shows: its other issues, or its (or the network's) one message. */
function SaveProblems({ issues, error }: { issues: string[]; error?: string }) {
  const { t } = useI18n();
  return (
    <>
      {issues.length ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="mc-gap"
          title={t('setup.cycle.issues')}
          description={
            <ul className="mc-setup-list">
              {issues.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {error ? <Alert type="error" showIcon role="alert" className="mc-gap" title={error} /> : null}
    </>
  );
}

export function CycleForm({
  cycle,
  cycles,
  onDone,
  onCancel,
}: {
  /** Absent: a new cycle. */
  cycle?: Cycle;
  cycles: Cycle[];
  onDone: (c: Cycle) => void;
  onCancel: () => void;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<CycleFormValues>();
  const { current, conflict, otherIssues, clearOtherIssues, save, genericError } = useCycleSave(
    form,
    cycle,
    onDone,
  );
  const editing = Boolean(current);
  const initial = useMemo(
    () => (current ? valuesOf(current) : newCycleValues(new Date().getFullYear())),
    [current],
  );
  useEffect(() => form.setFieldsValue(initial), [form, initial]);

  return (
    <Card
      size="small"
      className="mc-section"
      data-testid="cycle-form"
      title={
        <span className="mc-wrap">
          {current ? t('setup.cycle.editTitle', { name: pick(current.name) }) : t('setup.cycle.newTitle')}
        </span>
      }
    >
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          className="mc-gap"
          title={t('setup.cycle.conflict')}
          data-testid="cycle-conflict"
        />
      ) : null}
      <Form<CycleFormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => save.mutate(v)}
        onValuesChange={clearOtherIssues}
        disabled={save.isPending}
        scrollToFirstError
      >
        <GeneralFields editing={editing} />
        <CycleFrameworkFields cycle={current} />
        <EntityFields cycles={cycles} />
        <CycleDateFields />
        <EvidenceFields />
        <SaveProblems issues={otherIssues} error={genericError} />
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="cycle-save">
            {current ? t('setup.cycle.save') : t('setup.cycle.create')}
          </Button>
          <Button onClick={onCancel} disabled={false}>
            {t('setup.cancel')}
          </Button>
        </Space>
        {editing ? <p className="mc-muted mc-setup-note">{t('setup.cycle.remindersElsewhere')}</p> : null}
      </Form>
    </Card>
  );
}
