/**
 * One evidence requirement (slot) of a criterion as the readiness module judged it: k of n, partly filled
 * counts in part, and under a period rule which periods are covered and which documents need a date.
 * The numbers are the API's (docs/readiness.md, rules 1–2); nothing is recounted here.
 */
import { CheckCircleFilled, ExclamationCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import type { CriterionReadiness } from '../../api/types.ts';
import { formatPercent } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';

type Slot = CriterionReadiness['slots'][number];

/** `2023-Q1` → "Q1/2023"; `2023-H2` → "H2/2023"; `2023-07` → "07/2023"; `2023` → "2023". */
export function periodLabel(key: string): string {
  const m = /^(\d{4})-(.+)$/.exec(key);
  return m ? `${m[2]}/${m[1]}` : key;
}

export function SlotRequirement({ slot: s, label, year }: { slot: Slot; label: string; year?: number }) {
  const { t, lang } = useI18n();
  const partial = !s.filled && s.fill > 0;
  const status = s.filled
    ? t('criterion.slotFilled')
    : partial
      ? t('criterion.slotPartial', { percent: formatPercent(s.fill * 100, lang) })
      : t('criterion.slotMissing');
  const period = s.period ? t(`period.${s.period}` as MessageKey) : undefined;
  const yearText = year !== undefined ? t('criterion.slotYear', { year: String(year) }) : '';
  return (
    <li data-testid={`slot-${s.kind}`} data-fill={s.fill}>
      {s.filled ? (
        <CheckCircleFilled className="mc-ok" aria-hidden />
      ) : partial ? (
        <MinusCircleOutlined className="mc-partial" aria-hidden />
      ) : (
        <ExclamationCircleOutlined className="mc-warn" aria-hidden />
      )}{' '}
      <span>{label}</span>{' '}
      <strong>{t('slot.count', { count: Math.min(s.count, s.minCount), min: s.minCount })}</strong>{' '}
      <span className={s.filled ? 'mc-ok' : partial ? 'mc-partial' : 'mc-warn'} data-testid="slot-status">
        {status}
      </span>
      {period ? (
        <div className="mc-muted mc-wrap">
          {s.periods.length
            ? t('criterion.slotPeriod', {
                period,
                year: yearText,
                have: s.periods.map(periodLabel).join(', '),
              })
            : t('criterion.slotPeriodNone', { period, year: yearText })}
        </div>
      ) : null}
      {s.undated > 0 ? (
        <div className="mc-warn mc-wrap">{t('criterion.slotUndated', { count: s.undated })}</div>
      ) : null}
      {s.outsideYear > 0 ? (
        <div className="mc-warn mc-wrap">{t('criterion.slotOutsideYear', { count: s.outsideYear })}</div>
      ) : null}
    </li>
  );
}
