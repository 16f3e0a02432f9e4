import { writeFile } from 'node:fs/promises';
import { cpu } from 'lambda-playground';

// Renders a statement to /tmp before uploading it. The file is never deleted, and /tmp lives as
// long as the execution environment: every warm invocation leaves 16 MB behind, and the 33rd
// finds the 512 MB of ephemeral storage full.
async function renderStatement(pages: number): Promise<Uint8Array> {
  cpu(20 * pages);
  return new Uint8Array(pages * 4 * 1024 * 1024); // 4 MB a page (a stand-in for the PDF's bytes)
}

export const handler = async (event: { accountId: string; pages: number }) => {
  const path = `/tmp/statement-${event.accountId}.pdf`;
  await writeFile(path, await renderStatement(event.pages));
  console.log(`rendered ${path}`);
  return { uploaded: path };
};
