import * as z from 'zod';

/**
 * Environment of every function, parsed once at module load: a missing variable fails the cold start with a
 * clear message instead of a request with a stack trace. Endpoints are set only by the local stack and tests.
 */
const envSchema = z.object({
  TABLE_NAME: z.string().min(1),
  BUCKET_NAME: z.string().min(3),
  AWS_REGION: z.string().min(1).default('ap-southeast-1'),
  STAGE: z.enum(['local', 'dev', 'prod']).default('local'),
  DYNAMODB_ENDPOINT: z.url().optional(),
  S3_ENDPOINT: z.url().optional(),
  UPLOAD_URL_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  /** Downloads are short-lived presigned GETs, issued after the policy check. */
  DOWNLOAD_URL_TTL_SECONDS: z.coerce.number().int().min(10).max(3600).default(300),
  /** Uploads above this size go multipart (resumable); parts are this size (S3 minimum 5 MiB). */
  MULTIPART_THRESHOLD_BYTES: z.coerce
    .number()
    .int()
    .min(5 * 1024 * 1024)
    .default(16 * 1024 * 1024),
  MULTIPART_PART_BYTES: z.coerce
    .number()
    .int()
    .min(5 * 1024 * 1024)
    .max(5 * 1024 * 1024 * 1024)
    .default(8 * 1024 * 1024),
  /** The export worker (build-export) that request-export invokes asynchronously. */
  EXPORT_FUNCTION_NAME: z.string().min(1).optional(),
  /** The function carry-forward hands its remaining copies to (redrive-uploads), invoked asynchronously. */
  CARRY_COPY_FUNCTION_NAME: z.string().min(1).optional(),
  /** Local only: the local stack's Lambda invoke front (infra/local/lambda-front.ts). */
  LAMBDA_ENDPOINT: z.url().optional(),
  /** `guardduty` (AWS: verdict from GuardDuty's tag/event) or `eicar` (local signature scanner). Default by stage. */
  MALWARE_SCANNER: z.enum(['guardduty', 'eicar']).optional(),
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
