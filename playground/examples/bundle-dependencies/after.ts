// The runtime already has what the package was used for: Web Crypto's random values. Anything
// else the code imports must be bundled (esbuild, SAM, CDK's NodejsFunction) or shipped in a layer.
const newId = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');

export const handler = async (event: { items: string[] }) => ({
  orderId: newId(),
  items: event.items.length,
});
