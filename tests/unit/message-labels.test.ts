import { describe, expect, it } from 'vitest';
import type { ErrorEntry } from '../../src/schema/errors';
import { readEntryFiles } from '../../src/schema/files';

/**
 * A message's runtime says which runtime prints that wording. Lines that API Gateway, Step
 * Functions or Lambda's own platform print read the same whatever the function's runtime, so
 * labelling one "Python" because the thread it came from was about Python misleads the reader.
 */
const printedByTheService = [
  /^Execution failed due to configuration error/,
  /^Method completed with status/,
  /"message": ?"(?:Internal server error|Endpoint request timed out)"/,
  /"error_responseType": "INTEGRATION_(?:TIMEOUT|FAILURE)"/,
  /^(?:START|END|REPORT|INIT_START|INIT_REPORT|RESTORE_REPORT) RequestId/,
];

describe('message labels', () => {
  const entries = readEntryFiles().map(({ file, data }) => ({ file, entry: data as ErrorEntry }));

  it('labels lines that a service prints with runtime any', () => {
    const mislabelled = entries.flatMap(({ file, entry }) =>
      entry.messages.flatMap((message, index) =>
        message.runtime !== 'any' && printedByTheService.some((pattern) => pattern.test(message.text))
          ? [`${file}: messages[${index}] is labelled ${message.runtime}: ${message.text.slice(0, 80)}`]
          : [],
      ),
    );
    expect(mislabelled).toEqual([]);
  });

  it('recognises the service lines it checks', () => {
    const texts = entries.flatMap(({ entry }) => entry.messages.map((message) => message.text));
    expect(texts.filter((text) => printedByTheService.some((pattern) => pattern.test(text))).length).toBeGreaterThan(2);
  });
});
