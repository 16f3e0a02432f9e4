import { z } from 'zod';

/**
 * The shape of `/api/errors.json`, version 1: the public, stable contract between the guide and
 * any tool that wants to recognise Lambda errors (the lookup page, a CLI, an editor plugin).
 *
 * Compatibility promise: within version 1 fields are only ever added, never renamed, removed or
 * retyped, so a consumer must ignore fields it does not know. A breaking change bumps `version`.
 */

/** A regular expression as data: compile it with `new RegExp(source, flags)`. */
export const indexPatternSchema = z.object({
  /** The expression's source, without delimiters. Named groups (`(?<seconds>…)`) capture values worth showing. */
  source: z.string().min(1),
  /** JavaScript flags, a subset of `imsu` (never `g` or `y`). */
  flags: z.string().regex(/^[imsu]*$/),
  /** True for a general form (a wrapper, a bare denial): it steps aside for another entry's match in the same log event. */
  yields: z.boolean().optional(),
});

/** One message quoted verbatim by the entry. */
export const indexMessageSchema = z.object({
  /** The message exactly as Lambda, a runtime or an AWS API prints it. */
  text: z.string().min(1),
  /** The runtime that prints this wording (`any` when it does not depend on it). */
  runtime: z.string().min(1),
  /** Where the wording was seen. */
  source: z.url(),
  /** Lambda's error type for this message, when it has one (`Runtime.ImportModuleError`). */
  errorType: z.string().min(1).optional(),
});

/** A name or code the entry answers to anywhere in a paste (`TooManyRequestsException`, `ENOTFOUND`, `502 Bad Gateway`). */
export const indexNameSchema = z.object({
  /** The name exactly as printed; matched case-sensitively as a whole token. */
  name: z.string().min(1),
  /** When other entries answer to the same name: one line on how to tell this one apart. */
  tell: z.string().min(1).optional(),
});

/** One entry of the guide: enough to recognise its error and link to its page. */
export const indexEntrySchema = z.object({
  /** The entry's id; its page lives at `url` forever. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** The problem's name as an engineer would say it. */
  title: z.string().min(1),
  /** One sentence: what happened and its most likely cause. */
  summary: z.string().min(1),
  /** The absolute URL of the entry's page, honouring the site's origin and base path. */
  url: z.url(),
  /** The category the entry is filed under (`timeouts`, `memory`…). */
  category: z.string().min(1),
  /** When in a function's life the problem shows up (`init`, `invoke`…). */
  phase: z.string().min(1),
  /** The runtimes the problem applies to. */
  runtimes: z.array(z.string().min(1)),
  /** Lambda error types named by the entry's messages, without repeats. */
  errorTypes: z.array(z.string().min(1)),
  /** Expressions that recognise the error in a pasted log line. */
  patterns: z.array(indexPatternSchema).min(1),
  /** The messages quoted by the entry. */
  messages: z.array(indexMessageSchema),
  /** Ids of related entries. */
  related: z.array(z.string().min(1)),
  /** Old ids that still resolve to this entry. */
  aliases: z.array(z.string().min(1)),
  /**
   * Added within version 1: names and codes the entry answers to beyond its `errorTypes`, each with
   * a line telling it apart when another entry lists the same name. Absent in older documents.
   */
  names: z.array(indexNameSchema).optional(),
});

/** The whole document served at `/api/errors.json`. */
export const errorIndexSchema = z.object({
  /** The format's version; 1 for the shape described here. */
  version: z.literal(1),
  /** Every entry, sorted by id. */
  entries: z.array(indexEntrySchema),
});

export type IndexPattern = z.infer<typeof indexPatternSchema>;
export type IndexMessage = z.infer<typeof indexMessageSchema>;
export type IndexName = z.infer<typeof indexNameSchema>;
export type IndexEntry = z.infer<typeof indexEntrySchema>;
export type ErrorIndex = z.infer<typeof errorIndexSchema>;
