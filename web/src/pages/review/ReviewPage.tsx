/**
 * A reviewer on one criterion of one entity: the unit's self score and explanation next to the appraised
 * score, the evidence (download links), then the decision — accept or request changes, with a comment the
 * unit sees. Taking it into review first tells other reviewers someone is on it. Reopening a unit's
 * self-assessment (reason, new deadline) is at the foot of the page. Parts: components/review/.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Card, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { CriterionRef } from '../../api/client.ts';
import type { Cycle, Evidence } from '../../api/types.ts';
import { useServices } from '../../app/context.tsx';
import { queryKeys } from '../../app/queries.ts';
import { useEntity, useFrameworkInfo } from '../../app/reference.ts';
import { AuditTrail, CommentThread } from '../../common/Discussion.tsx';
import { ErrorState, Loading, type QueryLike, QueryState } from '../../common/states.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { AppraisalCard } from './AppraisalCard.tsx';
import { EvidenceDownloads } from './EvidenceDownloads.tsx';
import { ReopenForm } from './ReopenForm.tsx';
import { ScoreCards } from './ScoreCards.tsx';

/** The evidence card: the cycle's evidence policy, then each evidence to preview, download and judge. */
function EvidenceCard({
  criterionRef,
  cycle,
  evidence,
}: {
  criterionRef: CriterionRef;
  cycle: Cycle | undefined;
  evidence: QueryLike<{ items: Evidence[] }>;
}) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('evidence.title')} className="mc-section">
      <QueryState query={evidence} rows={2}>
        {(data) => (
          <>
            {cycle?.evidencePolicy === 'accepted' ? (
              <Alert
                className="mc-section"
                type="info"
                showIcon
                title={t('evr.policyAccepted')}
                data-testid="evidence-policy"
              />
            ) : null}
            <EvidenceDownloads
              criterionRef={criterionRef}
              items={data.items}
              readOnly={cycle?.status === 'closed'}
            />
          </>
        )}
      </QueryState>
    </Card>
  );
}

export function ReviewPage() {
  const { t, pick } = useI18n();
  const { api } = useServices();
  const { cycleId = '', entityId = '', code = '' } = useParams();
  const ref: CriterionRef = { cycleId, entityId, criterionCode: code };
  const cycle = useQuery({
    queryKey: queryKeys.cycle(cycleId),
    queryFn: () => api.call('getCycle', { params: { cycleId } }),
  });
  const framework = useFrameworkInfo(cycle.data);
  const info = framework.byCode.get(code);
  const entity = useEntity(entityId);
  const score = useQuery({
    queryKey: queryKeys.score(cycleId, entityId, code),
    queryFn: () => api.call('getCriterionScore', { params: { ...ref } }),
  });
  const readiness = useQuery({
    queryKey: queryKeys.readiness(cycleId, entityId),
    queryFn: () => api.call('getEntityReadiness', { params: { cycleId, entityId } }),
  });
  const evidence = useQuery({
    queryKey: queryKeys.evidence(cycleId, entityId, code),
    queryFn: () => api.call('listEvidence', { params: { ...ref }, query: { limit: 100 } }),
  });
  const criterion = readiness.data?.criteria.find((c) => c.code === code);
  const current = score.data?.score ?? null;
  const title = info ? `${code} · ${pick(info.node.title)}` : t('criterion.title', { code });
  const max = criterion?.maxPoints ?? info?.node.maxPoints ?? 0;
  const guide = info?.node.guide ?? [];

  return (
    <div className="mc-page">
      <Breadcrumb
        className="mc-breadcrumb"
        items={[{ title: <Link to="/review">{t('reviewPage.back')}</Link> }, { title: code }]}
      />
      <Typography.Title level={1} className="mc-page-title mc-wrap" data-testid="criterion-title">
        {title}
      </Typography.Title>
      <div className="mc-entity-line">
        <strong>{entity.data ? pick(entity.data.entity.name) : entityId}</strong>
      </div>

      {score.isPending ? (
        <Loading rows={3} />
      ) : score.isError ? (
        <ErrorState error={score.error} onRetry={() => void score.refetch()} />
      ) : (
        <>
          <ScoreCards current={current} criterion={criterion} max={max} guide={guide} criterionRef={ref} />
          <EvidenceCard criterionRef={ref} cycle={cycle.data} evidence={evidence} />
          <AppraisalCard criterionRef={ref} current={current} max={max} guide={guide} />
          {(current?.state ?? 'draft') !== 'draft' || current ? null : (
            <Alert
              type="info"
              showIcon
              title={t('reviewPage.notReviewable', { state: t('review.state.draft') })}
            />
          )}
        </>
      )}

      <CommentThread criterionRef={ref} />
      <AuditTrail criterionRef={ref} />
      {score.data?.unitIds.length ? (
        <ReopenForm cycleId={cycleId} entityId={entityId} unitIds={score.data.unitIds} />
      ) : null}
    </div>
  );
}
