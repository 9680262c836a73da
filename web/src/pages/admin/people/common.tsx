/** Pieces the four admin screens share: the cycle and entity pickers (kept in the URL) and error display. */
import { useQueries } from '@tanstack/react-query';
import { Alert, type FormInstance, Select } from 'antd';
import { useId } from 'react';
import { ApiError } from '../../../api/client.ts';
import type { EntityWithUnits } from '../../../api/types.ts';
import { useServices } from '../../../app/context.tsx';
import { queryKeys } from '../../../app/queries.ts';
import { CycleGate } from '../../../common/CycleGate.tsx';
import { useCycleFromUrl } from '../../../common/cycle-choice.ts';
import { useI18n } from '../../../i18n/i18n.tsx';

/** The chosen cycle and entity (URL `?cycle=&entity=`), defaulting to the newest open cycle and its first entity. */
export function useCycleChoice() {
  const { cycles, cycle, params, choose } = useCycleFromUrl();
  const requested = params.get('entity');
  const entityId = cycle ? (cycle.entityIds.find((e) => e === requested) ?? cycle.entityIds[0]) : undefined;
  return { cycles, cycle, entityId, choose };
}

/** Names of entities by id (every entity of every cycle the admin sees). */
export function useEntityNames(entityIds: readonly string[]) {
  const { api } = useServices();
  const results = useQueries({
    queries: entityIds.map((entityId) => ({
      queryKey: queryKeys.entity(entityId),
      queryFn: () => api.call('getEntity', { params: { entityId } }),
      staleTime: 10 * 60_000,
    })),
  });
  const byId = new Map<string, EntityWithUnits>();
  results.forEach((r, i) => {
    if (r.data) byId.set(entityIds[i]!, r.data);
  });
  return byId;
}

/** Loading / error / no-cycle states around a page that needs a cycle (the shared gate). */
export { CycleGate };

export function CyclePicker({
  choice,
  withEntity = true,
}: {
  choice: ReturnType<typeof useCycleChoice>;
  withEntity?: boolean;
}) {
  const { t, pick } = useI18n();
  const cycleId = useId();
  const entityId = useId();
  const { cycles, cycle } = choice;
  const names = useEntityNames(cycle?.entityIds ?? []);
  if (!cycles.data || !cycle) return null;
  return (
    <>
      <div className="mc-filter">
        <label htmlFor={cycleId}>{t('home.cycle')}</label>
        <Select
          id={cycleId}
          className="mc-cycle-select"
          value={cycle.cycleId}
          onChange={(v) => choice.choose('cycle', v)}
          options={cycles.data.map((c) => ({ value: c.cycleId, label: pick(c.name) }))}
        />
      </div>
      {withEntity ? (
        <div className="mc-filter">
          <label htmlFor={entityId}>{t('home.entity')}</label>
          <Select
            id={entityId}
            className="mc-cycle-select"
            value={choice.entityId}
            onChange={(v) => choice.choose('entity', v)}
            options={cycle.entityIds.map((e) => {
              const entity = names.get(e)?.entity;
              return { value: e, label: entity ? pick(entity.name) : e };
            })}
          />
        </div>
      ) : null}
    </>
  );
}

/**
 * Puts the server's field issues on the form's fields (`body.email` → `email`); returns the issues no field
 * showed, for an alert.
 */
export function applyIssues(
  form: FormInstance,
  error: unknown,
  fields: readonly string[],
  pick: (b: { vi: string; en: string }) => string,
) {
  if (!(error instanceof ApiError)) return [];
  const rest: ApiError['issues'] = [];
  const byField = new Map<string, string[]>();
  for (const issue of error.issues) {
    const name = issue.field.replace(/^body\./, '').split('.')[0] ?? '';
    if (fields.includes(name)) byField.set(name, [...(byField.get(name) ?? []), pick(issue.message)]);
    else rest.push(issue);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return rest;
}

/** A failed mutation: the server's message (in the current language) and any issues not shown on a field. */
export function MutationError({ error, issues }: { error: unknown; issues?: ApiError['issues'] }) {
  const { t, pick } = useI18n();
  if (!error) return null;
  const list = issues ?? (error instanceof ApiError ? error.issues : []);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="mc-section"
      title={error instanceof ApiError ? pick(error.text) : t('error.network')}
      description={
        list.length ? (
          <ul className="mc-issues">
            {list.map((i) => (
              <li key={`${i.field}-${i.message.vi}`}>{pick(i.message)}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

/** Is this the server's "someone changed it first" answer? */
export const isConflict = (e: unknown) => e instanceof ApiError && e.status === 409;
