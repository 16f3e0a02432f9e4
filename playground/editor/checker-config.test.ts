// The page's type check runs Monaco's bundled TypeScript with checker-config.ts. This runs the same
// TypeScript, with the same options, libs and declarations, over every example: an example must
// come out clean, or a reader who shares it with one comment changed would be told to fix errors
// that are not there (and Run would wait for "Run anyway").
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../examples/catalogue';
import {
  awsLambdaExtraLibs,
  CHECKER_COMPILER_OPTIONS,
  isProvidedModuleNotice,
  PLAYGROUND_TYPES_PATH,
} from './checker-config';

type Ts = typeof import('typescript');
const monacoTypeScript = 'monaco-editor/languages/features/typescript/lib/typescriptServices.js';
const monacoLibs = 'monaco-editor/languages/features/typescript/lib/lib.js';
const { typescript: ts } = (await import(/* @vite-ignore */ monacoTypeScript)) as { typescript: Ts };
const { libFileMap } = (await import(/* @vite-ignore */ monacoLibs)) as { libFileMap: Record<string, string> };

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const awsLambda = new URL('../../node_modules/@types/aws-lambda/', import.meta.url);
const extraLibs: Record<string, string> = {
  [PLAYGROUND_TYPES_PATH]: read('../runtime/types.d.ts'),
  ...awsLambdaExtraLibs(
    Object.fromEntries(
      readdirSync(awsLambda, { recursive: true, encoding: 'utf8' })
        .filter((path) => path.endsWith('.d.ts'))
        .map((path) => [path, readFileSync(new URL(path, awsLambda), 'utf8')]),
    ),
  ),
};

/** TypeScript's diagnostics for one file, from a language service whose host answers as Monaco's worker does. */
function check(code: string): string[] {
  const file = 'file:///before.ts';
  // As Monaco's TypeScriptWorker: models, then lib files (by name or as `lib.<name>.d.ts`), then extra libs.
  const text = (name: string) =>
    name === file ? code : (libFileMap[name] ?? libFileMap[`lib.${name}.d.ts`] ?? extraLibs[name]);
  const service = ts.createLanguageService({
    getCompilationSettings: () => CHECKER_COMPILER_OPTIONS as unknown as import('typescript').CompilerOptions,
    getScriptFileNames: () => [file, ...Object.keys(extraLibs)],
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) => {
      const found = text(name);
      return found === undefined ? undefined : ts.ScriptSnapshot.fromString(found);
    },
    getCurrentDirectory: () => '',
    getDefaultLibFileName: () => 'lib.esnext.full.d.ts',
    readFile: (name) => text(name),
    fileExists: (name) => text(name) !== undefined,
  });
  return [...service.getSyntacticDiagnostics(file), ...service.getSemanticDiagnostics(file)]
    .map((diagnostic) => ({
      code: diagnostic.code,
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '),
    }))
    .filter(({ code, message }) => !isProvidedModuleNotice(code, message))
    .map(({ code, message }) => `TS${code}: ${message}`);
}

const sources = Object.keys(EXAMPLES).flatMap((id) =>
  (['before', 'after'] as const).map((side) => ({
    name: `${id}/${side}.ts`,
    code: read(`../examples/${id}/${side}.ts`),
  })),
);

describe("the page's type check (Monaco's TypeScript, the playground's settings)", () => {
  it.each(sources)('finds nothing in $name', ({ code }) => {
    expect(check(`// Shared with one line added.\n${code}`)).toEqual([]);
  });

  it('knows the globals a handler uses (fetch, console, AbortSignal) and the Context type', () => {
    const code = [
      "import type { Context } from 'aws-lambda';",
      'export const handler = async (_event: unknown, context: Context) => {',
      "  const response = await fetch('https://example.com', { signal: AbortSignal.timeout(context.getRemainingTimeInMillis()) });",
      '  console.log(response.status);',
      '};',
    ].join('\n');
    expect(check(code)).toEqual([]);
  });

  it("knows the event types, and leaves modules the emulator provides to the runtime, but not a reader's typo", () => {
    const code = [
      "import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';",
      "import { readFile } from 'node:fs/promises';",
      "import { S3Client } from '@aws-sdk/client-s3';",
      "import { nothing } from 'lambda-playgroud';",
      'export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {',
      "  await readFile('/tmp/x');",
      '  new S3Client({});',
      '  return { batchItemFailures: event.Records.map((record) => ({ itemIdentifier: record.messageId })) };',
      '};',
    ].join('\n');
    expect(check(code)).toEqual([
      "TS2307: Cannot find module 'lambda-playgroud' or its corresponding type declarations.",
    ]);
  });

  it('reports the type error a reader introduces, with its code', () => {
    expect(
      check("export const handler = async () => {\n  const count: number = 'three';\n  return count;\n};\n"),
    ).toEqual(["TS2322: Type 'string' is not assignable to type 'number'."]);
  });
});
