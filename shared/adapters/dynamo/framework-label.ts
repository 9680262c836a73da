/**
 * A framework version's label (name, provenance, note) without its nodes: a projected GetItem, so reading a
 * cycle never pulls a version item of hundreds of KB. One export, so a handler bundles only this read.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { guard } from '#adapters/guard.ts';
import { FRAMEWORK_LABEL_FIELDS, type FrameworkLabel } from '#domain/framework-label.ts';
import { documentClient, tableName } from './client.ts';
import { frameworkLabelItem } from './descriptors/framework-label.ts';
import { DB } from './items.ts';
import * as keys from './keys.ts';

export async function getLabel(frameworkId: string, version: number): Promise<FrameworkLabel | undefined> {
  const names = Object.fromEntries(FRAMEWORK_LABEL_FIELDS.map((f, i) => [`#f${i}`, f]));
  const key = keys.framework(frameworkId, version);
  const res = await guard(DB, () =>
    documentClient().send(
      new GetCommand({
        TableName: tableName(),
        Key: key,
        // The keys too: a corrupt item's error names where it is.
        ProjectionExpression: ['pk', 'sk', ...Object.keys(names)].join(', '),
        ExpressionAttributeNames: names,
      }),
    ),
  );
  return res.Item ? frameworkLabelItem.fromItem(res.Item) : undefined;
}
