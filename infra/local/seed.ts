/** Seeds the demo once: every put is conditional, so a second run writes nothing and overwrites nothing. */

import { putIfAbsent } from '../../shared/adapters/dynamo/items.ts';
import { keys } from '../../shared/adapters/dynamo/keys.ts';
import { DEMO_CYCLE, DEMO_ENTITY, DEMO_FRAMEWORK, DEMO_UNITS } from './demo-data.ts';

export async function seedDemo(): Promise<{ written: number; skipped: number }> {
  const items: Record<string, unknown>[] = [
    { ...keys.entity(DEMO_ENTITY.entityId), _type: 'entity', ...DEMO_ENTITY },
    ...DEMO_UNITS.map((u) => ({ ...keys.unit(u.entityId, u.unitId), _type: 'unit', ...u })),
    {
      ...keys.framework(DEMO_FRAMEWORK.frameworkId, DEMO_FRAMEWORK.version),
      _type: 'framework',
      ...DEMO_FRAMEWORK,
    },
    {
      ...keys.cycle(DEMO_CYCLE.cycleId),
      ...keys.cycleIndex(DEMO_CYCLE.year, DEMO_CYCLE.cycleId),
      _type: 'cycle',
      ...DEMO_CYCLE,
    },
  ];
  let written = 0;
  for (const item of items) if (await putIfAbsent(item)) written++;
  return { written, skipped: items.length - written };
}
