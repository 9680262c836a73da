/**
 * An item type of the single table, described once: its type tag, its keys (built by keys.ts), how a value
 * becomes an item and how an item read back becomes a value again — parsed once with zod, so a corrupt item
 * is a `CorruptItemError` naming the item, never a silent cast (docs/data-model.md, "The write kernel").
 */
import type * as z from 'zod/mini';

export type Item = Record<string, unknown>;
export interface Key {
  pk: string;
  sk: string;
}

/** Attributes only the data layer uses: never part of a value handed out. */
const INTERNAL = ['pk', 'sk', 'gsi1pk', 'gsi1sk', '_type'] as const;

/** A stored item that is not what its type says: a bug or a hand edit, answered as a server error. */
export class CorruptItemError extends Error {
  override readonly name = 'CorruptItemError';
  readonly type: string;
  readonly key: Partial<Key>;
  readonly issues: readonly z.core.$ZodIssue[];
  constructor(type: string, key: Partial<Key>, issues: readonly z.core.$ZodIssue[], detail?: string) {
    const where = `${key.pk ?? '?'} / ${key.sk ?? '?'}`;
    const what = detail ?? issues.map((i) => `${i.path.join('.') || '(item)'}: ${i.message}`).join('; ');
    super(`corrupt ${type} item at ${where}: ${what}`);
    this.type = type;
    this.key = key;
    this.issues = issues;
  }
}

export interface ItemDescriptor<T, In = T> {
  /** The `_type` tag every item of this type carries. */
  readonly type: string;
  /** The primary key (from keys.ts). */
  key(value: In): Key;
  /** The item as stored: keys, index keys, type tag, attributes. */
  toItem(value: In): Item;
  /** The value of a stored item (keys and tag stripped), validated; throws `CorruptItemError`. */
  fromItem(item: Item): T;
}

export interface ItemSpec<T, In> {
  type: string;
  /** What a stored item must hold; attributes outside it are the data layer's and are dropped. */
  schema: z.ZodMiniType<T>;
  key: (value: In) => Key;
  /** gsi1 keys, when the item is listed through the index (may be none, for a sparse index). */
  index?: (value: In) => Partial<Record<'gsi1pk' | 'gsi1sk', string>>;
  /** The stored attributes (default: the value itself). */
  attributes?: (value: In) => Item;
}

export function itemType<T, In = T>(spec: ItemSpec<T, In>): ItemDescriptor<T, In> {
  const attributes = spec.attributes ?? ((v: In) => v as Item);
  return {
    type: spec.type,
    key: spec.key,
    toItem: (value) => ({
      ...spec.key(value),
      ...spec.index?.(value),
      _type: spec.type,
      ...attributes(value),
    }),
    fromItem(item) {
      const key = { pk: item.pk, sk: item.sk } as Partial<Key>;
      // A projection may leave the tag out; a different tag is another item type read by mistake.
      if (item._type !== undefined && item._type !== spec.type)
        throw new CorruptItemError(spec.type, key, [], `type tag is ${String(item._type)}`);
      const value = Object.fromEntries(
        Object.entries(item).filter(([k]) => !(INTERNAL as readonly string[]).includes(k)),
      );
      const parsed = spec.schema.safeParse(value);
      if (!parsed.success) throw new CorruptItemError(spec.type, key, parsed.error.issues);
      return parsed.data;
    },
  };
}
