/**
 * Compiles an example (TypeScript a reader may have edited) to the JavaScript module emulate()
 * runs. transpileModule strips types file by file without a type check: fast enough to run on
 * every click. Type errors are the editor's and the tests' business (examples.test.ts).
 */
import ts from 'typescript';

export function compileExample(source: string): string {
  return ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: false },
  }).outputText;
}
