import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEntryFiles } from '../../src/schema/files';

/**
 * Every exception of the Invoke API and every documented Runtime.* / Sandbox.* error type has a home:
 * an entry that answers to it through a message's errorType or its `names`. Removing that name from
 * the entry, or the entry itself, fails here.
 */
interface Home {
  name: string;
  home: string;
  source: string;
}

const homes = JSON.parse(readFileSync('tests/fixtures/error-homes.json', 'utf8')) as {
  invoke: Home[];
  runtime: Home[];
  other: Home[];
};

interface EntryNames {
  id: string;
  messages: { errorType?: string }[];
  names?: { name: string }[];
}

const answers = new Map<string, Set<string>>();
for (const { data } of readEntryFiles()) {
  const entry = data as EntryNames;
  const names = new Set<string>([
    ...entry.messages.flatMap(({ errorType }) => (errorType ? [errorType] : [])),
    ...(entry.names ?? []).map(({ name }) => name),
  ]);
  answers.set(entry.id, names);
}

/** The exceptions the installed AWS SDK's InvokeCommand documents with @throws, generated from the same API model as the reference. */
function sdkInvokeExceptions(): string[] {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@aws-sdk/client-lambda/package.json'));
  const declaration = readFileSync(join(root, 'dist-types/commands/InvokeCommand.d.ts'), 'utf8');
  return [...declaration.matchAll(/@throws \{@link (\w+)\} \((?:client|server) fault\)/g)].map(
    (match) => match[1] ?? '',
  );
}

describe('error homes', () => {
  it('lists exactly the exceptions the Invoke API model declares', () => {
    const listed = homes.invoke.map(({ name }) => name).sort();
    expect(listed).toEqual([...new Set(sdkInvokeExceptions())].sort());
  });

  it('lists each name once, with a public source', () => {
    const all = [...homes.invoke, ...homes.runtime, ...homes.other];
    expect(new Set(all.map(({ name }) => name)).size).toBe(all.length);
    for (const { name, source } of all)
      expect(source, name).toMatch(/^https:\/\/(docs\.aws\.amazon\.com|github\.com)\//);
    for (const { name } of homes.runtime) expect(name).toMatch(/^(Runtime|Sandbox)\.[A-Z]\w+$/);
  });

  it.each([...homes.invoke, ...homes.runtime, ...homes.other].map((home) => [home.name, home.home] as const))(
    '%s is answered by %s',
    (name, id) => {
      const names = answers.get(id);
      expect(names, `no entry ${id}`).toBeDefined();
      expect([...(names ?? [])], `${id} lists neither a message errorType nor a names entry ${name}`).toContain(name);
    },
  );
});
