/**
 * The sections of an entry page, in order. Their anchors are published: runbooks and alarms link
 * to them, and tests pin them. Add sections freely; never rename or remove an anchor.
 */
export const entrySections = [
  { anchor: 'messages', title: 'Messages' },
  { anchor: 'cause', title: 'Cause' },
  { anchor: 'scenarios', title: 'Scenarios' },
  { anchor: 'fix', title: 'Fix' },
  { anchor: 'prevention', title: 'Prevention' },
  { anchor: 'metrics', title: 'Metrics to watch' },
  { anchor: 'insights', title: 'Logs Insights queries' },
  { anchor: 'related', title: 'Related' },
  { anchor: 'references', title: 'References' },
] as const;

export type EntryAnchor = (typeof entrySections)[number]['anchor'];

/**
 * Sections only some entries have, with the same promise: once an entry has one, its anchor stays.
 * `alarms` appears on entries with typed alarms; `playground` on entries a playground example covers.
 */
export const optionalSections = {
  alarms: { anchor: 'alarms', title: 'Alarms' },
  playground: { anchor: 'playground', title: 'Try the fix' },
} as const;
