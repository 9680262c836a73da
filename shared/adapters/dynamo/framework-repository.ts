import type { Framework } from '../../domain/framework.ts';
import type { FrameworkRepository } from '../../ports.ts';
import { getItem } from './items.ts';
import { keys } from './keys.ts';

export const frameworkRepository: FrameworkRepository = {
  get: (frameworkId, version) => getItem<Framework>(keys.framework(frameworkId, version)),
};
