/**
 * A criterion's evidence, newest first: file, document type, state (with the quarantine reason), size and
 * upload date, and per row: preview, details (metadata, files, links, bin) and unlink from this criterion.
 * A table on wide screens, stacked cards on phones (evidence/EvidenceRows.tsx).
 */
import { Grid } from 'antd';
import { useState } from 'react';
import type { CriterionRef } from '../../api/client.ts';
import { evidenceRights, evidenceView } from '../../api/evidence-view.ts';
import type { Evidence } from '../../api/types.ts';
import { useSession } from '../../app/context.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { EmptyState } from '../states.tsx';
import { type DrawerTarget, EvidenceDrawer } from './EvidenceDrawer.tsx';
import { EvidencePreview, type PreviewTarget, withFreshEvidence } from './EvidencePreview.tsx';
import { EvidenceCards, EvidenceTable, type RowParts } from './EvidenceRows.tsx';
import { type Row, RowActions } from './RowActions.tsx';
import { StateBadge } from './StateBadge.tsx';

export { StateBadge, shownState } from './StateBadge.tsx';

/** The list's rows: the evidence's view, itself, and whether its link to this criterion awaits confirmation. */
function rowsOf(evidence: Evidence[], criterionRef: CriterionRef | undefined): Row[] {
  return evidence.map((e) => ({
    ...evidenceView(e),
    raw: e,
    pendingLink: !!criterionRef && (e.unconfirmedCodes ?? []).includes(criterionRef.criterionCode),
  }));
}

export function EvidenceList({
  evidence,
  criterionRef,
  slotKinds,
  readOnly,
}: {
  evidence: Evidence[];
  /** The criterion the list belongs to: enables unlink and confirm; without it the rows only open. */
  criterionRef?: CriterionRef;
  slotKinds?: string[];
  /** The cycle is closed: preview and details only. */
  readOnly?: boolean;
}) {
  const { t } = useI18n();
  const user = useSession()?.user;
  const screens = Grid.useBreakpoint();
  const [preview, setPreview] = useState<PreviewTarget | null>(null);
  const [drawer, setDrawer] = useState<DrawerTarget | null>(null);
  const items = rowsOf(evidence, criterionRef);
  const dialogs = (
    <>
      <EvidencePreview target={withFreshEvidence(preview, evidence)} onClose={() => setPreview(null)} />
      <EvidenceDrawer
        target={drawer}
        onClose={() => setDrawer(null)}
        onPreview={setPreview}
        slotKinds={slotKinds}
      />
    </>
  );
  if (!items.length)
    return (
      <>
        <EmptyState>{t('evidence.empty')}</EmptyState>
        {dialogs}
      </>
    );
  const parts: RowParts = {
    actions: (e) => (
      <RowActions
        row={e}
        criterionRef={criterionRef}
        readOnly={readOnly}
        onPreview={() => setPreview({ cycleId: e.raw.cycleId, entityId: e.raw.entityId, evidence: e.raw })}
        onOpen={() =>
          setDrawer({
            cycleId: e.raw.cycleId,
            entityId: e.raw.entityId,
            evidenceId: e.evidenceId,
            criterionCode: criterionRef?.criterionCode,
          })
        }
      />
    ),
    // Under a rejection, those who can upload a new revision are told that this is how to resubmit.
    badge: (e) => (
      <StateBadge
        evidence={e}
        resubmitHint={!readOnly && evidenceRights(user, e.raw).edit ? t('evr.resubmitHint') : undefined}
      />
    ),
  };

  if (!(screens.md ?? true)) {
    return (
      <>
        <EvidenceCards items={items} parts={parts} />
        {dialogs}
      </>
    );
  }
  return (
    <div data-testid="evidence-list">
      <EvidenceTable items={items} parts={parts} />
      {dialogs}
    </div>
  );
}
