/**
 * Inputs of a `computed` criterion (a ratio such as "files settled on time / files settled"): the numerator
 * and the denominator, each optionally citing the evidence of this criterion it comes from; and the result
 * the server computed from them — percent, points and the rule that turned one into the other.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, InputNumber, Select } from 'antd';
import { useId } from 'react';
import type { CriterionRef } from '../../api/client.ts';
import { evidenceView } from '../../api/evidence-view.ts';
import type { FieldIssue, Score } from '../../api/types.ts';
import { useServices } from '../../app/context.tsx';
import { queryKeys } from '../../app/queries.ts';
import { formatNumber, formatPercent } from '../../i18n/format.ts';
import { type Bilingual, useI18n } from '../../i18n/i18n.tsx';
import type { InputsValue } from './inputs-value.ts';

export type { InputsValue } from './inputs-value.ts';

/** The criterion's evidence (the same query as the list on the page: one request, one cache). */
function useCriterionEvidence(criterionRef: CriterionRef) {
  const { api } = useServices();
  const { cycleId, entityId, criterionCode } = criterionRef;
  return useQuery({
    queryKey: queryKeys.evidence(cycleId, entityId, criterionCode),
    queryFn: () => api.call('listEvidence', { params: { ...criterionRef }, query: { limit: 100 } }),
  });
}

function InputField({
  which,
  value,
  evidenceId,
  onValue,
  onEvidence,
  options,
  issue,
}: {
  which: 'numerator' | 'denominator';
  value: number | null;
  evidenceId?: string;
  onValue: (v: number | null) => void;
  onEvidence: (id: string | undefined) => void;
  options: { value: string; label: string }[];
  issue?: string;
}) {
  const { t, lang } = useI18n();
  const valueId = useId();
  const sourceId = useId();
  const hintId = useId();
  const errorId = useId();
  return (
    <div className="mc-computed-input" data-testid={`computed-${which}`}>
      <div className="mc-field">
        <label htmlFor={valueId}>{t(`ev.computed.${which}`)}</label>
        <div id={hintId} className="mc-muted">
          {t(`ev.computed.${which}Hint`)}
        </div>
        <InputNumber
          id={valueId}
          min={0}
          max={1e12}
          step={1}
          value={value}
          onChange={(v) => onValue(typeof v === 'number' ? v : null)}
          decimalSeparator={lang === 'vi' ? ',' : '.'}
          suffix={t('ev.computed.unit')}
          status={issue ? 'error' : undefined}
          aria-describedby={issue ? `${hintId} ${errorId}` : hintId}
          aria-invalid={issue ? true : undefined}
          className="mc-computed-number"
        />
        {issue ? (
          <div id={errorId} className="mc-error-text" role="alert">
            {issue}
          </div>
        ) : null}
      </div>
      <div className="mc-field">
        <label htmlFor={sourceId}>{t('ev.computed.source')}</label>
        <Select
          id={sourceId}
          allowClear
          value={evidenceId}
          onChange={(v) => onEvidence(v ?? undefined)}
          options={options}
          placeholder={t('ev.computed.sourceNone')}
          notFoundContent={t('ev.computed.noEvidence')}
        />
      </div>
    </div>
  );
}

export function ComputedInputs({
  criterionRef,
  title,
  value,
  onChange,
  issues,
}: {
  criterionRef: CriterionRef;
  title?: Bilingual;
  value: InputsValue;
  onChange: (v: InputsValue) => void;
  issues: FieldIssue[];
}) {
  const { t, pick } = useI18n();
  const evidence = useCriterionEvidence(criterionRef);
  const options = (evidence.data?.items ?? []).map((e) => {
    const v = evidenceView(e);
    return { value: v.evidenceId, label: v.title };
  });
  const issueOf = (which: string) => {
    const i = issues.find(
      (x) => x.field === `body.inputs.${which}.value` || x.field === `body.inputs.${which}`,
    );
    return i ? pick(i.message) : undefined;
  };
  return (
    <fieldset className="mc-fieldset mc-computed" data-testid="computed-inputs">
      <legend className="mc-figure-label">{t('ev.computed.legend')}</legend>
      <p className="mc-muted">
        {t('ev.computed.rule', { title: title ? pick(title) : criterionRef.criterionCode })}
      </p>
      <div className="mc-computed-row">
        <InputField
          which="numerator"
          value={value.numerator}
          evidenceId={value.numeratorEvidenceId}
          onValue={(numerator) => onChange({ ...value, numerator })}
          onEvidence={(numeratorEvidenceId) => onChange({ ...value, numeratorEvidenceId })}
          options={options}
          issue={issueOf('numerator')}
        />
        <InputField
          which="denominator"
          value={value.denominator}
          evidenceId={value.denominatorEvidenceId}
          onValue={(denominator) => onChange({ ...value, denominator })}
          onEvidence={(denominatorEvidenceId) => onChange({ ...value, denominatorEvidenceId })}
          options={options}
          issue={issueOf('denominator')}
        />
      </div>
    </fieldset>
  );
}

/** What the server computed: "95 / 100 = 95 %", the points, and how (guide level, or max × ratio). */
export function ComputedResult({
  computed,
  selfScore,
  maxPoints,
  guide,
  criterionRef,
}: {
  computed: NonNullable<Score['computed']>;
  selfScore?: number;
  maxPoints: number;
  guide: { points: number; label: Bilingual }[];
  criterionRef: CriterionRef;
}) {
  const { t, lang, pick } = useI18n();
  const evidence = useCriterionEvidence(criterionRef);
  const titleOf = (id?: string) => {
    const e = id && evidence.data?.items.find((x) => x.evidenceId === id);
    return e ? evidenceView(e).title : undefined;
  };
  const n = (x: number) => formatNumber(x, lang);
  // The level the server's points correspond to (for the wording only; the points are the server's).
  const level = computed.rule === 'guide-thresholds' ? guide.find((g) => g.points === selfScore) : undefined;
  const how =
    computed.rule === 'guide-thresholds'
      ? t('ev.computed.howGuide', {
          level: level ? pick(level.label) : '—',
          points: selfScore === undefined ? '—' : n(selfScore),
        })
      : t('ev.computed.howProportional', {
          max: n(maxPoints),
          percent: formatPercent(computed.percent, lang),
          points: selfScore === undefined ? '—' : n(selfScore),
        });
  const sources = [
    titleOf(computed.numerator.evidenceId) &&
      t('ev.computed.numeratorFrom', { title: titleOf(computed.numerator.evidenceId)! }),
    titleOf(computed.denominator.evidenceId) &&
      t('ev.computed.denominatorFrom', { title: titleOf(computed.denominator.evidenceId)! }),
  ].filter(Boolean);
  return (
    <Alert
      className="mc-section"
      type="info"
      showIcon
      data-testid="computed-result"
      title={t('ev.computed.result', {
        numerator: n(computed.numerator.value),
        denominator: n(computed.denominator.value),
        percent: formatPercent(computed.percent, lang),
        points: selfScore === undefined ? '—' : n(selfScore),
        max: n(maxPoints),
      })}
      description={
        <>
          <div data-testid="computed-how">{how}</div>
          {sources.map((s) => (
            <div key={s as string} className="mc-muted mc-wrap">
              {s}
            </div>
          ))}
        </>
      }
    />
  );
}
