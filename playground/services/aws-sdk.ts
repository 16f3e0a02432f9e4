/**
 * `@aws-sdk/client-sqs`, `client-s3`, `client-lambda`, `client-dynamodb` and `lib-dynamodb` as
 * AWS SDK for JavaScript v3 code uses them (`new SQSClient({})`, `client.send(new
 * SendMessageCommand(input))`), sent to the emulated services of the environment. Each command
 * carries its name in a symbol, not in its class name, which a bundler may rename. An output gets
 * `$metadata` as the SDK's does; a command the playground does not emulate fails with an error
 * that says so.
 */
import { Buffer } from 'buffer';
import { ConditionalCheckFailedException, type createDynamoDb, DynamoDbError } from './dynamodb.ts';
import type { createLambda } from './lambda.ts';
import type { createS3 } from './s3.ts';
import type { createSqs } from './sqs.ts';

const COMMAND = Symbol('command name');

interface Command {
  readonly input: Record<string, unknown>;
  readonly [COMMAND]: string;
}

function defineCommand(name: string) {
  return class {
    readonly input: Record<string, unknown>;
    readonly [COMMAND] = name;
    constructor(input: Record<string, unknown> = {}) {
      this.input = input;
    }
  };
}

type Handlers = Record<string, (input: Record<string, unknown>) => Promise<Record<string, unknown>>>;

function defineClient(service: string, handlers: () => Handlers, nextRequestId: () => string) {
  return class {
    readonly config: Record<string, unknown>;
    constructor(config: Record<string, unknown> = {}) {
      this.config = config;
    }
    async send(command: Command): Promise<Record<string, unknown>> {
      const name = command?.[COMMAND];
      const handler = name ? handlers()[name] : undefined;
      if (!handler) throw new Error(`The playground's ${service} client does not emulate ${name ?? 'this command'}`);
      const output = await handler(command.input);
      return {
        ...output,
        $metadata: { httpStatusCode: 200, requestId: nextRequestId(), attempts: 1, totalRetryDelay: 0 },
      };
    }
    destroy(): void {}
  };
}

// DynamoDB's AttributeValue encoding, for the low-level client: the types handler code stores.
function marshall(value: unknown): Record<string, unknown> {
  if (value === null || value === undefined) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(marshall) };
  return { M: marshallItem(value as Record<string, unknown>) };
}
const marshallItem = (item: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(item).map(([key, value]) => [key, marshall(value)]));
function unmarshall(value: Record<string, unknown>): unknown {
  if ('S' in value) return value.S;
  if ('N' in value) return Number(value.N);
  if ('BOOL' in value) return value.BOOL;
  if ('NULL' in value) return null;
  if ('L' in value) return (value.L as Record<string, unknown>[]).map(unmarshall);
  if ('M' in value) return unmarshallItem(value.M as Record<string, Record<string, unknown>>);
  return undefined;
}
const unmarshallItem = (item: Record<string, Record<string, unknown>>) =>
  Object.fromEntries(Object.entries(item).map(([key, value]) => [key, unmarshall(value)]));

export interface SdkServices {
  sqs: ReturnType<typeof createSqs>;
  s3: ReturnType<typeof createS3>;
  lambda: ReturnType<typeof createLambda>;
  dynamodb: ReturnType<typeof createDynamoDb>;
}

/** The SDK packages, keyed by import specifier. */
export function createAwsSdk(services: SdkServices, nextRequestId: () => string) {
  const SendMessageCommand = defineCommand('SendMessage');
  const SendMessageBatchCommand = defineCommand('SendMessageBatch');
  const SQSClient = defineClient(
    'SQS',
    () => ({
      SendMessage: (input) => services.sqs.sendMessage(input as { QueueUrl: string; MessageBody: string }),
      SendMessageBatch: (input) =>
        services.sqs.sendMessageBatch(input as { QueueUrl: string; Entries: { Id: string; MessageBody: string }[] }),
    }),
    nextRequestId,
  );

  const GetObjectCommand = defineCommand('GetObject');
  const S3Client = defineClient(
    'S3',
    () => ({ GetObject: (input) => services.s3.getObject(input as { Bucket: string; Key: string }) }),
    nextRequestId,
  );

  const InvokeCommand = defineCommand('Invoke');
  const LambdaClient = defineClient(
    'Lambda',
    () => ({
      async Invoke(input) {
        const payload = input.Payload;
        const text = payload instanceof Uint8Array ? Buffer.from(payload).toString('utf8') : (payload as string);
        const output = await services.lambda.invoke({
          FunctionName: String(input.FunctionName),
          ...(text === undefined ? {} : { Payload: text }),
        });
        // The SDK hands the payload back as bytes with transformToString().
        const bytes = Object.assign(new TextEncoder().encode(output.Payload), {
          transformToString: () => output.Payload,
        });
        return { StatusCode: output.StatusCode, ExecutedVersion: '$LATEST', Payload: bytes };
      },
    }),
    nextRequestId,
  );

  const table = services.dynamodb;
  const PutItemCommand = defineCommand('PutItem');
  const GetItemCommand = defineCommand('GetItem');
  const DeleteItemCommand = defineCommand('DeleteItem');
  const DynamoDBClient = defineClient(
    'DynamoDB',
    () => ({
      PutItem: (input) =>
        table.putItem({
          ...(input as { TableName: string }),
          Item: unmarshallItem(input.Item as Record<string, Record<string, unknown>>),
        }),
      async GetItem(input) {
        const { Item } = await table.getItem({
          TableName: String(input.TableName),
          Key: unmarshallItem(input.Key as Record<string, Record<string, unknown>>),
        });
        return Item ? { Item: marshallItem(Item) } : {};
      },
      DeleteItem: (input) =>
        table.deleteItem({
          ...(input as { TableName: string }),
          Key: unmarshallItem(input.Key as Record<string, Record<string, unknown>>),
        }),
    }),
    nextRequestId,
  );

  const PutCommand = defineCommand('Put');
  const GetCommand = defineCommand('Get');
  const DeleteCommand = defineCommand('Delete');
  const DocumentClient = defineClient(
    'DynamoDB document',
    () => ({
      Put: (input) => table.putItem(input as { TableName: string; Item: Record<string, unknown> }),
      Get: (input) => table.getItem(input as { TableName: string; Key: Record<string, unknown> }),
      Delete: (input) => table.deleteItem(input as { TableName: string; Key: Record<string, unknown> }),
    }),
    nextRequestId,
  );
  const DynamoDBDocumentClient = Object.assign(DocumentClient, {
    from: (_client: unknown, _options?: unknown) => new DocumentClient({}),
  });

  return {
    '@aws-sdk/client-sqs': { SQSClient, SendMessageCommand, SendMessageBatchCommand },
    '@aws-sdk/client-s3': { S3Client, GetObjectCommand },
    '@aws-sdk/client-lambda': { LambdaClient, InvokeCommand },
    '@aws-sdk/client-dynamodb': {
      DynamoDBClient,
      PutItemCommand,
      GetItemCommand,
      DeleteItemCommand,
      ConditionalCheckFailedException,
      DynamoDBServiceException: DynamoDbError,
    },
    '@aws-sdk/lib-dynamodb': { DynamoDBDocumentClient, PutCommand, GetCommand, DeleteCommand },
  };
}
