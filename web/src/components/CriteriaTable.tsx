/**
 * The criteria an entity must prove, from the readiness result, labelled from the cycle's framework: a tree of
 * the framework's areas (each with its roll-up from the readiness response's byNode, open or closed) and their
 * criteria (coverage, slot status and status badges), the unit's own criteria first ("Việc của tôi"), filters by
 * area and status, and a search over codes, titles and document types that ignores diacritics ("ke hoach"
 * finds "Kế hoạch") and opens the areas it finds something in. Grouping and filtering: home/model.ts.
 */
import { CaretDownOutlined, CaretRightOutlined, CloseCircleFilled, SearchOutlined } from '@ant-design/icons';
import { Button, Grid, Input, Progress, Segmented, Select, Table, type TableColumnsType, Tag } from 'antd';
import { useId, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CriterionReadiness, Readiness } from '../api/types.ts';
import type { CriterionInfo } from '../app/reference.ts';
import { fold, formatNumber, formatPercent } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { areaOf, compareCodes, filterCriteria, groupByArea, openAreas } from './home/model.ts';
import {
  CRITERION_STATUSES,
  type CriterionStatus,
  criterionStatus,
  docTypeLabel,
  STATUS_COLOR,
} from './labels.ts';
import { STATE_TAG_COLOR } from './ScorePanel.tsx';
import { EmptyState } from './states.tsx';

export { compareCodes };

export function criterionPath(cycleId: string, entityId: string, code: string): string {
  return `/cycles/${encodeURIComponent(cycleId)}/entities/${encodeURIComponent(entityId)}/criteria/${encodeURIComponent(code)}`;
}

/** A slot's label: the framework's own wording, else the document type's name. */
export function useSlotLabel(info?: CriterionInfo) {
  const { t, pick } = useI18n();
  return (kind: string) => {
    const label = info?.slotLabel(kind);
    return label ? pick(label) : docTypeLabel(kind, t);
  };
}

export function SlotList({ criterion, info }: { criterion: CriterionReadiness; info?: CriterionInfo }) {
  const { t } = useI18n();
  const label = useSlotLabel(info);
  return (
    <ul className="mc-slots">
      {criterion.slots.map((s) => (
        <li key={s.kind}>
          <Tag color={s.filled ? 'green' : s.fill > 0 ? 'gold' : 'default'} className="mc-slot-tag">
            {label(s.kind)} {t('slot.count', { count: Math.min(s.count, s.minCount), min: s.minCount })}
          </Tag>
        </li>
      ))}
    </ul>
  );
}

function StatusTag({ criterion }: { criterion: CriterionReadiness }) {
  const { t } = useI18n();
  const s = criterionStatus(criterion);
  const review = criterion.state && criterion.state !== 'draft' ? criterion.state : undefined;
  return (
    <>
      <Tag color={STATUS_COLOR[s]} className="mc-status-tag">
        {t(`status.${s}`)}
      </Tag>
      {review ? (
        <Tag color={STATE_TAG_COLOR[review]} className="mc-status-tag" data-testid="row-review-state">
          {t(`review.state.${review}`)}
        </Tag>
      ) : null}
    </>
  );
}

type Scope = 'mine' | 'all';
type AreaNode = Readiness['byNode'][number];

/** A row of the tree: an area (with its criteria as children) or a criterion. */
type Row =
  | { kind: 'area'; key: string; area: string; node?: AreaNode; children: Row[] }
  | { kind: 'criterion'; key: string; c: CriterionReadiness };

const areaKey = (area: string) => `area:${area}`;

export function CriteriaTable({
  cycleId,
  entityId,
  criteria,
  info,
  myUnit,
  byNode = [],
}: {
  cycleId: string;
  entityId: string;
  criteria: CriterionReadiness[];
  info: Map<string, CriterionInfo>;
  /** The user's unit and its name: their criteria are shown first, the rest one click away. */
  myUnit?: { unitId: string; name?: string };
  /** The readiness response's roll-ups per framework node: the areas' figures. */
  byNode?: AreaNode[];
}) {
  const { t, lang, pick } = useI18n();
  const navigate = useNavigate();
  const narrow = !(Grid.useBreakpoint().sm ?? true);
  const unitsOf = (c: CriterionReadiness) => c.unitIds ?? [];
  const mineCount = myUnit ? criteria.filter((c) => unitsOf(c).includes(myUnit.unitId)).length : 0;
  const [scope, setScope] = useState<Scope>(mineCount > 0 ? 'mine' : 'all');
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<CriterionStatus | 'all'>('all');
  const [area, setArea] = useState<string>('all');
  /** Areas the user closed; everything else is open. */
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const searchId = useId();
  const filterId = useId();
  const areaId = useId();
  const scopeId = useId();

  const areaTitle = (code: string) => {
    const title = info.get(code)?.node.title;
    return title ? pick(title) : undefined;
  };
  const areaLabel = (code: string) => {
    const title = areaTitle(code);
    return title ? `${code}. ${title}` : t('home.tree.areaCode', { code });
  };
  const areas = useMemo(
    () => [...new Set(criteria.map((c) => areaOf(c.code)))].sort(compareCodes),
    [criteria],
  );

  const shown = useMemo(() => {
    const i18nHaystack = (c: CriterionReadiness) => {
      const i = info.get(c.code);
      // Both languages' words: a user may type either.
      return fold(
        [
          c.code,
          i?.node.title.vi,
          i?.node.title.en,
          ...c.slots.flatMap((s) => [
            s.kind,
            docTypeLabel(s.kind, t),
            i?.slotLabel(s.kind)?.vi,
            i?.slotLabel(s.kind)?.en,
          ]),
        ].join(' '),
      );
    };
    return filterCriteria(criteria, {
      query: fold(query),
      unitId: scope === 'mine' && myUnit ? myUnit.unitId : undefined,
      area: area === 'all' ? undefined : area,
      status: status === 'all' ? undefined : (c) => criterionStatus(c) === status,
      haystack: i18nHaystack,
    });
  }, [criteria, query, status, scope, area, myUnit, info, t]);

  const groups = useMemo(() => groupByArea(shown), [shown]);
  const rows: Row[] = groups.map((g) => ({
    kind: 'area',
    key: areaKey(g.area),
    area: g.area,
    node: byNode.find((n) => n.code === g.area),
    children: g.criteria.map((c) => ({ kind: 'criterion', key: c.code, c })),
  }));
  const open = openAreas(groups, closed);
  const toggle = (code: string) =>
    setClosed((prev) => {
      const next = new Set(prev);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });

  const areaSummary = (r: Extract<Row, { kind: 'area' }>) =>
    r.node ? (
      <span className="mc-area-rollup" data-testid="area-rollup">
        <span>
          {t('home.tree.rollup', {
            complete: r.node.completeCount,
            total: r.node.criteriaCount,
            percent: formatPercent(r.node.completenessPercent, lang),
          })}
        </span>
        <span>
          {' · '}
          {t('home.tree.points', {
            points: formatNumber(r.node.projectedPoints, lang),
            max: formatNumber(r.node.maxPoints, lang),
          })}
        </span>
      </span>
    ) : null;

  const columns: TableColumnsType<Row> = [
    {
      key: 'code',
      title: t('criteria.code'),
      render: (_, r) => {
        if (r.kind === 'area') {
          const isOpen = open.includes(r.area);
          const total = r.node?.criteriaCount;
          return (
            <div className="mc-area-cell">
              <button
                type="button"
                className="mc-area-toggle"
                aria-expanded={isOpen}
                aria-label={t(isOpen ? 'home.tree.collapse' : 'home.tree.expand', { code: r.area })}
                data-testid="area-toggle"
                data-area={r.area}
                onClick={(e) => {
                  e.stopPropagation();
                  toggle(r.area);
                }}
              >
                {isOpen ? <CaretDownOutlined aria-hidden /> : <CaretRightOutlined aria-hidden />}
              </button>
              <div className="mc-area-text">
                <span className="mc-area-title">{areaLabel(r.area)}</span>
                {total !== undefined && r.children.length !== total ? (
                  <span className="mc-muted">
                    {' '}
                    ({t('home.tree.shownOf', { shown: r.children.length, total })})
                  </span>
                ) : null}
                <div className="mc-only-narrow mc-muted">{areaSummary(r)}</div>
              </div>
            </div>
          );
        }
        const { c } = r;
        const i = info.get(c.code);
        return (
          <div>
            <Link
              to={criterionPath(cycleId, entityId, c.code)}
              aria-label={t('criteria.open', { code: c.code })}
              className="mc-code-link"
              onClick={(e) => e.stopPropagation()}
            >
              {c.code}
            </Link>
            {i ? <span className="mc-criterion-title"> {pick(i.node.title)}</span> : null}
            {i && i.path.length > 1 ? (
              <div className="mc-muted mc-wrap">{pick(i.path[i.path.length - 1]!.title)}</div>
            ) : null}
            <div className="mc-only-narrow">
              <SlotList criterion={c} info={i} />
              <StatusTag criterion={c} />
            </div>
          </div>
        );
      },
    },
    {
      key: 'slots',
      title: t('criteria.slots'),
      responsive: ['md'],
      width: '28%',
      render: (_, r) =>
        r.kind === 'area' ? (
          <span className="mc-muted">{areaSummary(r)}</span>
        ) : (
          <SlotList criterion={r.c} info={info.get(r.c.code)} />
        ),
    },
    {
      key: 'coverage',
      title: t('criteria.coverage'),
      width: 130,
      render: (_, r) => {
        const percent = r.kind === 'area' ? (r.node?.coveragePercent ?? 0) : r.c.coverage * 100;
        const code = r.kind === 'area' ? t('home.tree.areaCode', { code: r.area }) : r.c.code;
        return r.kind === 'area' && !r.node ? null : (
          <Progress
            percent={Math.round(percent)}
            size="small"
            aria-label={`${t('criteria.coverage')} ${code}`}
            format={(p) => `${formatNumber(p ?? 0, lang, 0)}%`}
          />
        );
      },
    },
    {
      key: 'max',
      title: t('criteria.maxPoints'),
      responsive: ['lg'],
      align: 'right',
      width: 105,
      render: (_, r) =>
        r.kind === 'area' ? (
          r.node ? (
            <strong>{formatNumber(r.node.maxPoints, lang)}</strong>
          ) : null
        ) : (
          formatNumber(r.c.maxPoints, lang)
        ),
    },
    {
      key: 'self',
      title: t('criteria.selfScore'),
      responsive: ['lg'],
      align: 'right',
      width: 100,
      render: (_, r) =>
        r.kind === 'area' ? null : r.c.selfScore === undefined ? (
          <span className="mc-muted">{t('criteria.notScored')}</span>
        ) : (
          formatNumber(r.c.selfScore, lang)
        ),
    },
    {
      key: 'status',
      title: t('criteria.status'),
      responsive: ['md'],
      width: 140,
      render: (_, r) => (r.kind === 'area' ? null : <StatusTag criterion={r.c} />),
    },
  ];

  return (
    <div data-testid="criteria-table">
      <div className="mc-filters">
        {myUnit && mineCount > 0 ? (
          <div className="mc-filter">
            <span id={scopeId} className="mc-filter-label">
              {t('criteria.scope')}
            </span>
            <Segmented<Scope>
              aria-labelledby={scopeId}
              // Unit names are long: stacked on a phone rather than wider than the screen.
              orientation={narrow ? 'vertical' : 'horizontal'}
              block={narrow}
              value={scope}
              onChange={setScope}
              options={[
                {
                  value: 'mine',
                  label: t('criteria.scope.mine', { unit: myUnit.name ?? myUnit.unitId, count: mineCount }),
                },
                { value: 'all', label: t('criteria.scope.all', { count: criteria.length }) },
              ]}
            />
          </div>
        ) : null}
        <div className="mc-filter mc-filter-search">
          <label htmlFor={searchId}>{t('criteria.search')}</label>
          {/* Filters as one types: no search button to press (and none to label). */}
          <Input
            id={searchId}
            prefix={<SearchOutlined aria-hidden />}
            allowClear={{ clearIcon: <CloseCircleFilled aria-label={t('criteria.clear')} /> }}
            placeholder={t('criteria.searchPlaceholder')}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              // A new search shows every area it finds something in, even one closed before.
              setClosed(new Set());
            }}
          />
        </div>
        <div className="mc-filter">
          <label htmlFor={areaId}>{t('home.tree.area')}</label>
          <Select<string>
            id={areaId}
            value={area}
            onChange={(v) => {
              setArea(v);
              setClosed(new Set());
            }}
            className="mc-filter-select mc-area-select"
            popupMatchSelectWidth={false}
            options={[
              { value: 'all', label: t('home.tree.allAreas') },
              ...areas.map((a) => ({ value: a, label: areaLabel(a) })),
            ]}
          />
        </div>
        <div className="mc-filter">
          <label htmlFor={filterId}>{t('criteria.filter')}</label>
          <Select<CriterionStatus | 'all'>
            id={filterId}
            value={status}
            onChange={setStatus}
            className="mc-filter-select"
            options={[
              { value: 'all', label: t('criteria.filter.all') },
              ...CRITERION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
            ]}
          />
        </div>
        <div className="mc-tree-buttons">
          <Button size="small" onClick={() => setClosed(new Set())} data-testid="tree-expand-all">
            {t('home.tree.expandAll')}
          </Button>
          <Button size="small" onClick={() => setClosed(new Set(areas))} data-testid="tree-collapse-all">
            {t('home.tree.collapseAll')}
          </Button>
        </div>
        <div className="mc-muted mc-filter-count" aria-live="polite">
          {t('criteria.count', { shown: shown.length, total: criteria.length })}
        </div>
      </div>
      <Table<Row>
        rowKey="key"
        size="middle"
        columns={columns}
        dataSource={rows}
        pagination={false}
        // Fixed: long area and criterion titles wrap inside their column instead of widening the table.
        tableLayout="fixed"
        className="mc-criteria-tree"
        expandable={{
          expandedRowKeys: open.map(areaKey),
          // The toggle is the area row's own labelled button (and the row itself).
          expandIcon: () => null,
          indentSize: narrow ? 8 : 20,
        }}
        locale={{ emptyText: <EmptyState>{t('criteria.none')}</EmptyState> }}
        onRow={(r) =>
          r.kind === 'area'
            ? {
                className: 'mc-area-row',
                'data-testid': 'area-row',
                'data-area': r.area,
                onClick: () => toggle(r.area),
              }
            : {
                className: 'mc-clickable',
                onClick: () => navigate(criterionPath(cycleId, entityId, r.c.code)),
              }
        }
      />
    </div>
  );
}
