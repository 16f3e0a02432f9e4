import { describe, expect, it } from 'vitest';
import { firstSentence } from './digest';

describe('firstSentence', () => {
  it('stops at the first sentence of the first paragraph', () => {
    expect(firstSentence('Measure instead of guessing. Power Tuning runs the function.\n\nMore.')).toBe(
      'Measure instead of guessing.',
    );
  });

  it('joins the lines of a wrapped paragraph', () => {
    expect(firstSentence('Give each call\na timeout so it\nfails fast. Then log it.')).toBe(
      'Give each call a timeout so it fails fast.',
    );
  });

  it('does not end inside inline code, link text or after an abbreviation', () => {
    const body = 'Use the [S3 docs. See them](https://example.com/a.b) and `a. B` first, e.g. SQS. Then stop.';
    expect(firstSentence(body)).toBe(
      'Use the [S3 docs. See them](https://example.com/a.b) and `a. B` first, e.g. SQS.',
    );
  });

  it('ends a paragraph that introduces a code block with a full stop', () => {
    expect(firstSentence('Add the flag to the command:\n\n```sh\naws lambda invoke\n```')).toBe(
      'Add the flag to the command.',
    );
    expect(firstSentence('Add the flag to the command:\n```sh\naws lambda invoke\n```')).toBe(
      'Add the flag to the command.',
    );
  });

  it('keeps a one-sentence body whole', () => {
    expect(firstSentence('Raise the memory size')).toBe('Raise the memory size');
  });
});
