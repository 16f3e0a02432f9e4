// The function's handler setting is index.handler, but the module exports `handle`: the runtime
// finds nothing called `handler` and every invocation fails before any code runs.
export const handle = async (event: { name: string }) => ({ greeting: `Hello, ${event.name}` });
