import { Radio, Space } from 'antd';
import type { FrameworkNode } from '../../api/types.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type GuideLevel = NonNullable<FrameworkNode['guide']>[number];

/** The scoring guide's levels as choices (points and wording), for the self score and the appraisal alike. */
export function GuideLevelPicker(props: {
  guide: readonly GuideLevel[];
  value: number | null | undefined;
  onChange: (points: number) => void;
}) {
  const { t, lang, pick } = useI18n();
  return (
    <fieldset className="mc-fieldset">
      <legend>{t('score.level')}</legend>
      <Radio.Group value={props.value} onChange={(e) => props.onChange(e.target.value as number)}>
        <Space direction="vertical">
          {props.guide.map((g) => (
            <Radio key={`${g.points}-${g.label.vi}`} value={g.points}>
              <strong>{formatNumber(g.points, lang)}</strong> —{' '}
              <span className="mc-wrap">{pick(g.label)}</span>
            </Radio>
          ))}
        </Space>
      </Radio.Group>
    </fieldset>
  );
}
