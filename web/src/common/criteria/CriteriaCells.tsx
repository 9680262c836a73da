/** The criteria tree's cells: slot tags, status tags, an area's roll-up and toggle, a criterion's link and titles. */
import { CaretDownOutlined, CaretRightOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { Link } from 'react-router';
import type { CriterionReadiness } from '../../api/types.ts';
import type { CriterionInfo } from '../../app/reference.ts';
import { formatNumber, formatPercent } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { criterionStatus, docTypeLabel, STATUS_COLOR } from '../labels.ts';
import { STATE_TAG_COLOR } from '../score/ScorePanel.tsx';
import { type AreaRow, criterionPath } from './criteria-rows.ts';

/** A slot's label: the framework's own wording, else the document type's name. */
export function useSlotLabel(info?: CriterionInfo) {
  const { t, pick } = useI18n();
  return (kind: string) => {
    const label = info?.slotLabel(kind);
    return label ? pick(label) : docTypeLabel(kind, t);
  };
}

export function SlotList({ criterion, info }: { criterion: CriterionReadiness; info?: CriterionInfo }) {
  const { t } = useI18n();
  const label = useSlotLabel(info);
  return (
    <ul className="mc-slots">
      {criterion.slots.map((s) => (
        <li key={s.kind}>
          <Tag color={s.filled ? 'green' : s.fill > 0 ? 'gold' : 'default'} className="mc-slot-tag">
            {label(s.kind)} {t('slot.count', { count: Math.min(s.count, s.minCount), min: s.minCount })}
          </Tag>
        </li>
      ))}
    </ul>
  );
}

export function StatusTag({ criterion }: { criterion: CriterionReadiness }) {
  const { t } = useI18n();
  const s = criterionStatus(criterion);
  const review = criterion.state && criterion.state !== 'draft' ? criterion.state : undefined;
  return (
    <>
      <Tag color={STATUS_COLOR[s]} className="mc-status-tag">
        {t(`status.${s}`)}
      </Tag>
      {review ? (
        <Tag color={STATE_TAG_COLOR[review]} className="mc-status-tag" data-testid="row-review-state">
          {t(`review.state.${review}`)}
        </Tag>
      ) : null}
    </>
  );
}

export function AreaSummary({ r }: { r: AreaRow }) {
  const { t, lang } = useI18n();
  return r.node ? (
    <span className="mc-area-rollup" data-testid="area-rollup">
      <span>
        {t('home.tree.rollup', {
          complete: r.node.completeCount,
          total: r.node.criteriaCount,
          percent: formatPercent(r.node.completenessPercent, lang),
        })}
      </span>
      <span>
        {' · '}
        {t('home.tree.points', {
          points: formatNumber(r.node.projectedPoints, lang),
          max: formatNumber(r.node.maxPoints, lang),
        })}
      </span>
    </span>
  ) : null;
}

export function AreaCell(props: { r: AreaRow; isOpen: boolean; label: string; onToggle: () => void }) {
  const { t } = useI18n();
  const { r, isOpen } = props;
  const total = r.node?.criteriaCount;
  return (
    <div className="mc-area-cell">
      <button
        type="button"
        className="mc-area-toggle"
        aria-expanded={isOpen}
        aria-label={t(isOpen ? 'home.tree.collapse' : 'home.tree.expand', { code: r.area })}
        data-testid="area-toggle"
        data-area={r.area}
        onClick={(e) => {
          e.stopPropagation();
          props.onToggle();
        }}
      >
        {isOpen ? <CaretDownOutlined aria-hidden /> : <CaretRightOutlined aria-hidden />}
      </button>
      <div className="mc-area-text">
        <span className="mc-area-title">{props.label}</span>
        {total !== undefined && r.children.length !== total ? (
          <span className="mc-muted"> ({t('home.tree.shownOf', { shown: r.children.length, total })})</span>
        ) : null}
        <div className="mc-only-narrow mc-muted">
          <AreaSummary r={r} />
        </div>
      </div>
    </div>
  );
}

export function CriterionCell(props: {
  c: CriterionReadiness;
  info?: CriterionInfo;
  cycleId: string;
  entityId: string;
}) {
  const { t, pick } = useI18n();
  const { c, info: i } = props;
  return (
    <div>
      <Link
        to={criterionPath(props.cycleId, props.entityId, c.code)}
        aria-label={t('criteria.open', { code: c.code })}
        className="mc-code-link"
        onClick={(e) => e.stopPropagation()}
      >
        {c.code}
      </Link>
      {i ? <span className="mc-criterion-title"> {pick(i.node.title)}</span> : null}
      {i && i.path.length > 1 ? (
        <div className="mc-muted mc-wrap">{pick(i.path[i.path.length - 1]!.title)}</div>
      ) : null}
      <div className="mc-only-narrow">
        <SlotList criterion={c} info={i} />
        <StatusTag criterion={c} />
      </div>
    </div>
  );
}
