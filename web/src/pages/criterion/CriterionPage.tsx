/**
 * One criterion of one entity in one cycle: its required evidence slots and how full they are, the upload
 * box, and the evidence list. Readiness figures here are the same query as on "Việc của tôi", so an upload
 * moves both.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import { Breadcrumb, Card, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { CriterionRef } from '../../api/client.ts';
import type { Output } from '../../api/types.ts';
import { useSession } from '../../app/context.tsx';
import { type CriterionInfo, useFrameworkInfo } from '../../app/reference.ts';
import { useSlotLabel } from '../../common/criteria/CriteriaTable.tsx';
import { AuditTrail, CommentThread } from '../../common/Discussion.tsx';
import { EvidenceList } from '../../common/evidence/EvidenceList.tsx';
import { FrameworkNotice } from '../../common/FrameworkNotice.tsx';
import { ScorePanel } from '../../common/score/ScorePanel.tsx';
import { EmptyState, ErrorState, Loading } from '../../common/states.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { CriterionSummary } from './CriterionSummary.tsx';
import { EvidenceBin } from './EvidenceBin.tsx';
import { LinkExisting } from './LinkExisting.tsx';
import { Uploader } from './Uploader.tsx';
import { useCriterionQueries } from './useCriterionQueries.ts';
import { useJumpToSection } from './useJumpToSection.ts';

export function CriterionPage() {
  const { t } = useI18n();
  const role = useSession()?.user.role;
  // Reviewers read and download; linking, the bin and restoring belong to the entity's people and admins.
  const manages = role === 'admin' || role === 'leader' || role === 'member';
  const { cycleId = '', entityId = '', code = '' } = useParams();
  const ref: CriterionRef = { cycleId, entityId, criterionCode: code };

  const { cycle, readiness, evidence } = useCriterionQueries(ref);
  const criterion = readiness.data?.criteria.find((c) => c.code === code);
  const framework = useFrameworkInfo(cycle.data);
  const info = framework.byCode.get(code);
  const slotLabel = useSlotLabel(info);
  useJumpToSection(Boolean(criterion && cycle.data));

  return (
    <div className="mc-page">
      <CriterionHeader code={code} cycleId={cycleId} entityId={entityId} info={info} />

      {readiness.isPending ? (
        <Loading rows={2} />
      ) : readiness.isError ? (
        <ErrorState error={readiness.error} onRetry={() => void readiness.refetch()} />
      ) : !criterion ? (
        <Card>
          <EmptyState>{t('criterion.notInCycle', { code })}</EmptyState>
        </Card>
      ) : (
        <CriterionSummary
          criterion={criterion}
          info={info}
          slotLabel={slotLabel}
          year={cycle.data?.year}
          entityCoveragePercent={readiness.data.evidenceCoveragePercent}
        />
      )}

      {criterion ? (
        <div id="score" tabIndex={-1} className="mc-anchor">
          <FrameworkNotice framework={cycle.data?.framework} />
          <ScorePanel criterionRef={ref} criterion={criterion} node={info?.node} />
        </div>
      ) : null}

      {cycle.isPending ? (
        <Loading rows={3} />
      ) : cycle.isError ? (
        <ErrorState error={cycle.error} onRetry={() => void cycle.refetch()} />
      ) : criterion ? (
        <div id="upload" tabIndex={-1} className="mc-anchor">
          <Uploader criterionRef={ref} cycle={cycle.data} criterion={criterion} slotLabel={slotLabel} />
        </div>
      ) : null}

      <CriterionEvidence
        evidence={evidence}
        criterionRef={ref}
        slotKinds={criterion?.slots.map((s) => s.kind)}
        cycleStatus={cycle.data?.status}
        manages={manages}
      />

      <CommentThread criterionRef={ref} />
      <AuditTrail criterionRef={ref} />
    </div>
  );
}

/** Back to "Việc của tôi" for this cycle and entity, the criterion's area, its code and title, its description. */
function CriterionHeader(props: { code: string; cycleId: string; entityId: string; info?: CriterionInfo }) {
  const { t, pick } = useI18n();
  const { code, info } = props;
  const homeLink = `/?cycle=${encodeURIComponent(props.cycleId)}&entity=${encodeURIComponent(props.entityId)}`;
  const title = info ? `${code} · ${pick(info.node.title)}` : t('criterion.title', { code });
  return (
    <>
      <Breadcrumb
        className="mc-breadcrumb"
        items={[
          { title: <Link to={homeLink}>{t('criterion.back')}</Link> },
          ...(info?.path[0] ? [{ title: <span className="mc-wrap">{pick(info.path[0].title)}</span> }] : []),
          { title: code },
        ]}
      />
      <Typography.Title level={1} className="mc-page-title mc-wrap" data-testid="criterion-title">
        {title}
      </Typography.Title>
      {info?.node.description ? (
        <Typography.Paragraph className="mc-description">{pick(info.node.description)}</Typography.Paragraph>
      ) : null}
    </>
  );
}

/**
 * The criterion's evidence; for those who manage it, linking one the entity already has (open cycles only)
 * and the bin. A closed cycle's list is read-only.
 */
function CriterionEvidence(props: {
  evidence: UseQueryResult<Output<'listEvidence'>>;
  criterionRef: CriterionRef;
  slotKinds?: string[];
  cycleStatus?: string;
  manages: boolean;
}) {
  const { t } = useI18n();
  const { evidence, criterionRef: ref, manages } = props;
  return (
    <section aria-labelledby="evidence-title" className="mc-section">
      <Typography.Title level={2} id="evidence-title" className="mc-section-title">
        {t('evidence.title')}
      </Typography.Title>
      {evidence.isPending ? (
        <Loading rows={3} />
      ) : evidence.isError ? (
        <ErrorState error={evidence.error} onRetry={() => void evidence.refetch()} />
      ) : (
        <EvidenceList
          evidence={evidence.data.items}
          criterionRef={ref}
          slotKinds={props.slotKinds}
          readOnly={props.cycleStatus === 'closed'}
        />
      )}
      {manages && props.cycleStatus === 'open' ? <LinkExisting criterionRef={ref} /> : null}
      {manages ? <EvidenceBin criterionRef={ref} /> : null}
    </section>
  );
}
