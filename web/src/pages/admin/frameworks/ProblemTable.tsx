/**
 * The import's problems as a table to work down in Excel: sheet row, node code, column and message, sorted by
 * row; also downloadable as CSV (the column moves under the message on a phone).
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Table, type TableColumnsType, Typography } from 'antd';
import { type HTMLAttributes, useMemo } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import { csvBlob, saveBlob } from './files.ts';
import { type ImportProblem, problemColumn, sortProblems } from './model.ts';

export function ProblemTable({ problems, fileName }: { problems: ImportProblem[]; fileName: string }) {
  const { t, pick } = useI18n();
  const sorted = useMemo(() => sortProblems(problems), [problems]);
  const column = (p: ImportProblem) => {
    const c = problemColumn(p);
    return c.key ? t(c.key) : (c.text ?? '—');
  };
  const columns: TableColumnsType<ImportProblem> = [
    {
      key: 'row',
      title: t('setup.problems.row'),
      width: 70,
      render: (_, p) => <span data-testid="problem-row-number">{p.row ?? '—'}</span>,
    },
    { key: 'code', title: t('setup.problems.code'), width: 90, render: (_, p) => p.nodeCode ?? '—' },
    {
      key: 'column',
      title: t('setup.problems.column'),
      responsive: ['sm'],
      width: 170,
      render: (_, p) => <span className="mc-wrap">{column(p)}</span>,
    },
    {
      key: 'message',
      title: t('setup.problems.message'),
      render: (_, p) => (
        <span className="mc-wrap">
          {pick(p.message)}
          <span className="mc-only-narrow mc-muted">
            {t('setup.problems.column')}: {column(p)}
          </span>
        </span>
      ),
    },
  ];
  const download = () =>
    saveBlob(
      csvBlob([
        [
          t('setup.problems.row'),
          t('setup.problems.code'),
          t('setup.problems.column'),
          t('setup.problems.message'),
        ],
        ...sorted.map((p) => [p.row, p.nodeCode, column(p), pick(p.message)]),
      ]),
      `loi-${fileName.replace(/\.[^.]+$/, '')}.csv`,
    );
  return (
    <section aria-labelledby="problems-title" className="mc-section" data-testid="problems">
      <div className="mc-setup-row">
        <Typography.Title level={3} id="problems-title" className="mc-section-title">
          {t('setup.problems.title', { count: problems.length })}
        </Typography.Title>
        <Button size="small" icon={<DownloadOutlined />} onClick={download}>
          {t('setup.problems.csv')}
        </Button>
      </div>
      <Table<ImportProblem>
        size="small"
        rowKey={(p) => `${p.row ?? ''}|${p.field}|${p.kind}|${p.message.vi}`}
        columns={columns}
        dataSource={sorted}
        pagination={sorted.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        onRow={() => ({ 'data-testid': 'problem' }) as HTMLAttributes<HTMLElement>}
      />
    </section>
  );
}
