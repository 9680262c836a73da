/**
 * An entity's readiness in four figures (BRIEF §4), each with its meaning, and the "how this is computed"
 * panel with the formula version and the inputs the server used. Numbers come from the API only: the UI
 * never recomputes them, so every screen shows the same figure.
 */
import { Card, Col, Collapse, Descriptions, Progress, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
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
            detail={t('readiness.completenessDetail', { done: r.completeCount, total: r.criteriaCount })}
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
  atRiskPoints: 'readiness.atRisk',
  bonusPoints: 'readiness.how.bonus',
  penaltyPoints: 'readiness.how.penalty',
  surveyPoints: 'readiness.how.survey',
  band: 'readiness.key.band',
};

export type How = Record<
  string,
  { formula: string; inputs: Record<string, number | string>; value: number | string | null }
>;

/**
 * Each figure's formula, the inputs the server used and its result (the API's `how`), in a list. Shared by
 * this panel and the dashboards' "Cách tính" panels: `only` picks figures, `labels` names keys not listed here.
 */
export function HowFigureList({
  how,
  only,
  labels = {},
}: {
  how: How;
  only?: readonly string[];
  labels?: Record<string, string>;
}) {
  const { t, lang } = useI18n();
  const show = (v: number | string | null) => (typeof v === 'number' ? formatNumber(v, lang) : (v ?? '—'));
  const keys = only ? only.filter((k) => k in how) : Object.keys(how);
  return (
    <ul className="mc-how-figures">
      {keys.map((key) => {
        const h = how[key]!;
        return (
          <li key={key} className="mc-how-figure">
            <div className="mc-how-figure-head">
              <span>{labels[key] ?? (key in HOW_LABELS ? t(HOW_LABELS[key]!) : key)}</span>
              <strong>{show(h.value)}</strong>
            </div>
            <code className="mc-wrap mc-how-formula">{h.formula}</code>
            <div className="mc-muted mc-wrap">
              {Object.entries(h.inputs)
                .map(([k, v]) => `${k} = ${show(v)}`)
                .join(' · ')}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

export function HowComputed({ readiness: r }: { readiness: Readiness }) {
  const { t, lang } = useI18n();
  const n = (v: number) => formatNumber(v, lang);
  // Newer APIs spell out every figure (formula, inputs, result); older ones only the two summary lines.
  const how = (r as { how?: How }).how;
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
              <ul className="mc-how-list">
                <li>{t('readiness.how.coverage')}</li>
                <li>{t('readiness.how.completeness')}</li>
                <li>{t('readiness.how.projected')}</li>
                <li>{t('readiness.how.atRisk')}</li>
              </ul>
              <Descriptions
                size="small"
                column={1}
                bordered
                title={t('readiness.how.inputs')}
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
                  ...(how
                    ? []
                    : [
                        { key: 'c', label: t('readiness.completeness'), children: r.explain.completeness },
                        {
                          key: 'i',
                          label: t('readiness.projected'),
                          children: <code className="mc-wrap">{r.explain.projectedIndex}</code>,
                        },
                        { key: 's', label: t('readiness.how.survey'), children: n(r.explain.surveyPoints) },
                        { key: 'b', label: t('readiness.how.bonus'), children: n(r.explain.bonusPoints) },
                        {
                          key: 'pe',
                          label: t('readiness.how.penalty'),
                          children: n(r.explain.penaltyPoints),
                        },
                      ]),
                ]}
              />
              {how ? <HowFigureList how={how} /> : null}
            </div>
          ),
        },
      ]}
    />
  );
}
