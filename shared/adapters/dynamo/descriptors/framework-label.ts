import { droppable } from '#domain/common.ts';
import { type FrameworkLabel, frameworkLabelSchema } from '#domain/framework-label.ts';
import { itemType } from '../kernel/descriptor.ts';
import * as keys from '../keys.ts';

/** A version item read for its label only (read only: versions are written whole, `frameworkItem`). */
export const frameworkLabelItem = /* @__PURE__ */ droppable(() =>
  itemType<FrameworkLabel>({
    type: 'framework',
    schema: frameworkLabelSchema,
    key: (f) => keys.framework(f.frameworkId, f.version),
  }),
);
