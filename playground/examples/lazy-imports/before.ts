import { loadLibrary } from 'lambda-playground';

// Loads the PDF renderer at the top level, so every cold start pays for it, even though only
// invoice events need it.
const pdf = await loadLibrary('pdf-renderer');

export const handler = async (event: { type: string }) => {
  if (event.type === 'invoice') return { rendered: pdf.name };
  return { ok: true };
};
