/** The server's answer to an assignment sheet: the summary, problems and warnings by row, the tasks to create. */
import { Alert, Table } from 'antd';
import { formatIsoDate, formatNumber } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { ImportPlan } from './data.ts';

type Issue = ImportPlan['problems'][number];

function IssueList({ items, type }: { items: Issue[]; type: 'error' | 'warning' }) {
  const { t, pick } = useI18n();
  if (!items.length) return null;
  return (
    <Alert
      type={type}
      showIcon
      className="mc-section"
      title={t(type === 'error' ? 'people.import.problems' : 'people.import.warnings', {
        count: items.length,
      })}
      description={
        <ul className="mc-issues" data-testid={`import-${type}`}>
          {items.map((p) => (
            <li key={`${p.row}-${p.field}-${p.message.vi}`}>
              {p.row && !/^(Dòng|Row) \d+/.test(pick(p.message))
                ? `${t('people.import.row', { row: p.row })}: `
                : ''}
              {pick(p.message)}
            </li>
          ))}
        </ul>
      }
    />
  );
}

export function ImportPlanView({ plan, unitName }: { plan: ImportPlan; unitName(id: string): string }) {
  const { t, lang } = useI18n();
  return (
    <div data-testid="import-plan">
      <p aria-live="polite">
        {plan.mode === 'commit'
          ? t('people.import.committed', { count: formatNumber(plan.creates.length, lang) })
          : !plan.ok
            ? t('people.import.blocked')
            : t('people.import.summary', {
                creates: formatNumber(plan.creates.length, lang),
                unchanged: formatNumber(plan.unchanged.length, lang),
              })}
      </p>
      <IssueList items={plan.problems} type="error" />
      <IssueList items={plan.warnings} type="warning" />
      {plan.creates.length ? (
        <Table
          size="small"
          rowKey={(r) => `${r.row}-${r.assignmentId}`}
          pagination={plan.creates.length > 20 ? { pageSize: 20 } : false}
          dataSource={plan.creates}
          columns={[
            { key: 'row', title: t('people.import.rowCol'), dataIndex: 'row', width: 60 },
            { key: 'id', title: t('people.assign.id'), dataIndex: 'assignmentId' },
            {
              key: 'unit',
              title: t('people.assign.unit'),
              render: (_, r) => <span className="mc-wrap">{unitName(r.unitId)}</span>,
              responsive: ['sm'],
            },
            {
              key: 'criteria',
              title: t('people.assign.criteria'),
              render: (_, r) => r.criteria.map((c) => c.code).join(', '),
            },
            {
              key: 'title',
              title: t('people.assign.title'),
              render: (_, r) => <span className="mc-wrap">{r.title}</span>,
              responsive: ['md'],
            },
            {
              key: 'due',
              title: t('people.assign.dueDate'),
              render: (_, r) => formatIsoDate(r.dueDate),
            },
          ]}
        />
      ) : null}
    </div>
  );
}
