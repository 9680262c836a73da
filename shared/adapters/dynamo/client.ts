import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { env } from '../../config/env.ts';

let doc: DynamoDBDocumentClient | undefined;

/** One document client per container, created on first use and reused across invocations. */
export function documentClient(): DynamoDBDocumentClient {
  if (!doc) {
    const { AWS_REGION, DYNAMODB_ENDPOINT } = env();
    const client = new DynamoDBClient({
      region: AWS_REGION,
      ...(DYNAMODB_ENDPOINT ? { endpoint: DYNAMODB_ENDPOINT } : {}),
      // Fail fast so a dead dependency becomes a 503 instead of a Lambda timeout.
      maxAttempts: 3,
    });
    doc = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    });
  }
  return doc;
}

export const tableName = (): string => env().TABLE_NAME;
