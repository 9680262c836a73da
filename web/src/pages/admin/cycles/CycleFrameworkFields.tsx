/**
 * The cycle form's framework section: a new cycle chooses the scored framework, one of its published versions,
 * and the tracked frameworks (another framework's latest published version); once opened these are fixed and
 * only shown.
 */
import { Alert, Form, Select, Typography } from 'antd';
import type { Cycle } from '../../../api/types.ts';
import { useFrameworkHeads, useFrameworkVersions } from '../../../common/admin/frameworks.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { CycleFormValues } from './model.ts';

function FixedFramework({ cycle }: { cycle: Cycle }) {
  const { t } = useI18n();
  return (
    <p className="mc-wrap" data-testid="cycle-framework-fixed">
      {t('setup.cycle.frameworkFixed', { id: cycle.frameworkId, version: cycle.frameworkVersion })}
      {cycle.trackedFrameworks?.length
        ? ` · ${t('setup.cycle.trackedList', {
            list: cycle.trackedFrameworks.map((x) => `${x.frameworkId} v${x.version}`).join(', '),
          })}`
        : ''}
    </p>
  );
}

function FrameworkChoice({ heads }: { heads: ReturnType<typeof useFrameworkHeads> }) {
  const { t, pick } = useI18n();
  const form = Form.useFormInstance<CycleFormValues>();
  const frameworkId = Form.useWatch('frameworkId', form);
  const versions = useFrameworkVersions(frameworkId);
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
  // Choosing a framework proposes its latest published version and drops it from the tracked ones.
  const onFrameworkChange = (id: string) => {
    const h = published.find((x) => x.frameworkId === id);
    form.setFieldsValue({
      frameworkVersion: h?.latestPublishedVersion,
      tracked: (form.getFieldValue('tracked') as string[]).filter((x) => !x.startsWith(`${id}@`)),
    });
  };
  return (
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
          onChange={onFrameworkChange}
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
  );
}

/** `cycle`: the cycle being edited (its frameworks are fixed); absent for a new cycle. */
export function CycleFrameworkFields({ cycle }: { cycle?: Cycle }) {
  const { t } = useI18n();
  const heads = useFrameworkHeads();
  return (
    <>
      <Typography.Title level={3} className="mc-section-title">
        {t('setup.cycle.frameworkSection')}
      </Typography.Title>
      {cycle ? <FixedFramework cycle={cycle} /> : <FrameworkChoice heads={heads} />}
      {heads.isError ? <Alert type="error" showIcon title={t('setup.cycle.frameworksFailed')} /> : null}
    </>
  );
}
