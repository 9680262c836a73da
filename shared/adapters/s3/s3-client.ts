/** The S3 clients (one per profile and container) and what every object-store step shares. */
import { S3Client } from '@aws-sdk/client-s3';
import { type ClientProfile, clientOptions } from '#adapters/client-profile.ts';
import { env } from '#config/env.ts';

const clients = new Map<ClientProfile, S3Client>();

/** One client per profile and container (docs/architecture.md, "Storage faults answer fast"). */
export function s3Client(profile: ClientProfile): S3Client {
  let client = clients.get(profile);
  if (!client) {
    const { AWS_REGION, S3_ENDPOINT } = env();
    client = new S3Client({
      region: AWS_REGION,
      ...(S3_ENDPOINT ? { endpoint: S3_ENDPOINT, forcePathStyle: true } : {}),
      // Without this the presigner signs a CRC32 of an empty body into upload URLs, and streamed bodies use
      // aws-chunked trailers that s3rver 3.7 rejects.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...clientOptions(profile),
    });
    clients.set(profile, client);
  }
  return client;
}

export const STORE = 'kho tệp (object store)';
export const bucket = () => env().BUCKET_NAME;
export const errorName = (e: unknown) => (e as { name?: string }).name ?? '';
export const status = (e: unknown) =>
  (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
/** s3rver answers 405 MethodNotAllowed for what it does not implement (ListParts, versions, abort). */
export const notImplemented = (e: unknown) =>
  ['MethodNotAllowed', 'NotImplemented'].includes(errorName(e)) || status(e) === 405 || status(e) === 501;
export const expiry = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

/** A client getter bound to a profile: each step asks for it when it runs (the env is read lazily). */
export type S3 = () => S3Client;
