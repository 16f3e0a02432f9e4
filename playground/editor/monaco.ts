/**
 * The Monaco adapter, loaded only when a reader presses Edit, or after a Run of code that is not the
 * example's, to type-check it. It loads the editor core, the TypeScript language and a handful of
 * editor features, not monaco-editor's every language; the playground's `lambda-playground`
 * declarations and @types/aws-lambda's Context give completion and errors. The type check
 * (`checkTypes`) asks Monaco's own TypeScript worker for its diagnostics, with or without an editor
 * on the page, so the page never downloads a second copy of TypeScript. The code a run executes is
 * compiled elsewhere (src/components/playground/strip-types.ts), so no Run waits for this module.
 */
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/suggest/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/parameterHints/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/languages/definitions/typescript/register';
import * as monaco from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TypeScriptWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import * as typescript from 'monaco-editor/languages/features/typescript/register';
import playgroundDeclarations from '../runtime/types.d.ts?raw';
import {
  awsLambdaExtraLibs,
  CHECKER_COMPILER_OPTIONS,
  isProvidedModuleNotice,
  PLAYGROUND_TYPES_PATH,
} from './checker-config.ts';

// Root-relative: TypeScript refuses a specifier that names an @types package, and ?raw is all Vite needs.
const awsLambdaFiles = import.meta.glob<string>('/node_modules/@types/aws-lambda/**/*.d.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});

import type { PlaygroundDiagnostic } from './diagnostics.ts';
import { flattenMessage } from './diagnostics.ts';

export type EditorSide = 'before' | 'after';

export interface PlaygroundEditor {
  /** Shows one side's code (each side keeps its own model, undo history and cursor). */
  show(side: EditorSide): void;
  getValue(side: EditorSide): string;
  setValue(side: EditorSide, code: string): void;
  /** Puts the cursor at a 1-based line and column of the side's code, in view, and focuses the editor. */
  goTo(side: EditorSide, line: number, column: number): void;
  focus(): void;
  /** Follows the page's light or dark theme. */
  setDark(dark: boolean): void;
}

interface EditorOptions {
  code: Record<EditorSide, string>;
  side: EditorSide;
  dark: boolean;
  /** An accessible name for the editor's text area. */
  label: string;
  /** Ctrl/Cmd+Enter inside the editor. */
  onRun: () => void;
}

(self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
  getWorker(_workerId, label) {
    return label === 'typescript' || label === 'javascript' ? new TypeScriptWorker() : new EditorWorker();
  },
};

/** vs-dark with comments bright enough for WCAG AA (its #608B4E on #1E1E1E is 4.3:1). */
const DARK_THEME = 'lfg-dark';
const themeFor = (dark: boolean) => (dark ? DARK_THEME : 'vs');

let configured = false;

function configureTypeScript(): void {
  if (configured) return;
  configured = true;
  monaco.editor.defineTheme(DARK_THEME, {
    base: 'vs-dark',
    inherit: true,
    rules: [{ token: 'comment', foreground: '7CA668' }],
    colors: {},
  });
  const defaults = typescript.typescriptDefaults;
  defaults.setCompilerOptions({ ...CHECKER_COMPILER_OPTIONS, lib: [...CHECKER_COMPILER_OPTIONS.lib] });
  defaults.addExtraLib(playgroundDeclarations, PLAYGROUND_TYPES_PATH);
  const files = Object.fromEntries(
    Object.entries(awsLambdaFiles).map(([path, text]) => [path.replace('/node_modules/@types/aws-lambda/', ''), text]),
  );
  for (const [path, text] of Object.entries(awsLambdaExtraLibs(files))) defaults.addExtraLib(text, path);
}

/**
 * Monaco sets the TypeScript language up when the first TypeScript model asks for it, a few ticks
 * after createModel; until then getTypeScriptWorker rejects with "TypeScript not registered!".
 */
async function waitForTypeScriptWorker(): ReturnType<typeof typescript.getTypeScriptWorker> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await typescript.getTypeScriptWorker();
    } catch (error) {
      // A loaded machine can take seconds to fetch and start the TypeScript mode.
      if (attempt >= 750) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

type Models = Record<EditorSide, monaco.editor.ITextModel>;
let sharedModels: Models | undefined;

/** One model per side for the page's playground, shared by the type check and the editor. */
function modelsFor(code: Record<EditorSide, string>): Models {
  configureTypeScript();
  sharedModels ??= {
    before: monaco.editor.createModel(code.before, 'typescript', monaco.Uri.parse('file:///before.ts')),
    after: monaco.editor.createModel(code.after, 'typescript', monaco.Uri.parse('file:///after.ts')),
  };
  for (const side of ['before', 'after'] as const) {
    if (sharedModels[side].getValue() !== code[side]) sharedModels[side].setValue(code[side]);
  }
  return sharedModels;
}

const CATEGORY = { 0: 'warning', 1: 'error' } as const;

/**
 * TypeScript's syntax and type diagnostics for one side's code (errors and warnings; suggestions
 * are the editor's business), with 1-based positions. Loads TypeScript's worker the first time.
 */
export async function checkTypes(code: Record<EditorSide, string>, side: EditorSide): Promise<PlaygroundDiagnostic[]> {
  const model = modelsFor(code)[side];
  const getWorker = await waitForTypeScriptWorker();
  const worker = await getWorker(model.uri);
  const file = model.uri.toString();
  const found = [...(await worker.getSyntacticDiagnostics(file)), ...(await worker.getSemanticDiagnostics(file))];
  const diagnostics: PlaygroundDiagnostic[] = [];
  for (const diagnostic of found) {
    const category = CATEGORY[diagnostic.category as 0 | 1];
    const message = flattenMessage(diagnostic.messageText);
    if (!category || isProvidedModuleNotice(diagnostic.code, message)) continue;
    const position = model.getPositionAt(diagnostic.start ?? 0);
    diagnostics.push({
      file: `${side}.ts`,
      line: position.lineNumber,
      column: position.column,
      message,
      code: diagnostic.code,
      category,
      source: 'typescript',
    });
  }
  return diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
}

export async function createPlaygroundEditor(host: HTMLElement, options: EditorOptions): Promise<PlaygroundEditor> {
  const models = modelsFor(options.code);
  const editor = monaco.editor.create(host, {
    model: models[options.side],
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    // 'dimmed' (the default) draws the last line's number below the contrast WCAG AA asks for.
    renderFinalNewline: 'on',
    fontSize: 14,
    tabSize: 2,
    ariaLabel: options.label,
    theme: themeFor(options.dark),
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, options.onRun);
  const views = new Map<EditorSide, monaco.editor.ICodeEditorViewState | null>();
  let current = options.side;
  const show = (side: EditorSide) => {
    if (side === current) return;
    views.set(current, editor.saveViewState());
    current = side;
    editor.setModel(models[side]);
    const view = views.get(side);
    if (view) editor.restoreViewState(view);
  };
  await waitForTypeScriptWorker();

  return {
    show,
    getValue: (side) => models[side].getValue(),
    setValue(side, code) {
      models[side].setValue(code);
    },
    goTo(side, line, column) {
      show(side);
      editor.setPosition({ lineNumber: line, column });
      editor.revealPositionInCenterIfOutsideViewport({ lineNumber: line, column });
      editor.focus();
    },
    focus: () => editor.focus(),
    setDark: (dark) => monaco.editor.setTheme(themeFor(dark)),
  };
}
