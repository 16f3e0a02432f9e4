/**
 * HTML for a fact stated through the registry (src/data/facts.ts): the value, linked to its source,
 * with the statement and the day it was checked as the link's title. Used by Markdown.astro for the
 * `:fact[id]` tokens in entries' frontmatter; Fact.astro renders the same markup in MDX.
 */
import { type FactReference, factSource, factText, factTitle, replaceFactTokens } from '../../data/facts';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function factHtml({ id, form }: FactReference): string {
  const source = factSource(id, form);
  return `<a class="lfg-fact" href="${escapeHtml(source.url)}" title="${escapeHtml(factTitle(id))}" data-fact="${escapeHtml(id)}">${escapeHtml(factText(id, form))}</a>`;
}

/** Replaces the fact tokens of a Markdown string with their HTML, before Markdown is parsed. */
export function renderFactTokens(markdown: string): string {
  return replaceFactTokens(markdown, factHtml);
}
