/**
 * The server's preview of a chosen file: whether it can be imported, what it would store (summary, totals,
 * warnings, code mapping, tree with sheet rows) and every problem by row; "Nhập" commits it (only when there
 * is no problem), a refused commit's problems replace the preview's.
 */
import { Alert, Button, Typography } from 'antd';
import { useMemo } from 'react';
import { ApiError } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type ChosenFile, problemsFromIssues } from './import-file.ts';
import type { ImportPlan } from './model.ts';
import { NodeTree, type TreeNode } from './NodeTree.tsx';
import { PlanSummary, Totals } from './PlanSummary.tsx';
import { ProblemTable } from './ProblemTable.tsx';
import type { ImportState } from './useImport.ts';
import { MappingTable } from './VersionView.tsx';

function Warnings({ warnings }: { warnings: ImportPlan['warnings'] }) {
  const { t, pick } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      className="mc-gap"
      title={t('setup.import.warnings')}
      description={
        <ul className="mc-setup-list">
          {warnings.map((w) => (
            <li key={w.vi} className="mc-wrap">
              {pick(w)}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** The nodes the plan would create, as a searchable tree with their sheet rows. */
function PreviewTree({ creates }: { creates: ImportPlan['creates'] }) {
  const { t } = useI18n();
  const nodes = useMemo<TreeNode[]>(
    () =>
      creates.map((n) => ({
        code: n.code,
        title: n.title,
        maxPoints: n.maxPoints,
        method: n.method,
        role: n.role,
        row: n.row,
        slotCount: n.slots,
      })),
    [creates],
  );
  if (!nodes.length) return null;
  return (
    <section aria-labelledby="preview-tree-title" className="mc-section">
      <Typography.Title level={3} id="preview-tree-title" className="mc-section-title">
        {t('setup.import.treeTitle')}
      </Typography.Title>
      <NodeTree nodes={nodes} searchable showRows testId="preview-tree" />
    </section>
  );
}

export function ImportPreview({
  plan,
  chosen,
  commit,
  onAnother,
}: {
  plan: ImportPlan;
  chosen: ChosenFile;
  commit: ImportState['commit'];
  /** Opens the file chooser again. */
  onAnother: () => void;
}) {
  const { t, pick } = useI18n();
  // The server returns the file's mapping (JSON and .xlsx); a JSON file's own is the fallback.
  const mapping = plan.mapping ?? chosen.mapping;
  const commitError = commit.error instanceof ApiError ? commit.error : undefined;
  const problems = commitError?.status === 400 ? problemsFromIssues(commitError.issues) : plan.problems;
  return (
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
      {plan.framework ? <PlanSummary framework={plan.framework} action={plan.action} /> : null}
      {plan.totals ? <Totals totals={plan.totals} /> : null}
      {plan.warnings.length ? <Warnings warnings={plan.warnings} /> : null}
      {problems.length ? <ProblemTable problems={problems} fileName={chosen.name} /> : null}
      {mapping ? <MappingTable fromVersion={mapping.fromVersion} entries={mapping.entries} /> : null}
      <PreviewTree creates={plan.creates ?? []} />
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
        <Button onClick={onAnother}>{t('setup.import.another')}</Button>
        <span className="mc-muted">
          {plan.ok ? t('setup.import.commitHint') : t('setup.import.commitBlocked')}
        </span>
      </div>
    </div>
  );
}
