/**
 * The tables of contents' behaviour: the link to the section the reader is in is marked
 * `aria-current="true"` (the phone's "On this page" bar also shows its name), and the phone's list
 * closes on a link, a click outside or Escape.
 *
 * Why not Starlight's own element: it finds the current section by observing every element of the
 * page that holds no heading, and the query that collects them (`:has()` over each block) took 44 ms
 * on a long entry page on a laptop, once per table of contents (the desktop and the phone one are both
 * on every page). Under Lighthouse's mobile CPU that was 350 ms of main-thread work in two tasks, most
 * of the page's Total Blocking Time. This reads the tops of the headings the table links to (about 25
 * reads, no layout of its own) once per animation frame in which the page scrolled, resized or a fold
 * opened, and both tables share that one reading.
 */
import { currentSection, readingLine } from './current-section';

type Listener = (link: number) => void;

/** Keeps track of the current section for every table of contents on the page. */
class SectionTracker {
  private readonly listeners = new Set<{ ids: string[]; notify: Listener }>();
  private scheduled = false;

  add(ids: string[], notify: Listener): void {
    if (this.listeners.size === 0) {
      const schedule = () => this.schedule();
      window.addEventListener('scroll', schedule, { passive: true });
      window.addEventListener('resize', schedule, { passive: true });
      window.addEventListener('hashchange', schedule);
      // A fold closing moves the headings after it up without a scroll event (an opening one is
      // followed by one: the browser's scroll anchoring keeps what the reader sees in place).
      document.addEventListener('toggle', schedule, { capture: true });
    }
    this.listeners.add({ ids, notify });
    // Until the first reading the title is current. Reading now (even scrollY) would lay out a page
    // that is still arriving, so the first reading waits for the load event, or for the scroll to
    // an anchor or a restored position if that comes first.
    notify(0);
    if (document.readyState === 'complete') this.schedule();
    else window.addEventListener('load', () => this.schedule(), { once: true });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      this.update();
    });
  }

  private update(): void {
    const root = document.documentElement;
    const line = readingLine({
      barsHeight: barsHeight(),
      rootFontSize: Number.parseFloat(getComputedStyle(root).fontSize),
      height: root.clientHeight,
      atEnd: Math.ceil(window.scrollY + root.clientHeight) >= root.scrollHeight - 1,
    });
    const tops = new Map<string, number | undefined>();
    for (const { ids, notify } of this.listeners) {
      for (const id of ids) if (!tops.has(id)) tops.set(id, topOf(document.getElementById(id)));
      notify(
        currentSection(
          ids.map((id) => tops.get(id)),
          line,
        ),
      );
    }
  }
}

/** The height of what is fixed at the top: the header and, on a phone, the "On this page" bar. */
function barsHeight(): number {
  const header = document.querySelector('header')?.getBoundingClientRect().height ?? 0;
  const bar = document.querySelector('lfg-mobile-toc summary')?.getBoundingClientRect().height ?? 0;
  return header + bar;
}

/** A heading's top in the viewport, or undefined when it is not rendered (inside a closed fold). */
function topOf(heading: HTMLElement | null): number | undefined {
  if (!heading) return undefined;
  // checkVisibility() is Safari 17.4+; without it, an element that is not rendered has no boxes.
  const rendered = heading.checkVisibility?.() ?? heading.getClientRects().length > 0;
  return rendered ? heading.getBoundingClientRect().top : undefined;
}

const tracker = new SectionTracker();

/** The desktop table of contents, in the right sidebar. */
export class TableOfContents extends HTMLElement {
  protected links: HTMLAnchorElement[] = [];
  private current: HTMLAnchorElement | undefined;

  connectedCallback(): void {
    this.links = [...this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
    const ids = this.links.map((link) => decodeURIComponent(link.hash.slice(1)));
    tracker.add(ids, (index) => this.markCurrent(this.links[index]));
  }

  protected markCurrent(link: HTMLAnchorElement | undefined): void {
    if (!link || link === this.current) return;
    this.current?.removeAttribute('aria-current');
    link.setAttribute('aria-current', 'true');
    this.current = link;
  }
}

/** The phone's table of contents: a bar under the header that names the current section and opens the list. */
export class MobileTableOfContents extends TableOfContents {
  override connectedCallback(): void {
    super.connectedCallback();
    const details = this.querySelector('details');
    if (!details) return;
    const close = () => {
      details.open = false;
    };
    for (const link of this.links) link.addEventListener('click', close);
    window.addEventListener('click', (event) => {
      if (details.open && !details.contains(event.target as Node)) close();
    });
    window.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !details.open) return;
      const hadFocus = details.contains(document.activeElement);
      close();
      if (hadFocus) details.querySelector('summary')?.focus();
    });
  }

  protected override markCurrent(link: HTMLAnchorElement | undefined): void {
    super.markCurrent(link);
    const display = this.querySelector('.display-current');
    if (link && display) display.textContent = link.textContent;
  }
}

customElements.define('lfg-toc', TableOfContents);
customElements.define('lfg-mobile-toc', MobileTableOfContents);
