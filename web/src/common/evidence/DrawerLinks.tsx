/** The evidence panel's criteria links (unlink, confirm a carried-forward one) and its bin button. */
import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tag } from 'antd';
import { Link } from 'react-router';
import type { Evidence } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorState } from '../states.tsx';
import type { DrawerTarget, EvidenceActions } from './useEvidenceDrawer.ts';

export function DrawerLinks({
  e,
  target,
  canLink,
  actions: { unlink, confirmLink },
  onClose,
}: {
  e: Evidence;
  target: DrawerTarget;
  canLink: boolean;
  actions: EvidenceActions;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const criterionLink = (code: string) =>
    `/cycles/${encodeURIComponent(target.cycleId)}/entities/${encodeURIComponent(target.entityId)}/criteria/${encodeURIComponent(code)}`;
  return (
    <section aria-labelledby="ev-links-title" className="mc-section">
      <h3 id="ev-links-title" className="mc-subsection-title">
        {t('ev.links.title')}
      </h3>
      {e.criterionCodes.length + e.unconfirmedCodes.length === 0 ? (
        <p className="mc-muted">{t('ev.links.none')}</p>
      ) : (
        <ul className="mc-link-list" data-testid="ev-links">
          {[...e.criterionCodes, ...e.unconfirmedCodes].map((code) => {
            const pending = e.unconfirmedCodes.includes(code);
            return (
              <li key={code}>
                <Link to={criterionLink(code)} onClick={onClose}>
                  {t('ev.links.criterion', { code })}
                </Link>
                {pending ? <Tag color="orange">{t('ev.links.unconfirmed')}</Tag> : null}
                {canLink && !e.deletedAt ? (
                  <Space size={4} wrap>
                    {pending ? (
                      <Button
                        size="small"
                        loading={confirmLink.isPending}
                        onClick={() => confirmLink.mutate(code)}
                      >
                        {t('ev.links.confirm')}
                      </Button>
                    ) : null}
                    <Popconfirm
                      title={t('ev.unlink.confirm', { code })}
                      okText={t('ev.unlink.ok')}
                      cancelText={t('ev.cancel')}
                      onConfirm={() => unlink.mutateAsync(code)}
                    >
                      <Button size="small" type="link" danger>
                        {t('ev.unlink.short')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {unlink.isError ? <ErrorState error={unlink.error} /> : null}
      {confirmLink.isError ? <ErrorState error={confirmLink.error} /> : null}
    </section>
  );
}

export function DrawerBin({ actions: { remove } }: { actions: EvidenceActions }) {
  const { t } = useI18n();
  return (
    <section className="mc-section">
      <Popconfirm
        title={t('ev.bin.confirm')}
        description={t('ev.bin.confirmHint')}
        okText={t('ev.bin.delete')}
        okButtonProps={{ danger: true }}
        cancelText={t('ev.cancel')}
        onConfirm={() => remove.mutateAsync()}
      >
        <Button danger icon={<DeleteOutlined />}>
          {t('ev.bin.delete')}
        </Button>
      </Popconfirm>
      {remove.isError ? <ErrorState error={remove.error} /> : null}
    </section>
  );
}
