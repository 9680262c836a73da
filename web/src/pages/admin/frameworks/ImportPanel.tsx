/**
 * Importing a framework from the one-sheet .xlsx (or JSON): drop or choose a file, the server's PREVIEW shows
 * what would be stored (tree, totals, warnings) and every problem with its sheet row, column and node code —
 * a table to work down in Excel, also downloadable as CSV. Nothing is written until "Nhập" (commit, stored as
 * a draft); publishing is a separate, confirmed step.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { type HTMLAttributes, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { useServices } from '../../../app/context.tsx';
import { frameworkKeys, versionLink } from '../../../common/admin/frameworks.ts';
import { DropZone } from '../../../common/DropZone.tsx';
import { isSheetFileName, SHEET_ACCEPT } from '../../../common/spreadsheet-files.ts';
import { formatBytes, formatNumber } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/messages.ts';
import { csvBlob, fileToBase64, MAX_IMPORT_FILE_BYTES, saveBlob } from './files.ts';
import {
  type ImportBody,
  type ImportPlan,
  type ImportProblem,
  issueRow,
  type MappingEntry,
  problemColumn,
  sortProblems,
} from './model.ts';
import { NodeTree, type TreeNode } from './NodeTree.tsx';
import { usePublish } from './usePublish.tsx';
import { MappingTable } from './VersionView.tsx';

type Source = { format: 'xlsx'; fileBase64: string } | { format: 'json'; document: unknown };
interface Chosen {
  name: string;
  size: number;
  source: Source;
  /** A JSON file's mapping, read in the browser (the preview returns it as well). */
  mapping?: { fromVersion: number; entries: MappingEntry[] };
}

const TOTALS: { key: string; label: MessageKey }[] = [
  { key: 'nodes', label: 'setup.totals.nodes' },
  { key: 'topLevel', label: 'setup.totals.topLevel' },
  { key: 'depth', label: 'setup.totals.depth' },
  { key: 'totalPoints', label: 'setup.totals.totalPoints' },
  { key: 'selfAssessedPoints', label: 'setup.totals.selfAssessedPoints' },
  { key: 'surveyPoints', label: 'setup.totals.surveyPoints' },
  { key: 'bonusPoints', label: 'setup.totals.bonusPoints' },
  { key: 'penaltyPoints', label: 'setup.totals.penaltyPoints' },
  { key: 'slots', label: 'setup.totals.slots' },
];

function readMapping(doc: unknown): Chosen['mapping'] {
  const m = (doc as { mapping?: { fromVersion?: unknown; entries?: unknown } } | undefined)?.mapping;
  if (!m || typeof m.fromVersion !== 'number' || !Array.isArray(m.entries)) return undefined;
  const entries = m.entries.filter(
    (e): e is MappingEntry =>
      !!e && typeof e === 'object' && typeof e.kind === 'string' && Array.isArray(e.from),
  );
  return { fromVersion: m.fromVersion, entries: entries.map((e) => ({ ...e, to: e.to ?? [] })) };
}

/** Problems of a commit refused with 400 (field `file.rows.12`, message "Dòng 12: …"). */
function problemsFromError(e: ApiError): ImportProblem[] {
  return e.issues.map((i) => ({
    kind: 'invalid',
    field: i.field,
    row: issueRow(i.field),
    message: i.message,
  }));
}

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

function Totals({ totals }: { totals: Record<string, number> }) {
  const { t, lang } = useI18n();
  return (
    <ul className="mc-setup-totals" aria-label={t('setup.totals.title')} data-testid="totals">
      {TOTALS.filter((x) => totals[x.key] !== undefined).map((x) => (
        <li key={x.key} data-total={x.key}>
          <span className="mc-muted">{t(x.label)}</span>
          <strong>{formatNumber(totals[x.key]!, lang)}</strong>
        </li>
      ))}
    </ul>
  );
}

export function ImportPanel() {
  const { t, pick, lang } = useI18n();
  const { api } = useServices();
  const queryClient = useQueryClient();
  const inputRef = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<Chosen>();
  const [localError, setLocalError] = useState<string>();
  const [committed, setCommitted] = useState<ImportPlan>();
  const publish = usePublish(() => setCommitted(undefined));

  const preview = useMutation({
    mutationFn: (source: Source) =>
      api.call('importFramework', {
        body: { ...source, mode: 'preview', publish: false } as ImportBody,
      }),
  });
  const commit = useMutation({
    mutationFn: (source: Source) =>
      api.call('importFramework', {
        body: { ...source, mode: 'commit', publish: false } as ImportBody,
      }),
    onSuccess: (plan) => {
      setCommitted(plan);
      setChosen(undefined);
      preview.reset();
      if (plan.framework) {
        void queryClient.invalidateQueries({ queryKey: frameworkKeys.heads });
        void queryClient.invalidateQueries({ queryKey: frameworkKeys.versions(plan.framework.frameworkId) });
        void queryClient.invalidateQueries({
          queryKey: ['framework', plan.framework.frameworkId, plan.framework.version],
        });
      }
    },
  });

  const choose = async (file: File) => {
    setLocalError(undefined);
    setCommitted(undefined);
    preview.reset();
    commit.reset();
    setChosen(undefined);
    const lower = file.name.toLowerCase();
    const isXlsx = isSheetFileName(lower);
    const isJson = lower.endsWith('.json');
    if (!isXlsx && !isJson) return setLocalError(t('setup.import.wrongType', { name: file.name }));
    if (file.size > MAX_IMPORT_FILE_BYTES)
      return setLocalError(
        t('setup.import.tooLarge', { name: file.name, max: formatBytes(MAX_IMPORT_FILE_BYTES, lang) }),
      );
    let next: Chosen;
    try {
      if (isXlsx) {
        next = {
          name: file.name,
          size: file.size,
          source: { format: 'xlsx', fileBase64: await fileToBase64(file) },
        };
      } else {
        const document = JSON.parse(await file.text()) as unknown;
        next = {
          name: file.name,
          size: file.size,
          source: { format: 'json', document },
          mapping: readMapping(document),
        };
      }
    } catch (e) {
      return setLocalError(t('setup.import.unreadable', { name: file.name, detail: (e as Error).message }));
    }
    setChosen(next);
    preview.mutate(next.source);
  };

  const plan = preview.data;
  // The server returns the file's mapping (JSON and .xlsx); a JSON file's own is the fallback.
  const mapping = plan?.mapping ?? chosen?.mapping;
  const commitError = commit.error instanceof ApiError ? commit.error : undefined;
  const problems = commitError?.status === 400 ? problemsFromError(commitError) : (plan?.problems ?? []);
  const treeNodes = useMemo<TreeNode[]>(
    () =>
      (plan?.creates ?? []).map((n) => ({
        code: n.code,
        title: n.title,
        maxPoints: n.maxPoints,
        method: n.method,
        role: n.role,
        row: n.row,
        slotCount: n.slots,
      })),
    [plan],
  );

  return (
    <Card size="small" className="mc-section" data-testid="import-panel">
      <DropZone
        onFiles={(files) => {
          const file = files[0];
          if (file) void choose(file);
        }}
        labels={{ drop: t('setup.import.drop'), or: t('setup.import.or'), choose: t('setup.import.choose') }}
        hint={t('setup.import.hint', { max: formatBytes(MAX_IMPORT_FILE_BYTES, lang) })}
        accept={`${SHEET_ACCEPT},.json,application/json`}
        loading={preview.isPending}
        testId="import-dropzone"
        inputTestId="import-file-input"
        inputRef={inputRef}
      />

      <div aria-live="polite" className="mc-setup-import-status">
        {localError ? (
          <Alert type="error" showIcon role="alert" title={localError} className="mc-gap" />
        ) : null}
        {preview.isPending ? (
          <Alert type="info" showIcon title={t('setup.import.checking', { name: chosen?.name ?? '' })} />
        ) : null}
        {preview.isError ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('setup.import.previewFailed')}
            description={preview.error instanceof ApiError ? pick(preview.error.text) : t('error.network')}
          />
        ) : null}
        {committed?.framework ? (
          <Alert
            type="success"
            showIcon
            data-testid="import-committed"
            title={t('setup.import.committed', {
              id: committed.framework.frameworkId,
              version: committed.framework.version,
            })}
            description={t('setup.import.committedHint')}
            action={
              <div className="mc-setup-actions">
                <Button
                  type="primary"
                  size="small"
                  loading={publish.pending}
                  onClick={() =>
                    publish.confirm(committed.framework!.frameworkId, committed.framework!.version)
                  }
                >
                  {t('setup.publish.button')}
                </Button>
                <Link to={versionLink(committed.framework.frameworkId, committed.framework.version)}>
                  {t('setup.import.viewTree')}
                </Link>
              </div>
            }
          />
        ) : null}
      </div>

      {plan && chosen ? (
        <div data-testid="preview" data-ok={String(plan.ok)}>
          <Typography.Title level={3} className="mc-section-title mc-setup-preview-title mc-wrap">
            {t('setup.import.previewTitle', { name: chosen.name })}
          </Typography.Title>
          {plan.ok && !commitError ? (
            <Alert type="success" showIcon className="mc-gap" title={t('setup.import.ok')} />
          ) : (
            <Alert
              type="error"
              showIcon
              role="alert"
              className="mc-gap"
              title={
                commitError && commitError.status !== 400
                  ? pick(commitError.text)
                  : t('setup.import.hasProblems', { count: problems.length })
              }
              description={t('setup.import.fixHint')}
            />
          )}
          {plan.framework ? (
            <Descriptions
              size="small"
              className="mc-gap"
              column={{ xs: 1, sm: 2, lg: 3 }}
              items={[
                {
                  key: 'id',
                  label: t('setup.meta.frameworkId'),
                  children: <code>{plan.framework.frameworkId}</code>,
                },
                {
                  key: 'v',
                  label: t('setup.meta.version'),
                  children: t('setup.fw.versionN', { version: plan.framework.version }),
                },
                { key: 'name', label: t('setup.meta.name'), children: pick(plan.framework.name) },
                {
                  key: 'prov',
                  label: t('setup.meta.provenance'),
                  children: (
                    <Tag color={plan.framework.provenance === 'confirmed' ? 'green' : 'gold'}>
                      {t(`setup.provenance.${plan.framework.provenance}`)}
                    </Tag>
                  ),
                },
                {
                  key: 'action',
                  label: t('setup.import.action'),
                  children: t(
                    plan.action === 'replace-draft' ? 'setup.import.replaceDraft' : 'setup.import.create',
                  ),
                },
              ]}
            />
          ) : null}
          {plan.totals ? <Totals totals={plan.totals} /> : null}
          {plan.warnings.length ? (
            <Alert
              type="warning"
              showIcon
              className="mc-gap"
              title={t('setup.import.warnings')}
              description={
                <ul className="mc-setup-list">
                  {plan.warnings.map((w) => (
                    <li key={w.vi} className="mc-wrap">
                      {pick(w)}
                    </li>
                  ))}
                </ul>
              }
            />
          ) : null}
          {problems.length ? <ProblemTable problems={problems} fileName={chosen.name} /> : null}
          {mapping ? <MappingTable fromVersion={mapping.fromVersion} entries={mapping.entries} /> : null}
          {treeNodes.length ? (
            <section aria-labelledby="preview-tree-title" className="mc-section">
              <Typography.Title level={3} id="preview-tree-title" className="mc-section-title">
                {t('setup.import.treeTitle')}
              </Typography.Title>
              <NodeTree nodes={treeNodes} searchable showRows testId="preview-tree" />
            </section>
          ) : null}
          <div className="mc-setup-buttons">
            <Button
              type="primary"
              disabled={!plan.ok}
              loading={commit.isPending}
              onClick={() => commit.mutate(chosen.source)}
              data-testid="commit"
            >
              {t('setup.import.commit')}
            </Button>
            <Button onClick={() => inputRef.current?.click()}>{t('setup.import.another')}</Button>
            <span className="mc-muted">
              {plan.ok ? t('setup.import.commitHint') : t('setup.import.commitBlocked')}
            </span>
          </div>
        </div>
      ) : null}
    </Card>
  );
}
