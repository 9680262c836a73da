/**
 * Opening a cycle, or changing one: names, year, the scored framework and its published version (fixed once
 * opened), tracked frameworks, assessed entities, the five dates (typed dd/mm/yyyy), which evidence counts,
 * and upload limits. An edit sends only what changed with the loaded `version`; a 409 reloads the current
 * cycle into the form and says so. The server's field issues are shown on their fields.
 * The reminder policy is edited in its own section and is never sent from here.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { FILE_KINDS } from '#domain/file-types.ts';
import { ApiError } from '../../../api/client.ts';
import type { Cycle } from '../../../api/types.ts';
import { useServices } from '../../../app/context.tsx';
import { queryKeys } from '../../../app/queries.ts';
import { useFrameworkHeads, useFrameworkVersions } from '../../../common/admin/frameworks.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/messages.ts';
import {
  type CycleFormValues,
  createBody,
  DATE_KEYS,
  type DateKey,
  formFieldOf,
  parseDmy,
  updateBody,
  valuesOf,
} from './model.ts';
import { useEntityOptions } from './useEntityOptions.ts';

const DATE_LABEL: Record<DateKey, MessageKey> = {
  evidenceDue: 'setup.cycle.evidenceDue',
  selfAssessmentDue: 'setup.cycle.selfAssessmentDue',
  appraisalStart: 'setup.cycle.appraisalStart',
  appraisalEnd: 'setup.cycle.appraisalEnd',
  publication: 'setup.cycle.publication',
};

function defaults(): CycleFormValues {
  const year = new Date().getFullYear();
  return {
    nameVi: `Kỳ đánh giá Chỉ số CCHC năm ${year}`,
    nameEn: `PAR Index assessment ${year}`,
    year,
    tracked: [],
    entityIds: [],
    dates: {
      evidenceDue: `30/11/${year}`,
      selfAssessmentDue: `15/12/${year}`,
      appraisalStart: `05/01/${year + 1}`,
      appraisalEnd: `15/02/${year + 1}`,
      publication: `31/03/${year + 1}`,
    },
    evidencePolicy: 'available',
    maxFileMb: 50,
    allowedKinds: [...FILE_KINDS],
    status: 'open',
  };
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
  const { api } = useServices();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CycleFormValues>();
  const [current, setCurrent] = useState<Cycle | undefined>(cycle);
  const [conflict, setConflict] = useState(false);
  const [otherIssues, setOtherIssues] = useState<string[]>([]);
  const editing = Boolean(current);

  const heads = useFrameworkHeads();
  const frameworkId = Form.useWatch('frameworkId', form) ?? current?.frameworkId;
  const versions = useFrameworkVersions(editing ? undefined : frameworkId);
  const entities = useEntityOptions(cycles);

  const initial = useMemo(() => (current ? valuesOf(current) : defaults()), [current]);
  useEffect(() => form.setFieldsValue(initial), [form, initial]);

  const published = (heads.data ?? []).filter((h) => h.latestPublishedVersion !== undefined);
  const versionOptions = (versions.data?.items ?? [])
    .filter((v) => v.status === 'published')
    .map((v) => ({ value: v.version, label: t('setup.fw.versionN', { version: v.version }) }));
  const trackedOptions = published
    .filter((h) => h.frameworkId !== frameworkId)
    .map((h) => ({
      value: `${h.frameworkId}@${h.latestPublishedVersion}`,
      label: `${pick(h.name)} (${h.frameworkId}, ${t('setup.fw.versionN', { version: h.latestPublishedVersion! })})`,
    }));
  const entityOptions = (entities.data ?? []).map((e) => ({
    value: e.entityId,
    label: `${pick(e.name)} (${e.entityId})`,
  }));

  const showIssues = (e: ApiError) => {
    const fields = new Map<string, { name: (string | number)[]; errors: string[] }>();
    const rest: string[] = [];
    for (const i of e.issues) {
      const name = formFieldOf(i.field);
      if (!name) {
        rest.push(pick(i.message));
        continue;
      }
      const k = name.join('.');
      const f = fields.get(k) ?? { name, errors: [] };
      f.errors.push(pick(i.message));
      fields.set(k, f);
    }
    form.setFields([...fields.values()] as Parameters<typeof form.setFields>[0]);
    setOtherIssues(rest);
  };

  const save = useMutation({
    mutationFn: async (v: CycleFormValues) =>
      current
        ? api.call('updateCycle', {
            params: { cycleId: current.cycleId },
            body: updateBody(current, v),
          })
        : api.call('createCycle', { body: createBody(v) }),
    onSuccess: (c) => {
      setConflict(false);
      setOtherIssues([]);
      queryClient.setQueryData(queryKeys.cycle(c.cycleId), c);
      void queryClient.invalidateQueries({ queryKey: queryKeys.cycles });
      void message.success(t(current ? 'setup.cycle.saved' : 'setup.cycle.created', { name: pick(c.name) }));
      onDone(c);
    },
    onError: async (e) => {
      if (!(e instanceof ApiError)) return;
      if (e.status === 409 && current) {
        setConflict(true);
        const fresh = await api
          .call('getCycle', { params: { cycleId: current.cycleId } })
          .catch(() => undefined);
        if (fresh) {
          queryClient.setQueryData(queryKeys.cycle(fresh.cycleId), fresh);
          void queryClient.invalidateQueries({ queryKey: queryKeys.cycles });
          setCurrent(fresh);
        }
      } else if (e.issues.length) showIssues(e);
    },
  });

  const dateRule = (key: DateKey) => ({
    validator: (_: unknown, value: string) => {
      if (!parseDmy(value)) return Promise.reject(new Error(t('setup.cycle.dateInvalid')));
      const dates = form.getFieldValue('dates') as Record<DateKey, string>;
      const iso = (k: DateKey) => parseDmy(dates?.[k]);
      if (
        key === 'selfAssessmentDue' &&
        iso('evidenceDue') &&
        iso('selfAssessmentDue')! < iso('evidenceDue')!
      )
        return Promise.reject(new Error(t('setup.cycle.selfBeforeEvidence')));
      if (key === 'appraisalEnd' && iso('appraisalStart') && iso('appraisalEnd')! < iso('appraisalStart')!)
        return Promise.reject(new Error(t('setup.cycle.endBeforeStart')));
      return Promise.resolve();
    },
  });

  const genericError =
    save.error instanceof ApiError && save.error.status !== 409 && !save.error.issues.length
      ? pick(save.error.text)
      : save.isError && !(save.error instanceof ApiError)
        ? t('error.network')
        : undefined;

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
        onValuesChange={() => setOtherIssues([])}
        disabled={save.isPending}
        scrollToFirstError
      >
        <Typography.Title level={3} className="mc-section-title">
          {t('setup.cycle.general')}
        </Typography.Title>
        <div className="mc-setup-grid">
          <Form.Item
            name="nameVi"
            label={t('setup.cycle.nameVi')}
            rules={[{ required: true, whitespace: true, message: t('setup.cycle.required') }]}
          >
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item
            name="nameEn"
            label={t('setup.cycle.nameEn')}
            rules={[{ required: true, whitespace: true, message: t('setup.cycle.required') }]}
          >
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item
            name="year"
            label={t('setup.cycle.year')}
            rules={[
              {
                required: true,
                type: 'integer',
                min: 2000,
                max: 2100,
                message: t('setup.cycle.yearInvalid'),
              },
            ]}
          >
            <InputNumber disabled={editing} min={2000} max={2100} className="mc-setup-number" />
          </Form.Item>
          {editing ? (
            <Form.Item name="status" label={t('setup.cycle.status')}>
              <Radio.Group
                options={[
                  { value: 'open', label: t('setup.cycle.status.open') },
                  { value: 'closed', label: t('setup.cycle.status.closed') },
                ]}
              />
            </Form.Item>
          ) : null}
        </div>

        <Typography.Title level={3} className="mc-section-title">
          {t('setup.cycle.frameworkSection')}
        </Typography.Title>
        {editing && current ? (
          <p className="mc-wrap" data-testid="cycle-framework-fixed">
            {t('setup.cycle.frameworkFixed', { id: current.frameworkId, version: current.frameworkVersion })}
            {current.trackedFrameworks?.length
              ? ` · ${t('setup.cycle.trackedList', {
                  list: current.trackedFrameworks.map((x) => `${x.frameworkId} v${x.version}`).join(', '),
                })}`
              : ''}
          </p>
        ) : (
          <div className="mc-setup-grid">
            <Form.Item
              name="frameworkId"
              label={t('setup.cycle.framework')}
              rules={[{ required: true, message: t('setup.cycle.frameworkRequired') }]}
              extra={t('setup.cycle.frameworkHint')}
            >
              <Select
                loading={heads.isPending}
                showSearch={{ optionFilterProp: 'label' }}
                options={published.map((h) => ({
                  value: h.frameworkId,
                  label: `${pick(h.name)} (${h.frameworkId})`,
                }))}
                onChange={(id: string) => {
                  const h = published.find((x) => x.frameworkId === id);
                  form.setFieldsValue({
                    frameworkVersion: h?.latestPublishedVersion,
                    tracked: (form.getFieldValue('tracked') as string[]).filter(
                      (x) => !x.startsWith(`${id}@`),
                    ),
                  });
                }}
              />
            </Form.Item>
            <Form.Item
              name="frameworkVersion"
              label={t('setup.cycle.frameworkVersion')}
              rules={[{ required: true, message: t('setup.cycle.versionRequired') }]}
            >
              <Select loading={versions.isFetching} options={versionOptions} disabled={!frameworkId} />
            </Form.Item>
            <Form.Item name="tracked" label={t('setup.cycle.tracked')} extra={t('setup.cycle.trackedHint')}>
              <Select mode="multiple" options={trackedOptions} loading={heads.isPending} />
            </Form.Item>
          </div>
        )}
        {heads.isError ? <Alert type="error" showIcon title={t('setup.cycle.frameworksFailed')} /> : null}

        <Typography.Title level={3} className="mc-section-title">
          {t('setup.cycle.entitiesSection')}
        </Typography.Title>
        <Form.Item
          name="entityIds"
          label={t('setup.cycle.entities')}
          rules={[{ required: true, type: 'array', min: 1, message: t('setup.cycle.entitiesRequired') }]}
          extra={t('setup.cycle.entitiesHint')}
        >
          <Select
            mode="tags"
            loading={entities.isPending}
            options={entityOptions}
            showSearch={{ optionFilterProp: 'label' }}
            tokenSeparators={[',', ' ']}
          />
        </Form.Item>

        <Typography.Title level={3} className="mc-section-title">
          {t('setup.cycle.datesSection')}
        </Typography.Title>
        <p className="mc-muted">{t('setup.cycle.datesHint')}</p>
        <div className="mc-setup-grid mc-setup-dates">
          {DATE_KEYS.map((k) => (
            <Form.Item
              key={k}
              name={['dates', k]}
              label={t(DATE_LABEL[k])}
              rules={[dateRule(k)]}
              dependencies={
                k === 'selfAssessmentDue'
                  ? [['dates', 'evidenceDue']]
                  : k === 'appraisalEnd'
                    ? [['dates', 'appraisalStart']]
                    : []
              }
            >
              <Input inputMode="numeric" placeholder="dd/mm/yyyy" maxLength={10} />
            </Form.Item>
          ))}
        </div>

        <Typography.Title level={3} className="mc-section-title">
          {t('setup.cycle.evidenceSection')}
        </Typography.Title>
        <Form.Item name="evidencePolicy" label={t('setup.cycle.evidencePolicy')}>
          <Radio.Group className="mc-setup-radios">
            <Radio value="available">{t('setup.cycle.policy.available')}</Radio>
            <Radio value="accepted">{t('setup.cycle.policy.accepted')}</Radio>
          </Radio.Group>
        </Form.Item>
        <div className="mc-setup-grid">
          <Form.Item
            name="maxFileMb"
            label={t('setup.cycle.maxFileMb')}
            rules={[
              {
                required: true,
                type: 'number',
                min: 0.1,
                max: 5120,
                message: t('setup.cycle.maxFileInvalid'),
              },
            ]}
          >
            <InputNumber min={0.1} max={5120} step={1} decimalSeparator="," className="mc-setup-number" />
          </Form.Item>
        </div>
        <Form.Item
          name="allowedKinds"
          label={t('setup.cycle.allowedKinds')}
          rules={[{ required: true, type: 'array', min: 1, message: t('setup.cycle.kindsRequired') }]}
        >
          <Checkbox.Group options={FILE_KINDS.map((k) => ({ value: k, label: k.toUpperCase() }))} />
        </Form.Item>

        {otherIssues.length ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            className="mc-gap"
            title={t('setup.cycle.issues')}
            description={
              <ul className="mc-setup-list">
                {otherIssues.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        {genericError ? (
          <Alert type="error" showIcon role="alert" className="mc-gap" title={genericError} />
        ) : null}
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
