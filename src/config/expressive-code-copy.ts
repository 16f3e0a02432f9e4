import type { ExpressiveCodePlugin } from '@astrojs/starlight/expressive-code';

/**
 * Expressive Code's copy button says "Copied!" (visibly, and through its aria-live region) when
 * copying works, and nothing at all when the browser refuses the clipboard (no permission, an
 * insecure origin, a locked-down browser). This plugin adds the missing half on every page with a
 * code block (fixes, Insights queries, alarm snippets, runbooks): when no "Copied!" appeared, it
 * selects the code and says, in the same live region, how to copy it by hand.
 */
export const copyBlockedMessage =
  'Copying was blocked by the browser: the code is selected, press Ctrl+C (⌘C on a Mac) to copy it.';

/** How long the copy button may take before its silence is read as a refusal, in milliseconds. */
const settleMs = 700;

const script = `
document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('.expressive-code .copy button') : null;
  if (!button) return;
  const live = button.parentElement?.querySelector('[aria-live]');
  const code = button.closest('.expressive-code')?.querySelector('pre');
  setTimeout(() => {
    if (!live || live.querySelector('.feedback, .lfg-copy-blocked')) return;
    const note = document.createElement('div');
    note.className = 'lfg-copy-blocked';
    note.textContent = ${JSON.stringify(copyBlockedMessage)};
    live.append(note);
    if (code) {
      const range = document.createRange();
      range.selectNodeContents(code);
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }
    // A copy that was only slow (a busy machine) says "Copied!" after all: then the note goes.
    const late = new MutationObserver(() => {
      if (live.querySelector('.feedback')) note.remove();
    });
    late.observe(live, { childList: true });
    setTimeout(() => {
      note.remove();
      late.disconnect();
    }, 10000);
  }, ${settleMs});
});
`;

export function copyFeedback(): ExpressiveCodePlugin {
  return {
    name: 'lfg-copy-feedback',
    jsModules: [script],
    baseStyles: `
      .copy .lfg-copy-blocked {
        align-self: center;
        max-width: min(22rem, calc(100vw - 6rem));
        padding: 0.25rem 0.75rem;
        border-radius: 0.2rem;
        background: var(--sl-color-red-low, #3a0a0a);
        color: var(--sl-color-red-high, #ffd0d0);
        border: 1px solid var(--sl-color-red, #c00);
        font-size: var(--sl-text-xs, 0.8rem);
        white-space: normal;
        pointer-events: none;
      }
    `,
  };
}
