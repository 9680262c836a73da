import type { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import * as keys from '#adapters/dynamo/keys.ts';
import { TABLE } from '#adapters/dynamo/table.ts';
import type { AppFunction } from './app-function.ts';

/**
 * DynamoDB actions per access level. TransactWriteItems is authorized per contained action (Put, Update,
 * Delete, ConditionCheck), TransactGetItems by GetItem.
 */
export const TABLE_ACTIONS = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
  write: [
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
    'dynamodb:ConditionCheckItem',
  ],
} as const;

/**
 * Items that carry this attribute (epoch seconds) are deleted by DynamoDB some time after it passes: export
 * jobs (shared/domain/dossier.ts). Reads must still check expiry themselves; deletion is not immediate.
 */
export const TTL_ATTRIBUTE = 'ttl';

export interface DataConstructProps {
  removalPolicy: RemovalPolicy;
  deletionProtection: boolean;
}

/** The single table (keys from shared/adapters/dynamo/table.ts, the same file the local stack reads). */
export class DataConstruct extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: DataConstructProps) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      partitionKey: { name: TABLE.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      deletionProtection: props.deletionProtection,
      removalPolicy: props.removalPolicy,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: TABLE.gsi1.name,
      partitionKey: { name: TABLE.gsi1.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE.gsi1.sortKey, type: AttributeType.STRING },
    });
  }

  /** The table and its GSI by name: no `index/*` wildcard, so a grant names exactly what exists. */
  get resourceArns(): string[] {
    return [this.table.tableArn, `${this.table.tableArn}/index/${TABLE.gsi1.name}`];
  }

  /**
   * Read or read/write on the table for one function, limited to the operations the adapters send
   * (shared/adapters/dynamo: Get, Query, Put, TransactWrite). CDK's `grantReadData` would add Scan, stream
   * reads and `index/*`, which nothing here needs.
   */
  grant(fn: AppFunction, access: 'read' | 'readwrite'): void {
    const actions: string[] =
      access === 'read' ? [...TABLE_ACTIONS.read] : [...TABLE_ACTIONS.read, ...TABLE_ACTIONS.write];
    fn.addToRolePolicy(new PolicyStatement({ effect: Effect.ALLOW, actions, resources: this.resourceArns }));
  }

  /**
   * GetItem of user profiles only (partition key `USER#…`), for the API functions that touch no other data:
   * every request reads its caller's profile (docs/access.md, "Revocation").
   */
  grantProfileRead(fn: AppFunction): void {
    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['dynamodb:GetItem'],
        resources: [this.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [PROFILE_KEYS] } },
      }),
    );
  }
}

/** The partition keys of user profiles, as an IAM `StringLike` pattern. */
export const PROFILE_KEYS = keys.user('*').pk;
