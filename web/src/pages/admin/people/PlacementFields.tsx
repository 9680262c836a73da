/** The placement part of the user forms (role, entity, unit, scope) and its conversions to and from the API's user. */
import { Form, Input, Select } from 'antd';
import type { EntityWithUnits } from '../../../api/types.ts';
import { useEntity } from '../../../app/reference.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ROLE_CHOICES, type Role, type UserProfile, type UserScope } from './data.ts';

export interface PlacementFields {
  email?: string;
  name: string;
  role: Role;
  entityId?: string;
  unitId?: string;
  scopeKind?: 'all' | 'province' | 'entities';
  province?: string;
  scopeEntityIds?: string[];
}

export const FIELDS = ['email', 'name', 'role', 'entityId', 'unitId', 'scope'] as const;
const placed = (role: Role | undefined) => role === 'member' || role === 'leader';

export function scopeOf(v: PlacementFields): UserScope | undefined {
  if (placed(v.role) || !v.scopeKind) return undefined;
  if (v.scopeKind === 'province') return { kind: 'province', province: (v.province ?? '').trim() };
  if (v.scopeKind === 'entities') return { kind: 'entities', entityIds: v.scopeEntityIds ?? [] };
  return { kind: 'all' };
}

export function fieldsOf(u: UserProfile): PlacementFields {
  return {
    name: u.name,
    role: u.role,
    entityId: u.entityId,
    unitId: u.unitId,
    scopeKind: u.scope?.kind ?? 'all',
    province: u.scope?.kind === 'province' ? u.scope.province : undefined,
    scopeEntityIds: u.scope?.kind === 'entities' ? u.scope.entityIds : undefined,
  };
}

/** An administrator's or reviewer's scope: everything, one province, or a list of entities. */
function ScopeFields({
  scopeKind,
  entityOptions,
}: {
  scopeKind: PlacementFields['scopeKind'];
  entityOptions: { value: string; label: string }[];
}) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="scopeKind" label={t('people.users.scope')} extra={t('people.users.scopeHint')}>
        <Select
          options={(['all', 'province', 'entities'] as const).map((k) => ({
            value: k,
            label: t(`people.scope.${k}`),
          }))}
        />
      </Form.Item>
      {scopeKind === 'province' ? (
        <Form.Item
          name="province"
          label={t('people.users.province')}
          rules={[{ required: true, whitespace: true, message: t('people.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
      ) : null}
      {scopeKind === 'entities' ? (
        <Form.Item
          name="scopeEntityIds"
          label={t('people.users.scopeEntities')}
          rules={[{ required: true, message: t('people.required') }]}
        >
          <Select mode="multiple" options={entityOptions} />
        </Form.Item>
      ) : null}
    </>
  );
}

export function PlacementFieldsBlock({
  entities,
  selfLocked,
}: {
  entities: Map<string, EntityWithUnits>;
  selfLocked: boolean;
}) {
  const { t, pick } = useI18n();
  const form = Form.useFormInstance<PlacementFields>();
  const role = Form.useWatch('role', form);
  const entityId = Form.useWatch('entityId', form);
  const scopeKind = Form.useWatch('scopeKind', form);
  const entity = useEntity(entityId);
  const entityOptions = [...entities.entries()].map(([id, e]) => ({ value: id, label: pick(e.entity.name) }));
  return (
    <>
      <Form.Item
        name="role"
        label={t('people.users.role')}
        rules={[{ required: true, message: t('people.required') }]}
        extra={selfLocked ? t('people.users.selfRole') : undefined}
      >
        <Select
          disabled={selfLocked}
          options={ROLE_CHOICES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="entityId"
        label={t('people.users.entity')}
        rules={placed(role) ? [{ required: true, message: t('people.users.entityRequired') }] : []}
      >
        <Select
          allowClear
          options={entityOptions}
          onChange={() => form.setFieldValue('unitId', undefined)}
          placeholder={t('people.users.noEntity')}
        />
      </Form.Item>
      <Form.Item
        name="unitId"
        label={t('people.users.unit')}
        rules={placed(role) ? [{ required: true, message: t('people.users.unitRequired') }] : []}
      >
        <Select
          allowClear
          disabled={!entityId}
          loading={entity.isFetching}
          options={(entity.data?.units ?? []).map((u) => ({ value: u.unitId, label: pick(u.name) }))}
          placeholder={t('people.users.noUnit')}
        />
      </Form.Item>
      {placed(role) ? null : <ScopeFields scopeKind={scopeKind} entityOptions={entityOptions} />}
    </>
  );
}

/** The body fields both forms send: name, role, and the entity and unit or the scope, when set. */
export function placementBody(v: PlacementFields) {
  const scope = scopeOf(v);
  return {
    name: v.name.trim(),
    role: v.role,
    ...(v.entityId ? { entityId: v.entityId } : {}),
    ...(v.unitId ? { unitId: v.unitId } : {}),
    ...(scope ? { scope } : {}),
  };
}

export function NameField() {
  const { t } = useI18n();
  return (
    <Form.Item
      name="name"
      label={t('people.users.name')}
      rules={[{ required: true, whitespace: true, message: t('people.required') }]}
    >
      <Input maxLength={200} />
    </Form.Item>
  );
}
