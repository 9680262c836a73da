/**
 * A dashboard card: a chart, the same numbers as a table (for screen readers, keyboards and Excel habits),
 * and "Cách tính" with the formula, its inputs and the formula version the server used.
 */
import { Button, Card, Collapse, Descriptions, Typography } from 'antd';
import { type ReactNode, useId, useState } from 'react';
import { type How, HowFigureList } from '../../common/ReadinessSummary.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function ChartCard({
  testId,
  title,
  subtitle,
  chart,
  table,
  empty,
  how,
}: {
  testId: string;
  title: string;
  subtitle?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  /** Shown instead of the chart and the table when there is nothing to draw. */
  empty?: ReactNode;
  how: ReactNode;
}) {
  const { t } = useI18n();
  const titleId = useId();
  const [asTable, setAsTable] = useState(false);
  return (
    <Card className="mc-section mc-chart-card" size="small" data-testid={testId}>
      <section aria-labelledby={titleId}>
        <div className="mc-chart-head">
          <Typography.Title level={2} id={titleId} className="mc-section-title mc-chart-title">
            {title}
          </Typography.Title>
          {empty ? null : (
            <Button
              size="small"
              aria-pressed={asTable}
              aria-label={t(asTable ? 'dashboard.asChartOf' : 'dashboard.asTableOf', { title })}
              onClick={() => setAsTable((v) => !v)}
              data-testid={`${testId}-toggle`}
            >
              {t(asTable ? 'dashboard.asChart' : 'dashboard.asTable')}
            </Button>
          )}
        </div>
        {subtitle ? <div className="mc-muted mc-chart-subtitle">{subtitle}</div> : null}
        {empty ?? (asTable ? <div data-testid={`${testId}-table`}>{table}</div> : chart)}
        <Collapse
          className="mc-how"
          size="small"
          items={[
            {
              key: 'how',
              label: t('readiness.how'),
              children: <div data-testid={`${testId}-how`}>{how}</div>,
            },
          ]}
        />
      </section>
    </Card>
  );
}

/** The body of a card's "Cách tính": what the chart shows, the version, the chart's own inputs, the server's `how`. */
export function ChartHow({
  text,
  formulaVersion,
  inputs,
  how,
  only,
  labels,
}: {
  text: string;
  formulaVersion: string;
  inputs?: { key: string; label: string; value: number | string }[];
  how?: How;
  only?: readonly string[];
  labels?: Record<string, string>;
}) {
  const { t, lang } = useI18n();
  return (
    <div className="mc-chart-how">
      <p className="mc-wrap">{text}</p>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          {
            key: 'version',
            label: t('readiness.formulaVersion'),
            children: <code>{formulaVersion}</code>,
          },
          ...(inputs ?? []).map((i) => ({
            key: i.key,
            label: i.label,
            children: typeof i.value === 'number' ? formatNumber(i.value, lang) : i.value,
          })),
        ]}
      />
      {how ? (
        <>
          <div className="mc-how-subtitle">{t('dashboard.how.figures')}</div>
          <HowFigureList how={how} only={only} labels={labels} />
        </>
      ) : null}
    </div>
  );
}
