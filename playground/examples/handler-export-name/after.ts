// The export's name matches the handler setting (index.handler): file name, dot, export name.
export const handler = async (event: { name: string }) => ({ greeting: `Hello, ${event.name}` });
