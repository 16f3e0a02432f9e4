/**
 * What Monaco's TypeScript worker is told about the playground's code, in one place so that
 * checker-config.test.ts can hold every example to the same settings the page's type check uses
 * (monaco.ts applies them). Plain values: no Monaco import.
 */

/** Compiler options, as numbers because Monaco passes them to TypeScript untranslated. */
export const CHECKER_COMPILER_OPTIONS = {
  target: 99, // ScriptTarget.ESNext
  module: 99, // ModuleKind.ESNext
  moduleResolution: 2, // ModuleResolutionKind.Node10 ("NodeJs" in Monaco's enum)
  // File names: Monaco hands these to TypeScript as they are, without tsconfig's mapping of 'dom'
  // to lib.dom.d.ts, and a bare 'dom' left fetch, console and AbortSignal undeclared.
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  strict: true,
  noEmitOnError: false,
  allowNonTsExtensions: true,
  // Every file is a module (a Lambda handler file is one), so before.ts and after.ts never share
  // a global scope even when the reader's code has no import or export (ModuleDetectionKind.Force).
  moduleDetection: 3,
};

export const PLAYGROUND_TYPES_PATH = 'file:///node_modules/@types/lambda-playground/index.d.ts';

/**
 * Every declaration file of @types/aws-lambda (the event types: SQSEvent, APIGatewayProxyEvent…,
 * Context, Handler), keyed by its path under the package, as extra libs at the place TypeScript's
 * module resolution looks for `aws-lambda`. About 165 KB of text, loaded with Monaco only.
 */
export function awsLambdaExtraLibs(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files).map(([path, text]) => [`file:///node_modules/@types/aws-lambda/${path}`, text]),
  );
}

/**
 * Whether a diagnostic only says TypeScript has no declarations for a module the emulator provides
 * (`node:` built-ins, `@aws-sdk/…` clients; see playground/runtime/module-loader.ts): the editor
 * ships no @types/node or SDK types, and the runtime, not the checker, decides what imports. Such
 * a diagnostic is dropped rather than shown as an error the reader cannot fix.
 */
export function isProvidedModuleNotice(code: number, message: string): boolean {
  if (code !== 2307 && code !== 2792) return false;
  const specifier = /^Cannot find module '([^']+)'/.exec(message)?.[1] ?? '';
  return specifier.startsWith('node:') || specifier.startsWith('@aws-sdk/');
}
