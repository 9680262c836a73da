/**
 * The criteria an entity must prove, from the readiness result, labelled from the cycle's framework: coverage
 * and slot status per criterion, the unit's own criteria first ("Việc của tôi"), a status filter and a search
 * over codes, titles and document types that ignores diacritics ("ke hoach" finds "Kế hoạch").
 */
import { CloseCircleFilled, SearchOutlined } from '@ant-design/icons';
import { Grid, Input, Progress, Segmented, Select, Table, type TableColumnsType, Tag } from 'antd';
import { useId, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CriterionReadiness } from '../api/types.ts';
import type { CriterionInfo } from '../app/reference.ts';
import { fold, formatNumber } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import {
  CRITERION_STATUSES,
  type CriterionStatus,
  criterionStatus,
  docTypeLabel,
  STATUS_COLOR,
} from './labels.ts';
import { STATE_TAG_COLOR } from './ScorePanel.tsx';
import { EmptyState } from './states.tsx';

export function criterionPath(cycleId: string, entityId: string, code: string): string {
  return `/cycles/${encodeURIComponent(cycleId)}/entities/${encodeURIComponent(entityId)}/criteria/${encodeURIComponent(code)}`;
}

export function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d) return d;
  }
  return 0;
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
          <Tag color={s.filled ? 'green' : 'default'} className="mc-slot-tag">
            {label(s.kind)} {t('slot.count', { count: s.count, min: s.minCount })}
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

export function CriteriaTable({
  cycleId,
  entityId,
  criteria,
  info,
  myUnit,
}: {
  cycleId: string;
  entityId: string;
  criteria: CriterionReadiness[];
  info: Map<string, CriterionInfo>;
  /** The user's unit and its name: their criteria are shown first, the rest one click away. */
  myUnit?: { unitId: string; name?: string };
}) {
  const { t, lang, pick } = useI18n();
  const navigate = useNavigate();
  const narrow = !(Grid.useBreakpoint().sm ?? true);
  const unitsOf = (c: CriterionReadiness) => c.unitIds ?? [];
  const mineCount = myUnit ? criteria.filter((c) => unitsOf(c).includes(myUnit.unitId)).length : 0;
  const [scope, setScope] = useState<Scope>(mineCount > 0 ? 'mine' : 'all');
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<CriterionStatus | 'all'>('all');
  const searchId = useId();
  const filterId = useId();
  const scopeId = useId();

  const rows = useMemo(() => {
    const q = fold(query);
    return [...criteria]
      .sort((a, b) => compareCodes(a.code, b.code))
      .filter((c) => scope === 'all' || !myUnit || (c.unitIds ?? []).includes(myUnit.unitId))
      .filter((c) => status === 'all' || criterionStatus(c) === status)
      .filter((c) => {
        if (!q) return true;
        const i = info.get(c.code);
        // Both languages' words: a user may type either.
        const haystack = [
          c.code,
          i?.node.title.vi,
          i?.node.title.en,
          ...c.slots.flatMap((s) => [
            s.kind,
            docTypeLabel(s.kind, t),
            i?.slotLabel(s.kind)?.vi,
            i?.slotLabel(s.kind)?.en,
          ]),
        ].join(' ');
        return fold(haystack).includes(q);
      });
  }, [criteria, query, status, scope, myUnit, info, t]);

  const columns: TableColumnsType<CriterionReadiness> = [
    {
      key: 'code',
      title: t('criteria.code'),
      render: (_, c) => {
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
            {i?.path[0] ? <div className="mc-muted mc-wrap">{pick(i.path[0].title)}</div> : null}
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
      render: (_, c) => <SlotList criterion={c} info={info.get(c.code)} />,
    },
    {
      key: 'coverage',
      title: t('criteria.coverage'),
      width: 130,
      render: (_, c) => (
        <Progress
          percent={Math.round(c.coverage * 100)}
          size="small"
          aria-label={`${t('criteria.coverage')} ${c.code}`}
          format={(p) => `${formatNumber(p ?? 0, lang, 0)}%`}
        />
      ),
    },
    {
      key: 'max',
      title: t('criteria.maxPoints'),
      responsive: ['lg'],
      align: 'right',
      width: 105,
      render: (_, c) => formatNumber(c.maxPoints, lang),
    },
    {
      key: 'self',
      title: t('criteria.selfScore'),
      responsive: ['lg'],
      align: 'right',
      width: 100,
      render: (_, c) =>
        c.selfScore === undefined ? (
          <span className="mc-muted">{t('criteria.notScored')}</span>
        ) : (
          formatNumber(c.selfScore, lang)
        ),
    },
    {
      key: 'status',
      title: t('criteria.status'),
      responsive: ['md'],
      width: 140,
      render: (_, c) => <StatusTag criterion={c} />,
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
            onChange={(e) => setQuery(e.target.value)}
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
        <div className="mc-muted mc-filter-count" aria-live="polite">
          {t('criteria.count', { shown: rows.length, total: criteria.length })}
        </div>
      </div>
      <Table<CriterionReadiness>
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: <EmptyState>{t('criteria.none')}</EmptyState> }}
        onRow={(c) => ({
          className: 'mc-clickable',
          onClick: () => navigate(criterionPath(cycleId, entityId, c.code)),
        })}
      />
    </div>
  );
}
