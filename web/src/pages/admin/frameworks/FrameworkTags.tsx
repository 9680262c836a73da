/** The tags a framework and its versions carry: whether its numbers are confirmed or a sample; draft or published. */
import { Tag } from 'antd';
import { useI18n } from '../../../i18n/i18n.tsx';

export function ProvenanceTag({ provenance }: { provenance: 'confirmed' | 'sample' }) {
  const { t } = useI18n();
  return (
    <Tag color={provenance === 'confirmed' ? 'green' : 'gold'} data-testid="provenance">
      {t(`setup.provenance.${provenance}`)}
    </Tag>
  );
}

export function StatusTag({ status }: { status: 'draft' | 'published' }) {
  const { t } = useI18n();
  return (
    <Tag
      color={status === 'published' ? 'blue' : 'default'}
      data-testid="version-status"
      data-status={status}
    >
      {t(`setup.status.${status}`)}
    </Tag>
  );
}
