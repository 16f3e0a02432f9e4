// The runtime already has what the package was used for: Web Crypto's randomUUID. Anything else
// the code imports must be bundled (esbuild, SAM, CDK's NodejsFunction) or shipped in a layer.
export const handler = async (event: { items: string[] }) => ({
  orderId: crypto.randomUUID(),
  items: event.items.length,
});
