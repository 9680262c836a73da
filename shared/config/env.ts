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
