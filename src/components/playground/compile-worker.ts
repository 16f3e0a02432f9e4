/**
 * The playground's compile Worker: strips the types of code the reader changed or a link brought
 * (strip-types.ts), off the main thread, so a long paste never blocks the page. It only parses
 * text; nothing it receives runs here (reader code runs in the sandboxed emulator, see
 * playground/runtime/host-browser.ts).
 */
import { type StripResult, stripTypes } from './strip-types';

export interface CompileRequest {
  id: number;
  code: string;
  file: string;
}

export interface CompileResponse {
  id: number;
  result: StripResult;
}

self.addEventListener('message', (event: MessageEvent<CompileRequest>) => {
  const { id, code, file } = event.data;
  const response: CompileResponse = { id, result: stripTypes(code, file) };
  self.postMessage(response);
});
