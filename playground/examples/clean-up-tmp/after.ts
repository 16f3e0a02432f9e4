import { rm, writeFile } from 'node:fs/promises';
import { cpu } from 'lambda-playground';

async function renderStatement(pages: number): Promise<Uint8Array> {
  cpu(20 * pages);
  return new Uint8Array(pages * 4 * 1024 * 1024); // 4 MB a page (a stand-in for the PDF's bytes)
}

// The file is removed once it has been uploaded, whether or not that worked, so /tmp holds at
// most one statement at a time however many invocations the environment serves.
export const handler = async (event: { accountId: string; pages: number }) => {
  const path = `/tmp/statement-${event.accountId}.pdf`;
  try {
    await writeFile(path, await renderStatement(event.pages));
    console.log(`rendered ${path}`);
    return { uploaded: path };
  } finally {
    await rm(path, { force: true });
  }
};
