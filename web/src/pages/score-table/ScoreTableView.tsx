/**
 * The score table (Bảng điểm tự đánh giá) as an HTML table, the same rows as the .xlsx: groups bold, criteria
 * indented by depth, the evidence one line each, the explanation, the responsible units and the status; a
 * totals row and block. Plain <table> so the print rules (repeated header, no break inside a row) apply.
 */
import type { ScoreTable, ScoreTableRow } from '../../api/types.ts';
import { evidenceLine, indentOf, isGroupRow, unitNames } from '../../common/dossier/model.ts';
import { formatNumber, formatPercent } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Bilingual } from '../../i18n/lang.ts';
import type { MessageKey } from '../../i18n/messages.ts';

type Units = readonly { unitId: string; name: Bilingual }[] | undefined;
/** A figure as the table prints it (blank when the API has none). */
type Format = (v: number | undefined) => string;

export function ScoreTableView({ table, units }: { table: ScoreTable; units: Units }) {
  const { t, lang } = useI18n();
  const n = (v: number | undefined) => (v === undefined ? '' : formatNumber(v, lang));
  const appraised = table.anyAppraised;

  return (
    <>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard */}
      <section className="mc-print-scroll" aria-label={t('dossier.sheet.table')} tabIndex={0}>
        <table className="mc-score-table" data-testid="score-table">
          <Head appraised={appraised} />
          <tbody>
            {table.rows.map((row) => (
              <Row key={row.code} row={row} appraised={appraised} units={units} n={n} />
            ))}
          </tbody>
          <TotalRow totals={table.totals} appraised={appraised} n={n} />
        </table>
      </section>

      <section className="mc-st-totals" aria-label={t('dossier.totals')} data-testid="score-table-totals">
        <Totals totals={table.totals} n={n} />
      </section>
    </>
  );
}

/** The columns' widths and headings; the appraised score only once a criterion has one. */
function Head({ appraised }: { appraised: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <colgroup>
        <col className="mc-st-w-code" />
        <col className="mc-st-w-title" />
        <col className="mc-st-w-num" />
        <col className="mc-st-w-num" />
        {appraised ? <col className="mc-st-w-num" /> : null}
        <col className="mc-st-w-num" />
        <col className="mc-st-w-evidence" />
        <col className="mc-st-w-text" />
        <col className="mc-st-w-units" />
        <col className="mc-st-w-status" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col" className="mc-st-code">
            {t('dossier.col.code')}
          </th>
          <th scope="col" className="mc-st-title">
            {t('dossier.col.title')}
          </th>
          <th scope="col" className="mc-st-num">
            {t('dossier.col.max')}
          </th>
          <th scope="col" className="mc-st-num">
            {t('dossier.col.self')}
          </th>
          {appraised ? (
            <th scope="col" className="mc-st-num">
              {t('dossier.col.appraised')}
            </th>
          ) : null}
          <th scope="col" className="mc-st-num">
            {t('dossier.col.projected')}
          </th>
          <th scope="col" className="mc-st-evidence">
            {t('dossier.col.evidence')}
          </th>
          <th scope="col">{t('dossier.col.explanation')}</th>
          <th scope="col">{t('dossier.col.units')}</th>
          <th scope="col">{t('dossier.col.status')}</th>
        </tr>
      </thead>
    </>
  );
}

/** The totals row at the table's foot, under the number columns. */
function TotalRow({ totals, appraised, n }: { totals: ScoreTable['totals']; appraised: boolean; n: Format }) {
  const { t } = useI18n();
  return (
    <tfoot>
      <tr className="mc-st-group" data-testid="score-table-total">
        <th scope="row" colSpan={2}>
          {t('dossier.totals.total')}
        </th>
        <td className="mc-st-num">{n(totals.maxPoints)}</td>
        <td className="mc-st-num">{n(totals.selfScore)}</td>
        {appraised ? <td className="mc-st-num">{n(totals.appraisedScore)}</td> : null}
        <td className="mc-st-num">{n(totals.projectedPoints)}</td>
        <td colSpan={4} />
      </tr>
    </tfoot>
  );
}

/** The totals block under the table: points, bonus, penalty, the index and its band. */
function Totals({ totals, n }: { totals: ScoreTable['totals']; n: Format }) {
  const { t, lang } = useI18n();
  return (
    <dl>
      <dt>{t('dossier.totals.total')}</dt>
      <dd data-testid="score-table-total-points">
        {t('dossier.totals.totalValue', {
          projected: n(totals.projectedPoints),
          max: n(totals.maxPoints),
          self: n(totals.selfScore),
        })}
      </dd>
      <dt>{t('dossier.totals.bonus')}</dt>
      <dd>{n(totals.bonusPoints)}</dd>
      <dt>{t('dossier.totals.penalty')}</dt>
      <dd>{n(totals.penaltyPoints)}</dd>
      <dt>{t('dossier.totals.index')}</dt>
      <dd data-testid="score-table-index">{formatPercent(totals.projectedIndexPercent, lang)}</dd>
      <dt>{t('dossier.totals.band')}</dt>
      <dd>{totals.band ?? t('dossier.totals.noBand')}</dd>
    </dl>
  );
}

function Row({
  row,
  appraised,
  units,
  n,
}: {
  row: ScoreTableRow;
  appraised: boolean;
  units: Units;
  n: Format;
}) {
  const { t, pick } = useI18n();
  const group = isGroupRow(row);
  const label = {
    number: (v: string) => t('dossier.ev.number', { number: v }),
    date: (d: string) => t('dossier.ev.date', { date: d }),
  };
  return (
    <tr className={group ? 'mc-st-group' : undefined} data-kind={row.kind} data-code={row.code}>
      <td className="mc-st-code">{row.code}</td>
      <td className="mc-st-title mc-wrap" style={{ paddingInlineStart: 6 + indentOf(row) * 12 }}>
        {pick(row.title)}
      </td>
      <td className="mc-st-num">{n(row.maxPoints)}</td>
      <td className="mc-st-num">{n(row.selfScore)}</td>
      {appraised ? <td className="mc-st-num">{n(row.appraisedScore)}</td> : null}
      <td className="mc-st-num">{n(row.projectedPoints)}</td>
      <td className="mc-st-evidence mc-wrap">
        {row.evidence.map((e) => (
          <div key={e.evidenceId}>{evidenceLine(e, label)}</div>
        ))}
      </td>
      <td className="mc-wrap">{row.explanation ?? ''}</td>
      <td className="mc-wrap">{unitNames(row.unitIds, units, pick)}</td>
      <td>{row.status ? t(`dossier.status.${row.status}` as MessageKey) : ''}</td>
    </tr>
  );
}
