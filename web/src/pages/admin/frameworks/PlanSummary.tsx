/**
 * What an import would store, summed up: the framework's id, version, name and provenance, whether it creates
 * a version or replaces the draft, and the plan's totals (nodes, depth, points by kind, evidence slots).
 */
import { Descriptions, Tag } from 'antd';
import { formatNumber } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/messages.ts';
import type { ImportPlan } from './model.ts';

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

export function Totals({ totals }: { totals: Record<string, number> }) {
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

export function PlanSummary({
  framework,
  action,
}: {
  framework: NonNullable<ImportPlan['framework']>;
  action: ImportPlan['action'];
}) {
  const { t, pick } = useI18n();
  return (
    <Descriptions
      size="small"
      className="mc-gap"
      column={{ xs: 1, sm: 2, lg: 3 }}
      items={[
        { key: 'id', label: t('setup.meta.frameworkId'), children: <code>{framework.frameworkId}</code> },
        {
          key: 'v',
          label: t('setup.meta.version'),
          children: t('setup.fw.versionN', { version: framework.version }),
        },
        { key: 'name', label: t('setup.meta.name'), children: pick(framework.name) },
        {
          key: 'prov',
          label: t('setup.meta.provenance'),
          children: (
            <Tag color={framework.provenance === 'confirmed' ? 'green' : 'gold'}>
              {t(`setup.provenance.${framework.provenance}`)}
            </Tag>
          ),
        },
        {
          key: 'action',
          label: t('setup.import.action'),
          children: t(action === 'replace-draft' ? 'setup.import.replaceDraft' : 'setup.import.create'),
        },
      ]}
    />
  );
}
