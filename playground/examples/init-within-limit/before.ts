import { loadLibrary } from 'lambda-playground';

// Loads the whole rules engine (and warms its caches) at the top level. That takes about twelve
// seconds of CPU at this memory size, longer than the ten seconds Lambda gives the init phase.
const rules = await loadLibrary('rules-engine');

export const handler = async (event: { claimId: string }) => ({ claimId: event.claimId, engine: rules.name });
