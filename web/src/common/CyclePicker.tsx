/**
 * The head of the pages that work on one cycle and one assessed entity ("Việc của tôi", "Tổng quan"): the cycle
 * select, the entity select when there is a choice, and the cycle's status. The page keeps both in its URL.
 */
import { Select, Tag } from 'antd';
import { useId } from 'react';
import type { Cycle } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function CyclePicker(props: {
  cycles: readonly Cycle[];
  cycle: Cycle;
  entityId?: string;
  /** The entities to choose from; the select shows only when there is more than one. */
  entityChoices: readonly string[];
  entityLabel(entityId: string): string;
  onChoose(kind: 'cycle' | 'entity', value: string): void;
  /** Type to filter the entities (admins and reviewers may see many). */
  searchEntities?: boolean;
}) {
  const { t, pick } = useI18n();
  const cycleSelectId = useId();
  const entitySelectId = useId();
  const { cycle } = props;
  return (
    <div className="mc-cycle-head">
      <div className="mc-filter">
        <label htmlFor={cycleSelectId}>{t('home.cycle')}</label>
        <Select
          id={cycleSelectId}
          className="mc-cycle-select"
          value={cycle.cycleId}
          onChange={(v) => props.onChoose('cycle', v)}
          options={props.cycles.map((c) => ({ value: c.cycleId, label: pick(c.name) }))}
        />
      </div>
      {props.entityChoices.length > 1 ? (
        <div className="mc-filter">
          <label htmlFor={entitySelectId}>{t('home.entity')}</label>
          <Select
            id={entitySelectId}
            className={`mc-cycle-select${props.searchEntities ? ' mc-dash-entity-select' : ''}`}
            value={props.entityId}
            onChange={(v) => props.onChoose('entity', v)}
            showSearch={props.searchEntities ? { optionFilterProp: 'label' } : undefined}
            options={props.entityChoices.map((e) => ({ value: e, label: props.entityLabel(e) }))}
          />
        </div>
      ) : null}
      <Tag color={cycle.status === 'open' ? 'green' : 'default'}>{t(`home.status.${cycle.status}`)}</Tag>
    </div>
  );
}
