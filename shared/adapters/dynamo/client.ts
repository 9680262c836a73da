import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { clientOptions } from '#adapters/client-profile.ts';
import { env } from '#config/env.ts';

let doc: DynamoDBDocumentClient | undefined;

/** One document client per container, created on first use and reused across invocations. */
export function documentClient(): DynamoDBDocumentClient {
  if (!doc) {
    const { AWS_REGION, DYNAMODB_ENDPOINT } = env();
    const client = new DynamoDBClient({
      region: AWS_REGION,
      ...(DYNAMODB_ENDPOINT ? { endpoint: DYNAMODB_ENDPOINT } : {}),
      // Every DynamoDB call is short: a stalled table becomes a 503 within 3 s, never a hang.
      ...clientOptions('request'),
    });
    doc = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    });
  }
  return doc;
}

export const tableName = (): string => env().TABLE_NAME;
