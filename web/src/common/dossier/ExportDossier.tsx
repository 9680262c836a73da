/**
 * "Xuất hồ sơ": a button and a drawer to export the entity's dossier (the score table as .xlsx, the report
 * as .docx and the evidence package as .zip — which always brings the other two with it —, the whole entity
 * or — for a leader — their unit's part), follow the job's progress and download the files; with a link to the print view and the editor of the report's own texts. Reviewers and admins also
 * export the council's table of every entity in their scope.
 * The drawer keeps its content mounted once opened, so a job keeps being followed while it is closed.
 */
import { ExportOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Typography } from 'antd';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { EntityPart } from '../../api/types.ts';
import { useSession } from '../../app/context.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ExportScope, PART_LABEL, PartsField, ScopeField } from './ExportFields.tsx';
import { ExportJobPanel } from './ExportJobPanel.tsx';
import { DEFAULT_PARTS, isFinished, orderedParts, scoreTablePath, tickPart } from './model.ts';
import { ReportTextsEntry } from './ReportTextsEntry.tsx';
import { useExportJob } from './useExportJob.ts';

interface Props {
  cycleId: string;
  entityId: string;
  entityName: string;
  /** A leader's own unit: they may export only its part. */
  myUnit?: { unitId: string; name?: string };
  /** Reviewers and admins: the council's table of every entity too. */
  council?: boolean;
}

export function ExportDossier(props: Props) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        icon={<ExportOutlined aria-hidden />}
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        data-testid="export-dossier-open"
      >
        {t('dossier.open')}
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="right"
        size={screens.md ? 560 : '100%'}
        title={t('dossier.title')}
        data-testid="export-dossier"
      >
        <EntityExport {...props} />
        {props.council ? <CouncilExport cycleId={props.cycleId} /> : null}
      </Drawer>
    </>
  );
}

function EntityExport({ cycleId, entityId, entityName, myUnit }: Props) {
  const { t } = useI18n();
  const titleId = useId();
  const user = useSession()?.user;
  const job = useExportJob({ scope: 'entity', cycleId, entityId });
  /** The user's own choice; what the package implies is added by orderedParts. */
  const [chosen, setChosen] = useState<ReadonlySet<EntityPart>>(DEFAULT_PARTS);
  const [scope, setScope] = useState<ExportScope>('entity');
  const unitId = myUnit && scope === 'unit' ? myUnit.unitId : undefined;
  const parts = orderedParts(chosen);
  // The API's rule (report:write): the entity's leaders and admins; reviewers read.
  const canWrite = user?.role === 'admin' || (user?.role === 'leader' && user.entityId === entityId);
  const running = Boolean(job.view && !isFinished(job.view.job.state));

  return (
    <section aria-labelledby={titleId} className="mc-export-section" data-testid="export-entity">
      <Typography.Title level={3} id={titleId} className="mc-export-title mc-wrap">
        {t('dossier.entityPart', { entity: entityName })}
      </Typography.Title>
      <p className="mc-muted">{t('dossier.intro')}</p>

      <PartsField
        chosen={chosen}
        onTick={(part, on) => {
          setChosen(tickPart(chosen, part, on));
          job.clear();
        }}
      >
        <ReportTextsEntry
          cycleId={cycleId}
          entityId={entityId}
          entityName={entityName}
          canWrite={canWrite}
          onSaved={job.clear}
        />
      </PartsField>

      {myUnit ? (
        <ScopeField
          myUnit={myUnit}
          scope={scope}
          onChange={(next) => {
            setScope(next);
            job.clear();
          }}
        />
      ) : null}

      <div className="mc-export-actions">
        <Button
          type="primary"
          icon={<ExportOutlined aria-hidden />}
          disabled={parts.length === 0 || running}
          loading={job.starting}
          onClick={() => job.start({ parts, unitId })}
          data-testid="export-submit"
        >
          {t('dossier.submit')}
        </Button>
        <Link to={scoreTablePath(cycleId, entityId, unitId)} data-testid="export-print-link">
          <PrinterOutlined aria-hidden /> {t('dossier.print')}
        </Link>
      </div>
      <p className="mc-muted">{t('dossier.printHint')}</p>

      <ExportJobPanel state={job} label={parts.map((p) => t(PART_LABEL[p])).join(', ')} testId="export-job" />
    </section>
  );
}

function CouncilExport({ cycleId }: { cycleId: string }) {
  const { t } = useI18n();
  const titleId = useId();
  const job = useExportJob({ scope: 'cycle', cycleId });
  const running = Boolean(job.view && !isFinished(job.view.job.state));
  return (
    <section aria-labelledby={titleId} className="mc-export-section" data-testid="export-council">
      <Typography.Title level={3} id={titleId} className="mc-export-title">
        {t('dossier.council.title')}
      </Typography.Title>
      <p className="mc-muted">{t('dossier.council.intro')}</p>
      <div className="mc-export-actions">
        <Button
          icon={<ExportOutlined aria-hidden />}
          disabled={running}
          loading={job.starting}
          onClick={() => job.start({})}
          data-testid="export-council-submit"
        >
          {t('dossier.council.submit')}
        </Button>
      </div>
      <ExportJobPanel state={job} label={t('dossier.council.submit')} testId="export-council-job" />
    </section>
  );
}
