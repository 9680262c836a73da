/**
 * What the scores on a page rest on: the cycle's framework (name, version) and, when it is not confirmed by an
 * official text ('sample', provisional), a plain warning, with the provenance note one click away. Shown wherever
 * a score or an index is (dashboard, criterion page, "Việc của tôi"), to everyone who reads the cycle; the label
 * comes with the cycle (`framework` in getCycle / listCycles), so it needs no request of its own.
 */
import { Alert } from 'antd';
import type { Cycle } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

export type FrameworkLabel = NonNullable<Cycle['framework']>;

function ProvenanceNote({ note }: { note: FrameworkLabel['provenanceNote'] }) {
  const { t, pick } = useI18n();
  if (!note) return null;
  return (
    <details className="mc-framework-note" data-testid="framework-note">
      <summary>{t('framework.note')}</summary>
      <div>{pick(note)}</div>
    </details>
  );
}

export function FrameworkNotice({ framework }: { framework: FrameworkLabel | undefined }) {
  const { t, pick } = useI18n();
  if (!framework) return null;
  const name = (
    <span>
      <span className="mc-muted">{t('framework.label')}:</span>{' '}
      <strong data-testid="framework-name">{pick(framework.name)}</strong>{' '}
      <span className="mc-muted">({t('framework.version', { version: String(framework.version) })})</span>
    </span>
  );
  if (framework.provenance === 'confirmed')
    return (
      <div className="mc-framework-line" data-testid="framework-notice" data-provenance="confirmed">
        {name} <ProvenanceNote note={framework.provenanceNote} />
      </div>
    );
  return (
    <Alert
      className="mc-framework-line"
      type="warning"
      showIcon
      data-testid="framework-notice"
      data-provenance={framework.provenance}
      title={name}
      description={
        <>
          <strong data-testid="framework-sample-notice">{t('framework.sampleNotice')}</strong>
          <ProvenanceNote note={framework.provenanceNote} />
        </>
      }
    />
  );
}
