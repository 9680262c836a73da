/**
 * The single table's shape, shared by the CDK stack, the local stack and the tests so they cannot drift.
 * Access patterns and keys are documented in docs/data-model.md.
 */
export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  gsi1: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
} as const;
