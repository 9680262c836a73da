import * as z from 'zod';
import { bilingual, id } from './common.ts';

export const unitSchema = z.object({ unitId: id, entityId: id, name: bilingual });
export type Unit = z.infer<typeof unitSchema>;

export const entitySchema = z.object({
  entityId: id,
  /** Decides which criteria apply (sở, huyện, …). */
  type: z.enum(['so', 'huyen', 'xa', 'ban-nganh']),
  name: bilingual,
  province: z.string().min(1),
});
export type Entity = z.infer<typeof entitySchema>;
