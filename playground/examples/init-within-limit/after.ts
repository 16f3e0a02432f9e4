import { loadLibrary } from 'lambda-playground';

// The engine is loaded on first use and kept for the environment's lifetime: init stays short,
// and the first invocation pays once, within its own (longer) timeout.
let rules: Promise<{ name: string }> | undefined;

export const handler = async (event: { claimId: string }) => {
  rules ??= loadLibrary('rules-engine');
  const engine = await rules;
  return { claimId: event.claimId, engine: engine.name };
};
