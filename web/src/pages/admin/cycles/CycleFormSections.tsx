/**
 * The cycle form's plain sections: general (names, year — fixed once opened — and, when editing, open or
 * closed), the assessed entities (known ones to choose from, or any id typed), and which evidence counts with
 * the upload limits.
 */
import { Checkbox, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { FILE_KINDS } from '#domain/file-types.ts';
import type { Cycle } from '../../../api/types.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useEntityOptions } from './useEntityOptions.ts';

function SectionTitle({ children }: { children: string }) {
  return (
    <Typography.Title level={3} className="mc-section-title">
      {children}
    </Typography.Title>
  );
}

export function GeneralFields({ editing }: { editing: boolean }) {
  const { t } = useI18n();
  const required = [{ required: true, whitespace: true, message: t('setup.cycle.required') }];
  return (
    <>
      <SectionTitle>{t('setup.cycle.general')}</SectionTitle>
      <div className="mc-setup-grid">
        <Form.Item name="nameVi" label={t('setup.cycle.nameVi')} rules={required}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('setup.cycle.nameEn')} rules={required}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item
          name="year"
          label={t('setup.cycle.year')}
          rules={[
            { required: true, type: 'integer', min: 2000, max: 2100, message: t('setup.cycle.yearInvalid') },
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
    </>
  );
}

/** `cycles`: every cycle, whose entities (and their provinces' entities) are the ones offered. */
export function EntityFields({ cycles }: { cycles: Cycle[] }) {
  const { t, pick } = useI18n();
  const entities = useEntityOptions(cycles);
  const options = (entities.data ?? []).map((e) => ({
    value: e.entityId,
    label: `${pick(e.name)} (${e.entityId})`,
  }));
  return (
    <>
      <SectionTitle>{t('setup.cycle.entitiesSection')}</SectionTitle>
      <Form.Item
        name="entityIds"
        label={t('setup.cycle.entities')}
        rules={[{ required: true, type: 'array', min: 1, message: t('setup.cycle.entitiesRequired') }]}
        extra={t('setup.cycle.entitiesHint')}
      >
        <Select
          mode="tags"
          loading={entities.isPending}
          options={options}
          showSearch={{ optionFilterProp: 'label' }}
          tokenSeparators={[',', ' ']}
        />
      </Form.Item>
    </>
  );
}

export function EvidenceFields() {
  const { t } = useI18n();
  return (
    <>
      <SectionTitle>{t('setup.cycle.evidenceSection')}</SectionTitle>
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
            { required: true, type: 'number', min: 0.1, max: 5120, message: t('setup.cycle.maxFileInvalid') },
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
    </>
  );
}
