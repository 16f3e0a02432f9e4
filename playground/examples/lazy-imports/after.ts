import { loadLibrary } from 'lambda-playground';

// Loads the PDF renderer the first time an invoice needs it; cold starts for everything else
// stay fast, and later invoices on the same environment reuse the loaded module.
let pdf: { name: string } | undefined;

export const handler = async (event: { type: string }) => {
  if (event.type === 'invoice') {
    pdf ??= await loadLibrary('pdf-renderer');
    return { rendered: pdf.name };
  }
  return { ok: true };
};
