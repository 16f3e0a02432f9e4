import { describe, expect, it } from 'vitest';
import { getEntrySearchKeys } from './search-keys';

const message = (errorType?: string) => ({
  text: 'Task timed out after 3.00 seconds',
  runtime: 'any' as const,
  source: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html',
  ...(errorType ? { errorType } : {}),
});

describe('getEntrySearchKeys', () => {
  it('reads the id as words, then error types and names, each once; old ids apart', () => {
    const keys = getEntrySearchKeys('task-timed-out', {
      messages: [message('Sandbox.Timedout'), message('Sandbox.Timedout'), message()],
      names: [{ name: '504 Gateway Timeout' }],
      aliases: ['lambda-timeout'],
    });
    expect(keys).toEqual({
      names: ['task timed out', 'Sandbox.Timedout', '504 Gateway Timeout'],
      aliases: ['lambda timeout'],
    });
  });

  it('needs no aliases or names', () => {
    expect(getEntrySearchKeys('high-lambda-cost', { messages: [message()], names: [] })).toEqual({
      names: ['high lambda cost'],
      aliases: [],
    });
  });
});
