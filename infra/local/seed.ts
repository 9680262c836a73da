/** Seeds the demo once: every put is conditional, so a second run writes nothing and overwrites nothing. */

import { assignmentItem } from '#adapters/dynamo/assignment-repository.ts';
import { putIfAbsent } from '#adapters/dynamo/items.ts';
import * as keys from '#adapters/dynamo/keys.ts';
import type { FrameworkHead } from '#ports.ts';
import {
  DEMO_ASSIGNMENTS,
  DEMO_CYCLE,
  DEMO_ENTITIES,
  DEMO_FRAMEWORKS,
  DEMO_PROVINCE,
  DEMO_UNITS,
} from './demo-data.ts';
import { demoUserItems } from './demo-user-profiles.ts';

export function demoItems(): Record<string, unknown>[] {
  return [
    { ...keys.province(DEMO_PROVINCE.provinceId), _type: 'province', ...DEMO_PROVINCE },
    ...DEMO_ENTITIES.map((e) => ({
      ...keys.entity(e.entityId),
      ...keys.entityIndex(e.provinceId!, e.type, e.entityId),
      _type: 'entity',
      ...e,
    })),
    ...DEMO_UNITS.map((u) => ({ ...keys.unit(u.entityId, u.unitId), _type: 'unit', ...u })),
    ...DEMO_FRAMEWORKS.flatMap((f) => {
      const head: FrameworkHead = {
        frameworkId: f.frameworkId,
        name: f.name,
        index: f.index,
        provenance: f.provenance,
        latestVersion: f.version,
        latestPublishedVersion: f.version,
        updatedAt: f.publishedAt!,
        revision: 1,
      };
      return [
        {
          ...keys.framework(f.frameworkId, f.version),
          _type: 'framework',
          ...f,
          nodeCount: f.nodes.length,
        },
        {
          ...keys.frameworkHead(f.frameworkId),
          ...keys.frameworkIndex(f.frameworkId),
          _type: 'framework-head',
          ...head,
        },
      ];
    }),
    {
      ...keys.cycle(DEMO_CYCLE.cycleId),
      ...keys.cycleIndex(DEMO_CYCLE.year, DEMO_CYCLE.cycleId),
      _type: 'cycle',
      ...DEMO_CYCLE,
    },
    ...DEMO_ASSIGNMENTS.map(assignmentItem),
    // Reminders reach users through their profiles.
    ...demoUserItems(),
  ];
}

export async function seedDemo(): Promise<{ written: number; skipped: number }> {
  const items = demoItems();
  // Independent conditional puts: in parallel, a few at a time, so seeding stays well under a second.
  let written = 0;
  for (let i = 0; i < items.length; i += 10) {
    const done = await Promise.all(items.slice(i, i + 10).map(putIfAbsent));
    written += done.filter(Boolean).length;
  }
  return { written, skipped: items.length - written };
}
