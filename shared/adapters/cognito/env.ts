import * as z from 'zod/mini';

const schema = z.object({
  AWS_REGION: z._default(z.string().check(z.minLength(1)), 'ap-southeast-1'),
  USER_POOL_ID: z.string().check(z.minLength(1)),
  /** Set only locally: the local issuer speaks the same admin API. */
  COGNITO_ENDPOINT: z.optional(z.url()),
});

let cached: z.infer<typeof schema> | undefined;
export function cognitoEnv() {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success)
      throw new Error(
        `User administration environment is incomplete: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
      );
    cached = parsed.data;
  }
  return cached;
}
