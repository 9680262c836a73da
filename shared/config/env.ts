import * as z from 'zod/mini';
import { coercedNumber } from '#domain/zod-lean.ts';

/**
 * Environment of every function, parsed once at module load: a missing variable fails the cold start with a
 * clear message instead of a request with a stack trace. Endpoints are set only by the local stack and tests.
 */
const envSchema = z.object({
  TABLE_NAME: z.string().check(z.minLength(1)),
  BUCKET_NAME: z.string().check(z.minLength(3)),
  AWS_REGION: z._default(z.string().check(z.minLength(1)), 'ap-southeast-1'),
  STAGE: z._default(z.enum(['local', 'dev', 'prod']), 'local'),
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  S3_ENDPOINT: z.optional(z.url()),
  UPLOAD_URL_TTL_SECONDS: z._default(coercedNumber().check(z.int(), z.gte(60), z.lte(3600)), 900),
  /** Downloads are short-lived presigned GETs, issued after the policy check. */
  DOWNLOAD_URL_TTL_SECONDS: z._default(coercedNumber().check(z.int(), z.gte(10), z.lte(3600)), 300),
  /** Uploads above this size go multipart (resumable); parts are this size (S3 minimum 5 MiB). */
  MULTIPART_THRESHOLD_BYTES: z._default(
    coercedNumber().check(z.int(), z.gte(5 * 1024 * 1024)),
    16 * 1024 * 1024,
  ),
  MULTIPART_PART_BYTES: z._default(
    coercedNumber().check(z.int(), z.gte(5 * 1024 * 1024), z.lte(5 * 1024 * 1024 * 1024)),
    8 * 1024 * 1024,
  ),
  /** The export worker (build-export) that request-export invokes asynchronously. */
  EXPORT_FUNCTION_NAME: z.optional(z.string().check(z.minLength(1))),
  /** The function carry-forward hands its remaining copies to (redrive-uploads), invoked asynchronously. */
  CARRY_COPY_FUNCTION_NAME: z.optional(z.string().check(z.minLength(1))),
  /** Local only: the local stack's Lambda invoke front (infra/local/lambda-front.ts). */
  LAMBDA_ENDPOINT: z.optional(z.url()),
  /** `guardduty` (AWS: verdict from GuardDuty's tag/event) or `eicar` (local signature scanner). Default by stage. */
  MALWARE_SCANNER: z.optional(z.enum(['guardduty', 'eicar'])),
});
export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
      throw new Error(`Function environment is incomplete or invalid: ${fields}`);
    }
    cached = parsed.data;
  }
  return cached;
}
