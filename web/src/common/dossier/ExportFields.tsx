/**
 * The choices of an entity's export, each a fieldset: which parts (the package locks the parts it holds) and,
 * for a leader, the whole entity or their own unit's part.
 */
import { Checkbox, Radio } from 'antd';
import { type ReactNode, useId } from 'react';
import type { EntityPart } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { ENTITY_PART_ORDER, isImpliedPart, orderedParts } from './model.ts';

/** Each part's name: its checkbox, and what the progress bar says is being exported. */
export const PART_LABEL: Record<EntityPart, MessageKey> = {
  'score-table': 'dossier.part.scoreTable',
  report: 'dossier.part.report',
  package: 'dossier.part.package',
};

/**
 * The parts to export: a part the package holds is shown ticked and locked while the package is, with a hint
 * saying why; `children` (the report texts' entry) sits under them; none ticked is refused.
 */
export function PartsField({
  chosen,
  onTick,
  children,
}: {
  chosen: ReadonlySet<EntityPart>;
  onTick: (part: EntityPart, on: boolean) => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const hintId = useId();
  const parts = orderedParts(chosen);
  const packing = chosen.has('package');
  return (
    <fieldset className="mc-export-field">
      <legend className="mc-export-label">{t('dossier.parts')}</legend>
      <div className="mc-export-parts">
        {ENTITY_PART_ORDER.map((part) => {
          const implied = isImpliedPart(part, chosen);
          return (
            <Checkbox
              key={part}
              checked={parts.includes(part)}
              disabled={implied}
              aria-describedby={implied || (part === 'package' && packing) ? hintId : undefined}
              onChange={(e) => onTick(part, e.target.checked)}
              data-testid={`export-part-${part}`}
            >
              {t(PART_LABEL[part])}
            </Checkbox>
          );
        })}
      </div>
      {packing ? (
        <p id={hintId} className="mc-muted mc-export-hint" data-testid="export-package-hint">
          {t('dossier.part.packageHint')}
        </p>
      ) : null}
      {children}
      {parts.length === 0 ? (
        <div role="alert" className="mc-error-text">
          {t('dossier.partsRequired')}
        </div>
      ) : null}
    </fieldset>
  );
}

export type ExportScope = 'entity' | 'unit';

/** A leader's choice between the whole entity and their own unit's part. */
export function ScopeField({
  myUnit,
  scope,
  onChange,
}: {
  myUnit: { unitId: string; name?: string };
  scope: ExportScope;
  onChange: (scope: ExportScope) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="mc-export-field">
      <legend className="mc-export-label">{t('dossier.scope')}</legend>
      <Radio.Group
        value={scope}
        className="mc-export-radios"
        onChange={(e) => onChange(e.target.value as ExportScope)}
        options={[
          { value: 'entity', label: t('dossier.scope.entity') },
          { value: 'unit', label: t('dossier.scope.unit', { unit: myUnit.name ?? myUnit.unitId }) },
        ]}
      />
    </fieldset>
  );
}
