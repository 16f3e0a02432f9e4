/**
 * Turns the reader's TypeScript into the JavaScript module emulate() runs by stripping the types
 * with sucrase: no type check, no downlevelling (the Worker runs modern JavaScript), and every
 * statement stays on its line, so a stack trace's line numbers are the editor's. A syntax error
 * comes back as a diagnostic at once. Runs in compile-worker.ts; pure, so the tests call it too.
 * Why sucrase rather than esbuild-wasm, swc or ts-blank-space: see this folder's README.
 */
import { transform } from 'sucrase';
import type { PlaygroundDiagnostic } from '../../../playground/editor/diagnostics.ts';

export type StripResult = { ok: true; javascript: string } | { ok: false; diagnostic: PlaygroundDiagnostic };

interface SucraseSyntaxError extends Error {
  /** Sucrase's position: 1-based line and column. */
  loc?: { line: number; column: number };
}

export function stripTypes(code: string, file: string): StripResult {
  try {
    const { code: javascript } = transform(code, {
      transforms: ['typescript'],
      // Keep class fields, optional chaining and the rest as written: the Worker runs them natively.
      disableESTransforms: true,
    });
    return { ok: true, javascript };
  } catch (error) {
    const { message, loc } = error as SucraseSyntaxError;
    return {
      ok: false,
      diagnostic: {
        file,
        line: loc?.line ?? 1,
        column: loc?.column ?? 1,
        // Sucrase appends the position, which the diagnostic carries on its own.
        message: String(message).replace(/\s*\(\d+:\d+\)$/, ''),
        category: 'error',
        source: 'transpiler',
      },
    };
  }
}
