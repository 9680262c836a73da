/**
 * The assignment matrix: criteria of one framework (rows, grouped by area) × the entity's units (columns).
 * A cell lists the tasks of that unit that cover the criterion (directly, or through its area) with their due
 * dates; clicking it opens the cell's editor. The table scrolls sideways inside its own box with the criterion
 * column pinned; on a phone each criterion is a card with one line per unit.
 */
import { Button, Card, Checkbox, Grid, Input, Select, Tag } from 'antd';
import { useId, useMemo, useState } from 'react';
import type { EntityWithUnits, FrameworkNode } from '../../../api/types.ts';
import { EmptyState } from '../../../common/states.tsx';
import { fold, formatIsoDate, formatNumber } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type Assignment, cellTasks, taskLabel } from './data.ts';

type Unit = EntityWithUnits['units'][number];

export interface CellRef {
  node: FrameworkNode;
  unit: Unit;
}

const byCode = (a: string, b: string) => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d) return d;
  }
  return 0;
};

export function AssignmentMatrix({
  frameworkId,
  nodes,
  units,
  assignments,
  onOpen,
}: {
  frameworkId: string;
  nodes: readonly FrameworkNode[];
  units: readonly Unit[];
  assignments: readonly Assignment[];
  onOpen(cell: CellRef): void;
}) {
  const { t, pick, lang } = useI18n();
  const phone = !(Grid.useBreakpoint().md ?? true);
  const [area, setArea] = useState<string | undefined>();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [unassigned, setUnassigned] = useState(false);
  const [search, setSearch] = useState('');
  const ids = { area: useId(), unit: useId(), search: useId() };

  const sorted = useMemo(() => [...nodes].sort((a, b) => byCode(a.code, b.code)), [nodes]);
  const areas = sorted.filter((n) => !n.code.includes('.'));
  const shownUnits = unitId ? units.filter((u) => u.unitId === unitId) : units;
  const assignedAnywhere = (code: string) =>
    units.some((u) => cellTasks(assignments, frameworkId, code, u.unitId).length > 0);

  const q = fold(search);
  const rows = sorted.filter((n) => {
    if (!n.code.includes('.')) return false;
    if (area && !n.code.startsWith(`${area}.`)) return false;
    if (unassigned && assignedAnywhere(n.code)) return false;
    if (q && !fold(`${n.code} ${n.title.vi} ${n.title.en}`).includes(q)) return false;
    return true;
  });
  const groups = areas
    .map((a) => ({ area: a, rows: rows.filter((r) => r.code.startsWith(`${a.code}.`)) }))
    .filter((g) => g.rows.length > 0);
  const total = sorted.filter((n) => n.code.includes('.')).length;
  const unitName = (u: Unit) => pick(u.name);

  const cellContent = (node: FrameworkNode, unit: Unit) => {
    const tasks = cellTasks(assignments, frameworkId, node.code, unit.unitId);
    const label = t(tasks.length ? 'people.assign.editCell' : 'people.assign.assignCell', {
      code: node.code,
      unit: unitName(unit),
    });
    return (
      <Button
        type="text"
        className={tasks.length ? 'mc-matrix-cell' : 'mc-matrix-cell mc-matrix-empty'}
        aria-label={label}
        title={label}
        onClick={() => onOpen({ node, unit })}
        data-testid={`cell-${node.code}-${unit.unitId}`}
      >
        {tasks.length ? (
          tasks.map(({ assignment: a, direct }) => (
            <span key={a.assignmentId} className={direct ? 'mc-matrix-task' : 'mc-matrix-task mc-muted'}>
              <strong>{taskLabel(a)}</strong> · {formatIsoDate(a.dueDate)}
              {direct ? null : ` (${t('people.assign.viaArea')})`}
            </span>
          ))
        ) : (
          <span className="mc-muted">+</span>
        )}
      </Button>
    );
  };

  return (
    <>
      <div className="mc-filters">
        <div className="mc-filter mc-filter-search">
          <label htmlFor={ids.search}>{t('people.assign.search')}</label>
          <Input
            id={ids.search}
            allowClear
            value={search}
            placeholder={t('people.assign.searchPlaceholder')}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div className="mc-filter">
          <label htmlFor={ids.area}>{t('people.assign.area')}</label>
          <Select
            id={ids.area}
            className="mc-filter-select"
            allowClear
            value={area}
            placeholder={t('people.all')}
            onChange={(v) => setArea(v)}
            options={areas.map((a) => ({ value: a.code, label: `${a.code}. ${pick(a.title)}` }))}
            popupMatchSelectWidth={false}
          />
        </div>
        <div className="mc-filter">
          <label htmlFor={ids.unit}>{t('people.assign.unit')}</label>
          <Select
            id={ids.unit}
            className="mc-filter-select"
            allowClear
            value={unitId}
            placeholder={t('people.all')}
            onChange={(v) => setUnitId(v)}
            options={units.map((u) => ({ value: u.unitId, label: unitName(u) }))}
            popupMatchSelectWidth={false}
          />
        </div>
        <Checkbox checked={unassigned} onChange={(e) => setUnassigned(e.target.checked)}>
          {t('people.assign.unassignedOnly')}
        </Checkbox>
        <span className="mc-muted mc-filter-count" aria-live="polite">
          {t('people.assign.count', {
            shown: formatNumber(rows.length, lang),
            total: formatNumber(total, lang),
          })}
        </span>
      </div>

      {groups.length === 0 ? (
        <Card>
          <EmptyState>{t('people.assign.none')}</EmptyState>
        </Card>
      ) : phone ? (
        <div className="mc-matrix-list" data-testid="assignment-list">
          {groups.map((g) => (
            <section key={g.area.code} className="mc-section">
              <h3 className="mc-matrix-area-title">
                {g.area.code}. {pick(g.area.title)}
              </h3>
              {g.rows.map((n) => (
                <Card key={n.code} size="small" className="mc-matrix-card">
                  <div className="mc-wrap">
                    <strong>{n.code}</strong> {pick(n.title)}
                  </div>
                  <ul className="mc-matrix-card-units">
                    {shownUnits.map((u) => (
                      <li key={u.unitId}>
                        <span className="mc-wrap mc-matrix-card-unit">{unitName(u)}</span>
                        {cellContent(n, u)}
                      </li>
                    ))}
                  </ul>
                </Card>
              ))}
            </section>
          ))}
        </div>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
        <section className="mc-matrix-wrap" aria-label={t('people.assign.matrix')} tabIndex={0}>
          <table className="mc-matrix" data-testid="assignment-matrix">
            <thead>
              <tr>
                <th scope="col" className="mc-matrix-sticky">
                  {t('people.assign.criterion')}
                </th>
                {shownUnits.map((u) => (
                  <th scope="col" key={u.unitId}>
                    {unitName(u)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => [
                <tr key={g.area.code} className="mc-matrix-area">
                  <th scope="colgroup" colSpan={shownUnits.length + 1}>
                    <span className="mc-matrix-area-title">
                      {g.area.code}. {pick(g.area.title)}
                    </span>
                  </th>
                </tr>,
                ...g.rows.map((n) => (
                  <tr key={n.code}>
                    <th scope="row" className="mc-matrix-sticky">
                      <span className="mc-wrap">
                        <strong>{n.code}</strong> {pick(n.title)}
                      </span>
                      {assignedAnywhere(n.code) ? null : (
                        <Tag color="warning" className="mc-matrix-unassigned">
                          {t('people.assign.unassigned')}
                        </Tag>
                      )}
                    </th>
                    {shownUnits.map((u) => (
                      <td key={u.unitId}>{cellContent(n, u)}</td>
                    ))}
                  </tr>
                )),
              ])}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
