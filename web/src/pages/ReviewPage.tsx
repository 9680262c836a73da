/**
 * A reviewer on one criterion of one entity: the unit's self score and explanation next to the appraised
 * score, the evidence (download links), then the decision — accept or request changes, with a comment the
 * unit sees. Taking it into review first tells other reviewers someone is on it. Reopening a unit's
 * self-assessment (reason, new deadline) is at the foot of the page.
 */
import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Input,
  InputNumber,
  List,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, type CriterionRef } from '../api/client.ts';
import { evidenceView } from '../api/evidence-view.ts';
import type { Evidence, ReviewState } from '../api/types.ts';
import { useServices } from '../app/context.tsx';
import { queryKeys } from '../app/queries.ts';
import { useEntity, useFrameworkInfo } from '../app/reference.ts';
import { AuditTrail, CommentThread } from '../components/Discussion.tsx';
import { StateBadge, shownState } from '../components/EvidenceList.tsx';
import { ComputedResult } from '../components/evidence/ComputedInputs.tsx';
import {
  EvidencePreview,
  type PreviewTarget,
  withFreshEvidence,
} from '../components/evidence/EvidencePreview.tsx';
import { EvidenceReviewActions } from '../components/evidence/EvidenceVerdict.tsx';
import { GuideLevelPicker } from '../components/GuideLevelPicker.tsx';
import { ReviewStateTag } from '../components/ScorePanel.tsx';
import { EmptyState, ErrorState, Loading } from '../components/states.tsx';
import { formatBytes, formatIsoDate, formatNumber, formatPercent } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';

const APPRAISABLE: ReviewState[] = ['submitted', 'in_review', 'resubmitted', 'accepted'];

function fileIdOf(e: Evidence): string | undefined {
  const files = (e as unknown as { files?: { fileId?: string }[] }).files;
  return files?.[0]?.fileId;
}

function EvidenceDownloads({
  criterionRef,
  items,
  readOnly,
}: {
  criterionRef: CriterionRef;
  items: Evidence[];
  /** The cycle is closed: no verdicts (the server refuses them too). */
  readOnly?: boolean;
}) {
  const { t, lang } = useI18n();
  const { api } = useServices();
  const [error, setError] = useState<unknown>();
  const [preview, setPreview] = useState<PreviewTarget | null>(null);
  if (items.length === 0) return <EmptyState>{t('evidence.empty')}</EmptyState>;
  const download = async (evidenceId: string, fileId: string) => {
    setError(undefined);
    try {
      const { url } = await api.call('downloadEvidenceFile', {
        params: { ...criterionRef, evidenceId, fileId },
      });
      window.location.assign(url);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      {error ? <ErrorState error={error} /> : null}
      <EvidencePreview target={withFreshEvidence(preview, items)} onClose={() => setPreview(null)} />
      <List
        size="small"
        dataSource={items}
        renderItem={(e) => {
          const v = evidenceView(e);
          const fileId = fileIdOf(e);
          return (
            <List.Item
              key={v.evidenceId}
              data-testid="review-evidence"
              data-state={shownState(v)}
              className="mc-review-evidence-item"
            >
              <div className="mc-review-evidence">
                <span className="mc-wrap">
                  <strong>{v.title}</strong>{' '}
                  <span className="mc-muted">
                    {v.fileName} · {formatBytes(v.sizeBytes, lang)}
                  </span>
                </span>
                <Space size={4}>
                  <Button
                    size="small"
                    icon={<EyeOutlined />}
                    aria-label={t('ev.preview.aria', { name: v.fileName || v.title })}
                    onClick={() =>
                      setPreview({
                        cycleId: criterionRef.cycleId,
                        entityId: criterionRef.entityId,
                        evidence: e,
                      })
                    }
                  />
                  {fileId ? (
                    <Button
                      size="small"
                      icon={<DownloadOutlined />}
                      aria-label={t('reviewPage.download', { name: v.fileName })}
                      onClick={() => void download(v.evidenceId, fileId)}
                    />
                  ) : null}
                </Space>
              </div>
              <StateBadge evidence={v} />
              <EvidenceReviewActions evidence={e} readOnly={readOnly} />
            </List.Item>
          );
        }}
      />
    </>
  );
}

function ReopenForm({
  cycleId,
  entityId,
  unitIds,
}: {
  cycleId: string;
  entityId: string;
  unitIds: string[];
}) {
  const { t, pick } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const entity = useEntity(entityId);
  const [unitId, setUnitId] = useState(unitIds[0]);
  const [reason, setReason] = useState('');
  const [deadline, setDeadline] = useState('');
  const [missing, setMissing] = useState(false);
  const unitSel = useId();
  const reasonId = useId();
  const deadlineId = useId();
  // Typed dd/MM/yyyy as everywhere in the app; the API takes YYYY-MM-DD.
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(deadline.trim());
  const isoDeadline = m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : undefined;
  const reopen = useMutation({
    mutationFn: () =>
      api.call('reopenSubmission', {
        params: { cycleId, entityId },
        body: { unitId, reason: reason.trim(), deadline: isoDeadline! },
      }),
    onSuccess: () => {
      void message.success(t('reopen.done', { deadline: formatIsoDate(isoDeadline!) }));
      void queryClient.invalidateQueries({ queryKey: ['score', cycleId, entityId] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.submissions(cycleId, entityId) });
    },
  });
  const unitName = (id: string) => {
    const u = entity.data?.units.find((x) => x.unitId === id);
    return u ? pick(u.name) : id;
  };
  return (
    <Card size="small" title={t('reopen.title')} className="mc-section" data-testid="reopen">
      <form
        className="mc-score-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!reason.trim() || !isoDeadline) return setMissing(true);
          setMissing(false);
          reopen.mutate();
        }}
      >
        <div className="mc-field">
          <label htmlFor={unitSel}>{t('reopen.unit')}</label>
          <Select
            id={unitSel}
            className="mc-cycle-select"
            value={unitId}
            onChange={setUnitId}
            options={unitIds.map((u) => ({ value: u, label: unitName(u) }))}
          />
        </div>
        <div className="mc-field">
          <label htmlFor={reasonId}>{t('reopen.reason')}</label>
          <Input id={reasonId} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <div className="mc-field">
          <label htmlFor={deadlineId}>{t('reopen.deadline')}</label>
          <Input
            id={deadlineId}
            className="mc-date"
            inputMode="numeric"
            placeholder="dd/mm/yyyy"
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
          />
        </div>
        {missing ? (
          <div className="mc-error-text" role="alert">
            {t('reopen.required')}
          </div>
        ) : null}
        {reopen.isError ? <ErrorState error={reopen.error} /> : null}
        <Button htmlType="submit" loading={reopen.isPending}>
          {t('reopen.submit')}
        </Button>
      </form>
    </Card>
  );
}

export function ReviewPage() {
  const { t, lang, pick } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { cycleId = '', entityId = '', code = '' } = useParams();
  const ref: CriterionRef = { cycleId, entityId, criterionCode: code };
  const cycle = useQuery({
    queryKey: queryKeys.cycle(cycleId),
    queryFn: () => api.call('getCycle', { params: { cycleId } }),
  });
  const framework = useFrameworkInfo(cycle.data);
  const info = framework.byCode.get(code);
  const entity = useEntity(entityId);
  const scoreKey = queryKeys.score(cycleId, entityId, code);
  const score = useQuery({
    queryKey: scoreKey,
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
  const [points, setPoints] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [formError, setFormError] = useState<string>();
  const pointsId = useId();
  const commentId = useId();

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: scoreKey });
    void queryClient.invalidateQueries({ queryKey: queryKeys.readiness(cycleId, entityId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.comments(cycleId, entityId, code) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.audit(cycleId, entityId, code) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.reviewQueue(cycleId) });
  };
  const start = useMutation({
    mutationFn: () => api.call('startReview', { params: { ...ref }, body: { version: current!.version } }),
    onSuccess: refresh,
    onError: (e) => (e instanceof ApiError && e.status === 409 ? refresh() : undefined),
  });
  const appraise = useMutation({
    mutationFn: (decision: 'accept' | 'request_changes') =>
      api.call('appraiseCriterion', {
        params: { ...ref },
        body: {
          version: current!.version,
          appraisedScore: points ?? current?.selfScore ?? 0,
          comment: comment.trim(),
          decision,
        },
      }),
    onSuccess: () => {
      setComment('');
      void message.success(t('reviewPage.decided'));
      refresh();
    },
    onError: (e) => (e instanceof ApiError && e.status === 409 ? refresh() : undefined),
  });
  const decide = (decision: 'accept' | 'request_changes') => {
    setFormError(undefined);
    if (!comment.trim()) return setFormError(t('reviewPage.commentRequired'));
    appraise.mutate(decision);
  };

  const title = info ? `${code} · ${pick(info.node.title)}` : t('criterion.title', { code });
  const state = current?.state ?? 'draft';
  const max = criterion?.maxPoints ?? info?.node.maxPoints ?? 0;
  const guide = info?.node.guide ?? [];
  // A resubmission starts from the unit's new score; otherwise from the last appraisal.
  const shownPoints =
    points ??
    (state === 'resubmitted' ? current?.selfScore : (current?.appraisedScore ?? current?.selfScore)) ??
    null;

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
          <Row gutter={[12, 12]} className="mc-section">
            <Col xs={24} md={12}>
              <Card size="small" title={t('score.self')} className="mc-fill" data-testid="review-self">
                <div className="mc-figure-value">
                  {current?.selfScore === undefined
                    ? t('score.none')
                    : `${formatNumber(current.selfScore, lang)}/${formatNumber(max, lang)}`}
                </div>
                <ReviewStateTag state={state} />
                {criterion ? (
                  <div className="mc-muted">
                    {t('criterion.coverage')}: {formatPercent(criterion.coverage * 100, lang)}
                  </div>
                ) : null}
                {current?.explanation ? (
                  <>
                    <div className="mc-figure-label">{t('reviewPage.explanation')}</div>
                    <div className="mc-wrap" data-testid="review-explanation">
                      {current.explanation}
                    </div>
                  </>
                ) : null}
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card
                size="small"
                title={t('score.appraised')}
                className="mc-fill"
                data-testid="review-appraised"
              >
                <div className="mc-figure-value">
                  {current?.appraisedScore === undefined
                    ? '—'
                    : `${formatNumber(current.appraisedScore, lang)}/${formatNumber(max, lang)}`}
                </div>
                {current?.reviewerComment ? <div className="mc-wrap">{current.reviewerComment}</div> : null}
              </Card>
            </Col>
          </Row>
          {current?.computed ? (
            <section aria-label={t('evr.computedTitle')} data-testid="review-computed">
              <ComputedResult
                computed={current.computed}
                selfScore={current.selfScore}
                maxPoints={max}
                guide={guide}
                criterionRef={ref}
              />
            </section>
          ) : null}

          <Card size="small" title={t('evidence.title')} className="mc-section">
            {evidence.isPending ? (
              <Loading rows={2} />
            ) : evidence.isError ? (
              <ErrorState error={evidence.error} onRetry={() => void evidence.refetch()} />
            ) : (
              <>
                {cycle.data?.evidencePolicy === 'accepted' ? (
                  <Alert
                    className="mc-section"
                    type="info"
                    showIcon
                    title={t('evr.policyAccepted')}
                    data-testid="evidence-policy"
                  />
                ) : null}
                <EvidenceDownloads
                  criterionRef={ref}
                  items={evidence.data.items}
                  readOnly={cycle.data?.status === 'closed'}
                />
              </>
            )}
          </Card>

          <Card
            size="small"
            title={t('reviewPage.appraisedScore')}
            className="mc-section"
            data-testid="appraisal"
          >
            {!current || !APPRAISABLE.includes(state) ? (
              <p className="mc-muted">
                {t('reviewPage.notReviewable', { state: t(`review.state.${state}`) })}
              </p>
            ) : (
              <form className="mc-score-form" onSubmit={(e) => e.preventDefault()}>
                {state === 'submitted' || state === 'resubmitted' ? (
                  <Button onClick={() => start.mutate()} loading={start.isPending}>
                    {t('reviewPage.start')}
                  </Button>
                ) : null}
                {guide.length ? (
                  <GuideLevelPicker guide={guide} value={shownPoints} onChange={setPoints} />
                ) : (
                  <div className="mc-field">
                    <label htmlFor={pointsId}>
                      {t('reviewPage.appraisedScore')} (0 – {formatNumber(max, lang)})
                    </label>
                    <InputNumber
                      id={pointsId}
                      min={0}
                      max={max}
                      step={0.25}
                      value={shownPoints}
                      onChange={(v) => setPoints(typeof v === 'number' ? v : null)}
                      decimalSeparator={lang === 'vi' ? ',' : '.'}
                    />
                  </div>
                )}
                <div className="mc-field">
                  <label htmlFor={commentId}>{t('reviewPage.comment')}</label>
                  <Input.TextArea
                    id={commentId}
                    rows={3}
                    maxLength={4000}
                    value={comment}
                    onChange={(e) => setComment(e.target.value)}
                  />
                </div>
                {formError ? (
                  <div className="mc-error-text" role="alert">
                    {formError}
                  </div>
                ) : null}
                {appraise.isError ? <ErrorState error={appraise.error} /> : null}
                {start.isError ? <ErrorState error={start.error} /> : null}
                <Space wrap>
                  <Button type="primary" onClick={() => decide('accept')} loading={appraise.isPending}>
                    {t('reviewPage.accept')}
                  </Button>
                  <Button danger onClick={() => decide('request_changes')} loading={appraise.isPending}>
                    {t('reviewPage.requestChanges')}
                  </Button>
                </Space>
              </form>
            )}
          </Card>
          {state !== 'draft' || current ? null : (
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
