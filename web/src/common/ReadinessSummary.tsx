/**
 * An entity's readiness in four figures (docs/readiness.md), each with its meaning, and the "how this is computed"
 * panel with the formula version and the inputs the server used. Numbers come from the API only: the UI
 * never recomputes them, so every screen shows the same figure.
 */
import { Card, Col, Collapse, Descriptions, Progress, Row, Switch, Tag, Typography } from 'antd';
import { type ReactNode, useId, useState } from 'react';
import type { Readiness } from '../api/types.ts';
import { formatNumber, formatPercent } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';

/** One headline figure: label, value (`<testId>-value`), an optional bar and a line of meaning. */
export function Figure({
  testId,
  label,
  value,
  percent,
  detail,
  extra,
}: {
  testId: string;
  label: string;
  value: string;
  percent?: number;
  detail: string;
  extra?: ReactNode;
}) {
  return (
    <Card className="mc-figure" data-testid={testId} size="small">
      <div className="mc-figure-label">{label}</div>
      <div className="mc-figure-value">
        <span data-testid={`${testId}-value`}>{value}</span> {extra}
      </div>
      {percent !== undefined ? (
        <Progress percent={percent} showInfo={false} size="small" aria-label={`${label}: ${value}`} />
      ) : null}
      <div className="mc-muted">{detail}</div>
    </Card>
  );
}

export function ReadinessSummary({ readiness: r }: { readiness: Readiness }) {
  const { t, lang } = useI18n();
  const n = (v: number) => formatNumber(v, lang);
  return (
    <section aria-labelledby="readiness-title" className="mc-section">
      <Typography.Title level={2} id="readiness-title" className="mc-section-title">
        {t('readiness.title')}
      </Typography.Title>
      <Row gutter={[12, 12]}>
        <Col xs={12} xl={6}>
          <Figure
            testId="readiness-coverage"
            label={t('readiness.coverage')}
            value={formatPercent(r.evidenceCoveragePercent, lang)}
            percent={r.evidenceCoveragePercent}
            detail={t('readiness.coverageDetail')}
          />
        </Col>
        <Col xs={12} xl={6}>
          <Figure
            testId="readiness-completeness"
            label={t('readiness.completeness')}
            value={formatPercent(r.completenessPercent, lang)}
            percent={r.completenessPercent}
            detail={
              r.completeByExplanationCount
                ? t('readiness.completenessExplained', {
                    done: r.completeCount,
                    total: r.criteriaCount,
                    explained: r.completeByExplanationCount,
                  })
                : t('readiness.completenessDetail', { done: r.completeCount, total: r.criteriaCount })
            }
          />
        </Col>
        <Col xs={12} xl={6}>
          <Figure
            testId="readiness-projected"
            label={t('readiness.projected')}
            value={formatPercent(r.projectedIndexPercent, lang)}
            percent={r.projectedIndexPercent}
            detail={t('readiness.projectedDetail', {
              points: n(r.projectedPoints),
              max: n(r.maxPoints + r.surveyMaxPoints),
            })}
            extra={r.band ? <Tag color="blue">{t('readiness.band', { band: r.band })}</Tag> : null}
          />
        </Col>
        <Col xs={12} xl={6}>
          <Figure
            testId="readiness-at-risk"
            label={t('readiness.atRisk')}
            value={n(r.atRiskPoints)}
            detail={t('readiness.atRiskDetail')}
          />
        </Col>
      </Row>
      <HowComputed readiness={r} />
    </section>
  );
}

const HOW_LABELS: Record<string, MessageKey> = {
  evidenceCoveragePercent: 'readiness.coverage',
  completenessPercent: 'readiness.completeness',
  completenessByPointsPercent: 'readiness.key.completenessByPointsPercent',
  projectedPoints: 'readiness.key.projectedPoints',
  projectedIndexPercent: 'readiness.projected',
  selfAssessedIndexPercent: 'readiness.key.selfAssessedIndexPercent',
  atRiskPoints: 'readiness.atRisk',
  bonusPoints: 'readiness.how.bonus',
  penaltyPoints: 'readiness.how.penalty',
  surveyPoints: 'readiness.how.survey',
  band: 'readiness.key.band',
};

export type How = Record<
  string,
  {
    formula: string;
    inputs: Record<string, number | string>;
    value: number | string | null;
    says?: { vi: string; en: string };
  }
>;

/**
 * Each figure of the API's `how`: what it is and its value, then the computation in plain sentences with
 * this entity's numbers (`says`, in the app's language) and, when `showFormula`, the formula notation and
 * the inputs the server used. Shared by this panel and the dashboards' "Cách tính" panels: `only` picks
 * figures, `labels` names keys not listed here. A figure without sentences (cycle-wide figures) always shows
 * its formula.
 */
export function HowFigureList({
  how,
  only,
  labels = {},
  showFormula = true,
}: {
  how: How;
  only?: readonly string[];
  labels?: Record<string, string>;
  showFormula?: boolean;
}) {
  const { t, lang } = useI18n();
  const show = (v: number | string | null) => (typeof v === 'number' ? formatNumber(v, lang) : (v ?? '—'));
  const keys = only ? only.filter((k) => k in how) : Object.keys(how);
  return (
    <ul className="mc-how-figures">
      {keys.map((key) => {
        const h = how[key]!;
        const says = h.says?.[lang];
        return (
          <li key={key} className="mc-how-figure" data-testid={`how-${key}`}>
            <div className="mc-how-figure-head">
              <span>{labels[key] ?? (key in HOW_LABELS ? t(HOW_LABELS[key]!) : key)}</span>
              <strong>{show(h.value)}</strong>
            </div>
            {says ? (
              <p className="mc-wrap mc-how-says" data-testid="how-says">
                {says}
              </p>
            ) : null}
            {showFormula || !says ? (
              <>
                <code className="mc-wrap mc-how-formula">{h.formula}</code>
                <div className="mc-muted mc-wrap">
                  {Object.entries(h.inputs)
                    .map(([k, v]) => `${k} = ${show(v)}`)
                    .join(' · ')}
                </div>
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** "Cách tính" of an entity's readiness: each figure in sentences, the formulas behind a switch. */
export function HowComputed({ readiness: r }: { readiness: Readiness }) {
  const { t } = useI18n();
  const [showFormula, setShowFormula] = useState(false);
  const toggleId = useId();
  return (
    <Collapse
      className="mc-how"
      size="small"
      items={[
        {
          key: 'how',
          label: t('readiness.how'),
          children: (
            <div data-testid="how-computed">
              <Descriptions
                size="small"
                column={1}
                bordered
                items={[
                  {
                    key: 'v',
                    label: t('readiness.formulaVersion'),
                    children: <code>{r.formulaVersion}</code>,
                  },
                  {
                    key: 'p',
                    label: t('readiness.policy'),
                    children: t(`readiness.policy.${r.explain.evidencePolicy}`),
                  },
                ]}
              />
              <div className="mc-how-toggle">
                <Switch
                  id={toggleId}
                  size="small"
                  checked={showFormula}
                  onChange={setShowFormula}
                  data-testid={toggleId}
                />
                <label htmlFor={toggleId}>{t('readiness.how.showFormula')}</label>
              </div>
              {showFormula ? (
                <ul className="mc-how-list">
                  <li>{t('readiness.how.coverage')}</li>
                  <li>{t('readiness.how.completeness')}</li>
                  <li>{t('readiness.how.projected')}</li>
                  <li>{t('readiness.how.atRisk')}</li>
                </ul>
              ) : null}
              <HowFigureList how={r.how as How} showFormula={showFormula} />
            </div>
          ),
        },
      ]}
    />
  );
}
