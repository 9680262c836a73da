/**
 * The criteria an entity must prove, from the readiness result: coverage and slot status per criterion, a
 * status filter and a search that ignores diacritics ("ke hoach" finds "Kế hoạch").
 */
import { Input, Progress, Select, Table, type TableColumnsType, Tag } from 'antd';
import { useId, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CriterionReadiness } from '../api/types.ts';
import { fold, formatNumber } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import {
  CRITERION_STATUSES,
  type CriterionStatus,
  criterionStatus,
  docTypeLabel,
  STATUS_COLOR,
} from './labels.ts';
import { EmptyState } from './states.tsx';

export function criterionPath(cycleId: string, entityId: string, code: string): string {
  return `/cycles/${encodeURIComponent(cycleId)}/entities/${encodeURIComponent(entityId)}/criteria/${encodeURIComponent(code)}`;
}

function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

export function SlotList({ criterion }: { criterion: CriterionReadiness }) {
  const { t } = useI18n();
  return (
    <ul className="mc-slots">
      {criterion.slots.map((s) => (
        <li key={s.kind}>
          <Tag color={s.filled ? 'green' : 'default'} className="mc-slot-tag">
            {docTypeLabel(s.kind, t)} {t('slot.count', { count: s.count, min: s.minCount })}
          </Tag>
        </li>
      ))}
    </ul>
  );
}

function StatusTag({ criterion }: { criterion: CriterionReadiness }) {
  const { t } = useI18n();
  const s = criterionStatus(criterion);
  return (
    <Tag color={STATUS_COLOR[s]} className="mc-status-tag">
      {t(`status.${s}`)}
    </Tag>
  );
}

export function CriteriaTable({
  cycleId,
  entityId,
  criteria,
}: {
  cycleId: string;
  entityId: string;
  criteria: CriterionReadiness[];
}) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<CriterionStatus | 'all'>('all');
  const searchId = useId();
  const filterId = useId();

  const rows = useMemo(() => {
    const q = fold(query);
    return [...criteria]
      .sort((a, b) => compareCodes(a.code, b.code))
      .filter((c) => status === 'all' || criterionStatus(c) === status)
      .filter((c) => {
        if (!q) return true;
        // Search both languages' labels: a user may type either.
        const haystack = [c.code, ...c.slots.flatMap((s) => [s.kind, docTypeLabel(s.kind, t)])].join(' ');
        return fold(haystack).includes(q);
      });
  }, [criteria, query, status, t]);

  const columns: TableColumnsType<CriterionReadiness> = [
    {
      key: 'code',
      title: t('criteria.code'),
      render: (_, c) => (
        <div>
          <Link
            to={criterionPath(cycleId, entityId, c.code)}
            aria-label={t('criteria.open', { code: c.code })}
            className="mc-code-link"
            onClick={(e) => e.stopPropagation()}
          >
            {t('criteria.codeLabel', { code: c.code })}
          </Link>
          <div className="mc-only-narrow">
            <SlotList criterion={c} />
            <StatusTag criterion={c} />
          </div>
        </div>
      ),
    },
    {
      key: 'slots',
      title: t('criteria.slots'),
      responsive: ['md'],
      render: (_, c) => <SlotList criterion={c} />,
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
      render: (_, c) => formatNumber(c.maxPoints, lang),
    },
    {
      key: 'self',
      title: t('criteria.selfScore'),
      responsive: ['lg'],
      align: 'right',
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
      render: (_, c) => <StatusTag criterion={c} />,
    },
  ];

  return (
    <div data-testid="criteria-table">
      <div className="mc-filters">
        <div className="mc-filter mc-filter-search">
          <label htmlFor={searchId}>{t('criteria.search')}</label>
          <Input.Search
            id={searchId}
            allowClear
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
        pagination={false}
        locale={{ emptyText: <EmptyState>{t('criteria.none')}</EmptyState> }}
        onRow={(c) => ({
          className: 'mc-clickable',
          onClick: () => navigate(criterionPath(cycleId, entityId, c.code)),
        })}
      />
    </div>
  );
}
