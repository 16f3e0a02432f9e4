/**
 * A DynamoDB-like table store: items keyed by each table's partition (and sort) key, put/get/
 * delete with the condition expressions idempotency code uses (`attribute_not_exists(x)`,
 * `attribute_exists(x)`), failing as DynamoDB does (ConditionalCheckFailedException, "The
 * conditional request failed"; ResourceNotFoundException for a table that is not configured).
 * Items live with the execution environment: across warm invocations and retries that reuse it.
 */
import { sampleLatency } from '../runtime/prng.ts';
import type { DynamoDbConfig } from './config.ts';
import { delay, type ServiceContext } from './context.ts';

type Item = Record<string, unknown>;

export class DynamoDbError extends Error {
  readonly $fault = 'client';
  readonly $metadata = { httpStatusCode: 400 };
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** The class SDK code catches (`error instanceof ConditionalCheckFailedException`). */
export class ConditionalCheckFailedException extends DynamoDbError {
  constructor() {
    super('ConditionalCheckFailedException', 'The conditional request failed');
  }
}

interface ConditionInput {
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
}

function checkCondition(existing: Item | undefined, input: ConditionInput): void {
  const expression = input.ConditionExpression?.trim();
  if (!expression) return;
  const match = /^(attribute_not_exists|attribute_exists)\s*\(\s*([#\w.]+)\s*\)$/.exec(expression);
  if (!match) {
    throw new DynamoDbError(
      'ValidationException',
      `The playground's DynamoDB understands attribute_exists(x) and attribute_not_exists(x) only, not: ${expression}`,
    );
  }
  const [, fn, rawName = ''] = match;
  const name = rawName.startsWith('#') ? (input.ExpressionAttributeNames?.[rawName] ?? rawName) : rawName;
  const present = existing !== undefined && existing[name] !== undefined;
  if ((fn === 'attribute_exists') !== present) {
    throw new ConditionalCheckFailedException();
  }
}

export function createDynamoDb(context: ServiceContext, config: DynamoDbConfig = {}) {
  const random = context.random('dynamodb');
  const tables = new Map<string, Map<string, Item>>();
  const latency = config.latencyMs ?? { median: 6, p99: 25 };

  const tableOf = (name: string) => {
    const schema = config.tables?.[name];
    if (!schema) throw new DynamoDbError('ResourceNotFoundException', 'Requested resource not found');
    let items = tables.get(name);
    if (!items) {
      items = new Map();
      tables.set(name, items);
    }
    const keyOf = (item: Item) => {
      const keys = [schema.partitionKey, ...(schema.sortKey ? [schema.sortKey] : [])];
      for (const key of keys) {
        if (item[key] === undefined) {
          throw new DynamoDbError('ValidationException', 'The provided key element does not match the schema');
        }
      }
      return JSON.stringify(keys.map((key) => item[key]));
    };
    return { items, keyOf };
  };
  const roundTrip = () => delay(context, sampleLatency(random, latency.median, latency.p99));

  return {
    async putItem(input: { TableName: string; Item: Item } & ConditionInput) {
      await roundTrip();
      const { items, keyOf } = tableOf(input.TableName);
      const key = keyOf(input.Item);
      checkCondition(items.get(key), input);
      items.set(key, structuredClone(input.Item));
      return {};
    },
    async getItem(input: { TableName: string; Key: Item }) {
      await roundTrip();
      const { items, keyOf } = tableOf(input.TableName);
      const item = items.get(keyOf(input.Key));
      return item ? { Item: structuredClone(item) } : {};
    },
    async deleteItem(input: { TableName: string; Key: Item } & ConditionInput) {
      await roundTrip();
      const { items, keyOf } = tableOf(input.TableName);
      const key = keyOf(input.Key);
      checkCondition(items.get(key), input);
      items.delete(key);
      return {};
    },
  };
}
