import type { ExpressiveCodePlugin } from '@astrojs/starlight/expressive-code';

/**
 * Code blocks off the screen skip layout until a reader scrolls near them.
 *
 * A long entry page carries a dozen code blocks of a few hundred highlighted lines: laying them out
 * was over half of the first layout's time on a phone (measured in Chromium traces: 180 of 276 ms),
 * most of it for blocks three screens down. `content-visibility: auto` lets the browser skip a
 * block's layout and paint while it is far from the viewport; it stays in the page for find-in-page,
 * anchors and assistive technology. Its placeholder height is estimated from how many rows its lines
 * take once wrapped, at a phone's and at a laptop's column width (`--lfg-ec-rows-narrow`,
 * `--lfg-ec-rows-wide`), so that the page is about as tall before as after; `auto` keeps the real
 * height once the block has been shown.
 */

/** Characters of code per row in the content column: a 390 px phone, and a laptop. */
const narrowColumnChars = 38;
const wideColumnChars = 80;

/** Rows a line takes when wrapped at `width` characters (wrapped rows keep the line's indentation). */
function rowsOf(line: string, width: number): number {
  const indent = line.length - line.trimStart().length;
  const rest = line.length - width;
  if (rest <= 0) return 1;
  return 1 + Math.ceil(rest / Math.max(10, width - indent));
}
export function offscreenCodeBlocks(): ExpressiveCodePlugin {
  return {
    name: 'lfg-offscreen-code-blocks',
    hooks: {
      postprocessRenderedBlock: ({ codeBlock, renderData }) => {
        const figure = renderData.blockAst;
        const lines = codeBlock.getLines().map((line) => line.text);
        const rows = (width: number) => lines.reduce((sum, line) => sum + rowsOf(line, width), 0);
        const style = typeof figure.properties.style === 'string' ? `${figure.properties.style};` : '';
        figure.properties.style = `${style}--lfg-ec-rows-narrow:${rows(narrowColumnChars)};--lfg-ec-rows-wide:${rows(wideColumnChars)}`;
      },
    },
    baseStyles: `
      .frame {
        --lfg-ec-rows: var(--lfg-ec-rows-wide, 8);
        /* Untitled: the pre's top and bottom borders. */
        --lfg-ec-chrome: calc(2 * var(--ec-brdWd));
        content-visibility: auto;
        contain-intrinsic-block-size: auto
          calc(
            var(--lfg-ec-rows) * var(--ec-codeLineHt) * var(--ec-codeFontSize) + 2 * var(--ec-codePadBlk) +
              var(--lfg-ec-chrome)
          );
      }
      /* Titled: the title's padding, line and top border, and the pre's bottom border. */
      .frame.has-title,
      .frame.is-terminal {
        --lfg-ec-chrome: calc(
          2 * (var(--ec-uiPadBlk) + var(--ec-frm-edActTabIndHt)) + var(--ec-uiFontSize) * var(--ec-uiLineHt) + 2 *
            var(--ec-brdWd)
        );
      }
      @media (max-width: 50rem) {
        .frame {
          --lfg-ec-rows: var(--lfg-ec-rows-narrow, 8);
        }
      }
    `,
  };
}
