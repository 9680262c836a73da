/**
 * One criterion of one entity in one cycle: its required evidence slots and how full they are, the upload
 * box, and the evidence list. Readiness figures here are the same query as on "Việc của tôi", so an upload
 * moves both.
 */
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Card, Col, Progress, Row, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { CriterionRef } from '../../api/client.ts';
import { evidenceView, IN_PROGRESS_STATES } from '../../api/evidence-view.ts';
import { useServices, useSession } from '../../app/context.tsx';
import { queryKeys } from '../../app/queries.ts';
import { useFrameworkInfo } from '../../app/reference.ts';
import { useSlotLabel } from '../../common/criteria/CriteriaTable.tsx';
import { AuditTrail, CommentThread } from '../../common/Discussion.tsx';
import { EvidenceList, shownState } from '../../common/evidence/EvidenceList.tsx';
import { ScorePanel } from '../../common/score/ScorePanel.tsx';
import { EmptyState, ErrorState, Loading } from '../../common/states.tsx';
import { formatNumber, formatPercent } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { EvidenceBin } from './EvidenceBin.tsx';
import { LinkExisting } from './LinkExisting.tsx';
import { SlotRequirement } from './SlotRequirement.tsx';
import { Uploader } from './Uploader.tsx';

export function CriterionPage() {
  const { t, lang, pick } = useI18n();
  const { api } = useServices();
  const role = useSession()?.user.role;
  // Reviewers read and download; linking, the bin and restoring belong to the entity's people and admins.
  const manages = role === 'admin' || role === 'leader' || role === 'member';
  const { cycleId = '', entityId = '', code = '' } = useParams();
  const ref: CriterionRef = { cycleId, entityId, criterionCode: code };
  const homeLink = `/?cycle=${encodeURIComponent(cycleId)}&entity=${encodeURIComponent(entityId)}`;

  const cycle = useQuery({
    queryKey: queryKeys.cycle(cycleId),
    queryFn: () => api.call('getCycle', { params: { cycleId } }),
  });
  const readiness = useQuery({
    queryKey: queryKeys.readiness(cycleId, entityId),
    queryFn: () => api.call('getEntityReadiness', { params: { cycleId, entityId } }),
  });
  const evidence = useQuery({
    queryKey: queryKeys.evidence(cycleId, entityId, code),
    queryFn: () => api.call('listEvidence', { params: { ...ref }, query: { limit: 100 } }),
    // While a file is being checked by the server, look again every few seconds (also after a reload).
    refetchInterval: (q) =>
      q.state.data?.items.some((e) => IN_PROGRESS_STATES.includes(shownState(evidenceView(e))))
        ? 3000
        : false,
  });
  const criterion = readiness.data?.criteria.find((c) => c.code === code);
  const framework = useFrameworkInfo(cycle.data);
  const info = framework.byCode.get(code);
  const slotLabel = useSlotLabel(info);
  const title = info ? `${code} · ${pick(info.node.title)}` : t('criterion.title', { code });
  useJumpToSection(Boolean(criterion && cycle.data));

  return (
    <div className="mc-page">
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

      {readiness.isPending ? (
        <Loading rows={2} />
      ) : readiness.isError ? (
        <ErrorState error={readiness.error} onRetry={() => void readiness.refetch()} />
      ) : !criterion ? (
        <Card>
          <EmptyState>{t('criterion.notInCycle', { code })}</EmptyState>
        </Card>
      ) : (
        <Row gutter={[12, 12]} className="mc-section">
          <Col xs={24} lg={12}>
            <Card size="small" title={t('criterion.requirements')} className="mc-fill">
              <ul className="mc-requirements" data-testid="requirements">
                {criterion.slots.map((s) => (
                  <SlotRequirement key={s.kind} slot={s} label={slotLabel(s.kind)} year={cycle.data?.year} />
                ))}
              </ul>
              <div className="mc-muted">
                {t('criteria.maxPoints')}: {formatNumber(criterion.maxPoints, lang)}
              </div>
              {info?.node.guide?.length ? (
                <div className="mc-guide">
                  <div className="mc-figure-label">{t('criterion.guide')}</div>
                  <ul>
                    {info.node.guide.map((g) => (
                      <li key={`${g.points}-${g.label.vi}`}>
                        <strong>{formatNumber(g.points, lang)}</strong> — {pick(g.label)}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" className="mc-fill">
              <div className="mc-figure-label">{t('criterion.coverage')}</div>
              <div className="mc-figure-value" data-testid="criterion-coverage">
                {formatPercent(criterion.coverage * 100, lang)}
              </div>
              <Progress percent={Math.round(criterion.coverage * 100)} showInfo={false} />
              <div className="mc-figure-label">{t('criterion.entityCoverage')}</div>
              <div className="mc-figure-value mc-figure-small" data-testid="entity-coverage">
                {formatPercent(readiness.data.evidenceCoveragePercent, lang)}
              </div>
            </Card>
          </Col>
        </Row>
      )}

      {criterion ? (
        <div id="score" tabIndex={-1} className="mc-anchor">
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
            slotKinds={criterion?.slots.map((s) => s.kind)}
            readOnly={cycle.data?.status === 'closed'}
          />
        )}
        {manages && cycle.data?.status === 'open' ? <LinkExisting criterionRef={ref} /> : null}
        {manages ? <EvidenceBin criterionRef={ref} /> : null}
      </section>

      <CommentThread criterionRef={ref} />
      <AuditTrail criterionRef={ref} />
    </div>
  );
}

/**
 * `#upload` / `#score` (the next action from "Việc của tôi"): once the sections exist, scroll to the one named
 * and move the keyboard focus there, once per visit. Panels above it may still be loading and push it down, so
 * for a short while it is kept in place as the page grows — until the user scrolls or types themselves.
 */
function useJumpToSection(ready: boolean) {
  const { hash, key } = useLocation();
  const done = useRef<string>(undefined);
  useEffect(() => {
    if (!ready || !hash || done.current === key) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    done.current = key;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
    const keep = new ResizeObserver(() => target.scrollIntoView({ block: 'start' }));
    keep.observe(document.body);
    const stop = () => {
      keep.disconnect();
      window.clearTimeout(timer);
      for (const e of USER_MOVES) window.removeEventListener(e, stop);
    };
    const timer = window.setTimeout(stop, 3000);
    for (const e of USER_MOVES) window.addEventListener(e, stop, { passive: true });
    return stop;
  }, [ready, hash, key]);
}

const USER_MOVES = ['wheel', 'touchstart', 'keydown', 'mousedown'] as const;
