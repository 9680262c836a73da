/**
 * The criterion's two cards: what it requires (the evidence slots and how full they are, its maximum points,
 * the scoring guide) and how covered it is, beside the entity's whole coverage — the API's figures as given.
 */
import { Card, Col, Progress, Row } from 'antd';
import type { CriterionReadiness } from '../../api/types.ts';
import type { CriterionInfo } from '../../app/reference.ts';
import { formatNumber, formatPercent } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SlotRequirement } from './SlotRequirement.tsx';

interface Props {
  criterion: CriterionReadiness;
  info?: CriterionInfo;
  slotLabel: (kind: string) => string;
  year?: number;
  entityCoveragePercent: number;
}

export function CriterionSummary({ criterion, info, slotLabel, year, entityCoveragePercent }: Props) {
  const { t, lang, pick } = useI18n();
  return (
    <Row gutter={[12, 12]} className="mc-section">
      <Col xs={24} lg={12}>
        <Card size="small" title={t('criterion.requirements')} className="mc-fill">
          <ul className="mc-requirements" data-testid="requirements">
            {criterion.slots.map((s) => (
              <SlotRequirement key={s.kind} slot={s} label={slotLabel(s.kind)} year={year} />
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
            {formatPercent(entityCoveragePercent, lang)}
          </div>
        </Card>
      </Col>
    </Row>
  );
}
