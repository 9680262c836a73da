import * as z from 'zod/mini';
import { RECOVERY_DEFAULTS } from '#domain/upload-recovery.ts';
import { coercedNumber } from '#domain/zod-lean.ts';
import type { RedriveConfig } from '#usecases/upload-recovery.ts';

/**
 * Configuration of the upload redrive (functions/redrive-uploads, the local timer, the admin command), parsed
 * once. Kept apart from `env.ts` so the API functions neither need nor see it. docs/evidence.md, "Recovery".
 */
const schema = z.object({
  /** A pending upload with no bytes this long after it was requested is marked `upload_expired`. */
  UPLOAD_EXPIRY_HOURS: z._default(
    coercedNumber().check(z.positive(), z.lte(24 * 30)),
    RECOVERY_DEFAULTS.expireAfterHours,
  ),
  /** The object-created and scan events get this long to settle a revision before the redrive steps in. */
  REDRIVE_GRACE_MINUTES: z._default(
    coercedNumber().check(z.gte(0), z.lte(24 * 60)),
    RECOVERY_DEFAULTS.graceMinutes,
  ),
  /** Revisions examined per run at most (the next run continues). */
  REDRIVE_MAX_PER_RUN: z._default(
    coercedNumber().check(z.int(), z.gte(1), z.lte(10_000)),
    RECOVERY_DEFAULTS.maxPerRun,
  ),
});

let cached: RedriveConfig | undefined;

export function recoveryConfig(): RedriveConfig {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
      throw new Error(`Upload redrive configuration is invalid: ${fields}`);
    }
    const c = parsed.data;
    if (c.REDRIVE_GRACE_MINUTES * 60 >= c.UPLOAD_EXPIRY_HOURS * 3600)
      throw new Error(
        'Upload redrive configuration is invalid: REDRIVE_GRACE_MINUTES must be below UPLOAD_EXPIRY_HOURS',
      );
    cached = {
      expireAfterMs: c.UPLOAD_EXPIRY_HOURS * 3_600_000,
      graceMs: c.REDRIVE_GRACE_MINUTES * 60_000,
      maxPerRun: c.REDRIVE_MAX_PER_RUN,
    };
  }
  return cached;
}
