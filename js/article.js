// A rendered article's text as the reader reads it, and where each block's chart goes.

const BLOCK_TAGS = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BR', 'TR', 'TABLE',
  'SECTION', 'ARTICLE', 'BLOCKQUOTE', 'HEADER', 'FOOTER', 'FIGCAPTION', 'DD', 'DT', 'PRE',
]);
// PRE: preformatted text is code on a page, not the story's prose (as a Markdown code block).
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'FIGURE', 'CANVAS', 'PRE']);

/**
 * The text of a rendered article, one block per line, a table's cells apart by tabs, without
 * layout (no innerText); and for each non-empty line (a paragraph of the post, as the reader
 * counts them) the element a chart of its figures goes after: its block, the whole list for a
 * list item, the whole table for a row.
 */
export function articleText(element) {
  const parts = [];
  const owners = [];
  const push = (text, owner) => {
    parts.push(text);
    owners.push(owner);
  };
  const walk = (node, owner) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        push(child.data, owner);
      } else if (child.nodeType === 1 && !SKIP_TAGS.has(child.tagName)) {
        const block = BLOCK_TAGS.has(child.tagName);
        if (block) push('\n', null);
        walk(child, block ? child : owner);
        if (block) push('\n', null);
        if (child.tagName === 'TD' || child.tagName === 'TH') push('\t', null);
      }
    }
  };
  walk(element, element);
  const blocks = [];
  let line = '';
  let owner = null;
  const endLine = () => {
    if (line.trim()) blocks.push(anchorOf(owner, element));
    line = '';
    owner = null;
  };
  parts.forEach((part, k) => {
    const pieces = part.split('\n');
    pieces.forEach((piece, i) => {
      if (i > 0) endLine();
      line += piece;
      if (!owner && piece.trim()) owner = owners[k];
    });
  });
  endLine();
  return { text: parts.join(''), blocks };
}

/** Where a chart of a block's figures goes: after the block, its list or its table. */
function anchorOf(block, article) {
  if (!block || block === article) return null;
  const whole = block.closest('table') || (block.tagName === 'LI' ? block.closest('ul, ol') : null);
  const anchor = whole && article.contains(whole) && whole !== article ? whole : block;
  return anchor === article ? null : anchor;
}

/**
 * Groups charts by the element they go after: `blocks[chart.block]`, else (no block, or a
 * block the page does not have) the end. Groups keep the charts' order.
 */
export function chartsByAnchor(charts, blocks) {
  const groups = [];
  for (const chart of charts) {
    const anchor = Number.isInteger(chart.block) ? blocks[chart.block] || null : null;
    const group = groups.find((g) => g.anchor === anchor);
    if (group) group.charts.push(chart);
    else groups.push({ anchor, charts: [chart] });
  }
  return groups;
}
