/** The evidence panel's notices: in the bin (restore), a duplicate (use the original), the reviewer's verdict. */
import { RollbackOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { evidenceView } from '../../api/evidence-view.ts';
import type { Evidence } from '../../api/types.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { VerdictLine } from './EvidenceVerdict.tsx';
import type { DrawerTarget, EvidenceActions } from './useEvidenceDrawer.ts';

export function DrawerNotices({
  e,
  target,
  rights,
  readOnly,
  actions: { restore, adoptOriginal },
}: {
  e: Evidence;
  target: DrawerTarget | null;
  rights: { restore: boolean; link: boolean; delete: boolean };
  readOnly: boolean;
  actions: EvidenceActions;
}) {
  const { t } = useI18n();
  const verdict = evidenceView(e).review;
  return (
    <>
      {e.deletedAt ? (
        <Alert
          type="warning"
          showIcon
          title={t('ev.bin.isDeleted', { date: formatDateTime(e.deletedAt) })}
          action={
            rights.restore ? (
              <Button
                size="small"
                icon={<RollbackOutlined />}
                loading={restore.isPending}
                onClick={() => restore.mutate()}
              >
                {t('ev.bin.restore')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      {e.duplicateOf ? (
        <Alert
          className="mc-section"
          type="info"
          showIcon
          title={t('ev.duplicateOf', { title: e.duplicateOf.title })}
          action={
            target?.criterionCode && rights.link && rights.delete && !e.deletedAt ? (
              <Button
                size="small"
                loading={adoptOriginal.isPending}
                onClick={() => adoptOriginal.mutate(e.duplicateOf!.evidenceId)}
              >
                {t('ev.duplicate.useOriginal', { code: target.criterionCode })}
              </Button>
            ) : undefined
          }
        />
      ) : null}

      {verdict && (e.state === 'accepted' || e.state === 'rejected') ? (
        <Alert
          className="mc-section"
          type={e.state === 'rejected' ? 'warning' : 'success'}
          showIcon
          data-testid="ev-verdict"
          title={t(e.state === 'rejected' ? 'evr.rejectedTitle' : 'evr.acceptedTitle')}
          description={
            <VerdictLine
              review={verdict}
              hint={e.state === 'rejected' && !readOnly ? t('evr.resubmitHintDrawer') : undefined}
            />
          }
        />
      ) : null}
    </>
  );
}
