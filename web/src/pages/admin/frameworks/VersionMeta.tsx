/** A framework version's head: status, provenance, export and publish, its state's hint, and its metadata. */
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space } from 'antd';
import type { Output } from '../../../api/types.ts';
import { formatDate, formatNumber } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ProvenanceTag, StatusTag } from './FrameworkList.tsx';
import { useDownloads } from './useDownloads.ts';
import { usePublish } from './usePublish.tsx';

type Version = Output<'getFrameworkVersion'>;

function VersionActions({ f, frameworkId, version }: { f: Version; frameworkId: string; version: number }) {
  const { t } = useI18n();
  const downloads = useDownloads();
  const publish = usePublish();
  return (
    <Space wrap className="mc-gap">
      <StatusTag status={f.status} />
      <ProvenanceTag provenance={f.provenance} />
      <Button
        size="small"
        icon={<DownloadOutlined />}
        loading={downloads.busy === `${frameworkId}@${version}.xlsx`}
        onClick={() => void downloads.exportVersion(frameworkId, version, 'xlsx')}
      >
        {t('setup.fw.exportXlsx')}
      </Button>
      <Button
        size="small"
        icon={<DownloadOutlined />}
        loading={downloads.busy === `${frameworkId}@${version}.json`}
        onClick={() => void downloads.exportVersion(frameworkId, version, 'json')}
      >
        {t('setup.fw.exportJson')}
      </Button>
      {f.status === 'draft' ? (
        <Button
          size="small"
          type="primary"
          icon={<SafetyCertificateOutlined />}
          loading={publish.pending}
          onClick={() => publish.confirm(frameworkId, version)}
        >
          {t('setup.publish.button')}
        </Button>
      ) : null}
    </Space>
  );
}

function VersionFacts({ f }: { f: Version }) {
  const { t, pick, lang } = useI18n();
  const codes = f.nodes.map((n) => n.code);
  const leafCount = codes.filter((c) => !codes.some((o) => o.startsWith(`${c}.`))).length;
  const slotCount = f.nodes.reduce((s, n) => s + n.slots.length, 0);
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 3 }}
      items={[
        { key: 'id', label: t('setup.meta.frameworkId'), children: <code>{f.frameworkId}</code> },
        { key: 'index', label: t('setup.meta.index'), children: t(`setup.index.${f.index}`) },
        {
          key: 'years',
          label: t('setup.meta.years'),
          children: f.years.to ? `${f.years.from}–${f.years.to}` : `${f.years.from}–`,
        },
        {
          key: 'agg',
          label: t('setup.meta.aggregation'),
          children: t(f.aggregation === 'weighted' ? 'setup.aggregation.weighted' : 'setup.aggregation.sum'),
        },
        {
          key: 'total',
          label: t('setup.meta.totalPoints'),
          children: f.totalPoints === undefined ? '—' : formatNumber(f.totalPoints, lang),
        },
        {
          key: 'counts',
          label: t('setup.fw.counts'),
          children: t('setup.fw.countsValue', {
            nodes: formatNumber(f.nodes.length, lang),
            leaves: formatNumber(leafCount, lang),
            slots: formatNumber(slotCount, lang),
          }),
        },
        ...(f.bands.length
          ? [
              {
                key: 'bands',
                label: t('setup.meta.bands'),
                children: f.bands.map((b) => `${b.name} ≥ ${formatNumber(b.minPercent, lang)}%`).join(' · '),
              },
            ]
          : []),
        ...(f.publishedAt
          ? [{ key: 'pub', label: t('setup.fw.publishedAt'), children: formatDate(f.publishedAt) }]
          : []),
        ...(f.provenanceNote
          ? [{ key: 'note', label: t('setup.meta.provenanceNote'), children: pick(f.provenanceNote) }]
          : []),
        ...(f.sources?.length
          ? [
              {
                key: 'src',
                label: t('setup.meta.sources'),
                children: (
                  <ul className="mc-setup-list">
                    {f.sources.map((s) => (
                      <li key={s} className="mc-wrap">
                        {s}
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

export function VersionMeta({
  f,
  frameworkId,
  version,
}: {
  f: Version;
  frameworkId: string;
  version: number;
}) {
  const { t } = useI18n();
  return (
    <Card size="small" className="mc-section">
      <VersionActions f={f} frameworkId={frameworkId} version={version} />
      {f.status === 'published' ? (
        <Alert type="info" showIcon className="mc-gap" title={t('setup.fw.immutable')} />
      ) : (
        <Alert type="warning" showIcon className="mc-gap" title={t('setup.fw.draftHint')} />
      )}
      {f.provenance === 'sample' ? (
        <Alert type="warning" showIcon className="mc-gap" title={t('setup.fw.sampleHint')} />
      ) : null}
      <VersionFacts f={f} />
    </Card>
  );
}
