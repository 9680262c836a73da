/**
 * One evidence in a side panel (full width on a phone): its document metadata as a form, its files with every
 * revision (preview any available one, upload a new revision or another file), the criteria it is linked to
 * (unlink, confirm a carried-forward link), and the bin. Edits send the `version` the form was loaded at; a 409
 * (someone else saved first) reloads the evidence and says so. The API's field issues show on their fields.
 * State and mutations live in `useEvidenceDrawer.ts`; each section in its own `Drawer*.tsx`.
 */
import { Drawer, Grid } from 'antd';
import { evidenceRights, filesOf } from '../../api/evidence-view.ts';
import { useSession } from '../../app/context.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { COMMON_DOC_TYPES } from '../labels.ts';
import { ErrorState, Loading } from '../states.tsx';
import { DrawerFiles } from './DrawerFiles.tsx';
import { DrawerBin, DrawerLinks } from './DrawerLinks.tsx';
import { DrawerMetadata } from './DrawerMetadata.tsx';
import { DrawerNotices } from './DrawerNotices.tsx';
import type { PreviewTarget } from './EvidencePreview.tsx';
import {
  type DrawerTarget,
  useEvidenceActions,
  useEvidenceDetail,
  useMetadataForm,
} from './useEvidenceDrawer.ts';

export type { DrawerTarget } from './useEvidenceDrawer.ts';

export function EvidenceDrawer({
  target,
  onClose,
  onPreview,
  slotKinds = [],
}: {
  target: DrawerTarget | null;
  onClose: () => void;
  onPreview: (p: PreviewTarget) => void;
  slotKinds?: string[];
}) {
  const { t } = useI18n();
  const user = useSession()?.user;
  const screens = Grid.useBreakpoint();
  const state = useEvidenceDetail(target);
  const { ref, detail, cycle, onSent } = state;
  const meta = useMetadataForm(target, state);
  const actions = useEvidenceActions(target, onClose, state);
  const ev = detail.data?.evidence;
  const rights = evidenceRights(user, ev ?? {});

  const docTypes = [
    ...new Set([
      ...slotKinds.filter((k) => k !== '*'),
      ...COMMON_DOC_TYPES,
      ...(ev?.documentType ? [ev.documentType] : []),
    ]),
  ];
  const readOnly = !rights.edit || !!ev?.deletedAt || cycle.data?.status === 'closed';

  const content = () => {
    if (detail.isPending) return <Loading rows={6} />;
    if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
    const e = detail.data.evidence;
    return (
      <div className="mc-evidence-drawer" data-testid="evidence-drawer">
        <DrawerNotices e={e} target={target} rights={rights} readOnly={readOnly} actions={actions} />
        <DrawerMetadata meta={meta} canEdit={rights.edit} readOnly={readOnly} docTypes={docTypes} />
        <DrawerFiles
          e={e}
          files={filesOf(e)}
          revisions={detail.data.revisions}
          evidenceRef={ref!}
          uploadCycle={readOnly ? undefined : cycle.data}
          onPreview={onPreview}
          onSent={onSent}
        />
        <DrawerLinks e={e} target={target!} canLink={rights.link} actions={actions} onClose={onClose} />
        {rights.delete && !e.deletedAt ? <DrawerBin actions={actions} /> : null}
        {actions.restore.isError ? <ErrorState error={actions.restore.error} /> : null}
        {actions.adoptOriginal.isError ? <ErrorState error={actions.adoptOriginal.error} /> : null}
      </div>
    );
  };

  return (
    <Drawer
      open={!!target}
      onClose={onClose}
      placement="right"
      size={screens.md ? 640 : '100%'}
      destroyOnHidden
      title={<span className="mc-wrap">{ev?.title ?? t('ev.drawer.title')}</span>}
    >
      {content()}
    </Drawer>
  );
}
