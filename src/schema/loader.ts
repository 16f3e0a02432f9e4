import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import {
  type CheckedEntry,
  checkCatalogue,
  checkEntry,
  type EntryProblem,
  EntryValidationError,
  idFromFile,
} from './validate';

/**
 * Loads `content/errors/*.mdx` with Astro's glob loader, but validates each entry with our own
 * checks first so that a bad entry fails the build naming its file and field, and then checks
 * the catalogue as a whole (unique ids and aliases, existing `related` ids).
 */
export function errorsLoader(base = './content/errors'): Loader {
  const inner = glob({
    base,
    pattern: '**/[^_]*.mdx',
    generateId: ({ entry }) => idFromFile(entry),
  });
  return {
    name: 'lambda-field-guide-errors',
    async load(context: LoaderContext) {
      const parseData: LoaderContext['parseData'] = async (props) => {
        const file = props.filePath ?? `${base}/${props.id}.mdx`;
        const checked = checkEntry(file, props.data);
        if (!checked.ok) throw new EntryValidationError(checked.problems);
        return context.parseData(props);
      };
      await inner.load({ ...context, parseData });

      // The store may hold entries cached before the schema last changed (Astro keeps the content
      // cache in node_modules/.astro and skips unchanged files), so check them again: the catalogue
      // checks then see the schema's current shape, defaults included.
      const entries: CheckedEntry[] = [];
      const problems: EntryProblem[] = [];
      for (const stored of context.store.values()) {
        const file = stored.filePath ?? `${base}/${stored.id}.mdx`;
        const checked = checkEntry(file, stored.data);
        if (checked.ok) entries.push({ file, entry: checked.entry });
        else problems.push(...checked.problems);
      }
      problems.push(...checkCatalogue(entries));
      if (problems.length > 0) throw new EntryValidationError(problems);
    },
  };
}
