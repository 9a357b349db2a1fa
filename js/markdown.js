// Whether a post source's body needs the full build (the one that reads Markdown), asked before
// any wasm is fetched. The same rules as the Rust reader's (src/post/plain.rs), which has the
// last word: a body this says is plain and the lean build refuses is read again by the full one.
// tests/js/markdown.test.mjs checks that both answer alike on every post of the corpora.

const BLOCK_TAGS = new Set(
  'address article aside blockquote body caption center dd details div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p section summary table tbody td tfoot th thead tr ul'.split(' '),
);

/** The body of a post source: after a `---` (YAML) or `+++` (TOML) front matter, if closed. */
export function bodyOf(source) {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const trimmed = text.replace(/^[\n\r \t]+/, '');
  const fence = trimmed.startsWith('---') ? '---' : trimmed.startsWith('+++') ? '+++' : null;
  if (!fence) return text;
  const firstEnd = trimmed.indexOf('\n') < 0 ? trimmed.length : trimmed.indexOf('\n');
  if (trimmed.slice(0, firstEnd).trimEnd() !== fence) return text;
  let offset = Math.min(firstEnd + 1, trimmed.length);
  while (offset < trimmed.length) {
    const end = trimmed.indexOf('\n', offset);
    const lineEnd = end < 0 ? trimmed.length : end + 1;
    const bare = trimmed.slice(offset, lineEnd).trimEnd();
    if (bare === fence || (fence === '---' && bare === '...')) return trimmed.slice(lineEnd);
    offset = lineEnd;
  }
  return text;
}

/** Whether a post source's body has anything only a Markdown reader reads as it should. */
export function needsMarkdown(source) {
  const body = bodyOf(String(source ?? ''));
  if (/[\0\v\f]/.test(body) || body.replace(/\r\n/g, '\n').includes('\r')) return true;
  for (const block of blocks(body)) if (kind(block) === 'markdown') return true;
  return false;
}

const isBlank = (line) => line.replace(/[ \t\r\n]/g, '') === '';

/** Runs of lines that are not blank; a comment runs to the line that closes it. */
function* blocks(body) {
  let rest = body;
  for (;;) {
    for (;;) {
      const end = rest.indexOf('\n');
      const lineEnd = end < 0 ? rest.length : end + 1;
      if (rest === '' || !isBlank(rest.slice(0, lineEnd))) break;
      rest = rest.slice(lineEnd);
    }
    if (rest === '') return;
    if (rest.replace(/^ +/, '').startsWith('<!--')) {
      const open = rest.indexOf('<!--') + 4;
      const close = rest.indexOf('-->', open);
      let end = rest.length;
      if (close >= 0) {
        const nl = rest.indexOf('\n', close);
        end = nl < 0 ? rest.length : nl + 1;
      }
      yield rest.slice(0, end);
      rest = rest.slice(end);
      continue;
    }
    let end = 0;
    while (end < rest.length) {
      const nl = rest.indexOf('\n', end);
      const lineEnd = nl < 0 ? rest.length : nl + 1;
      if (isBlank(rest.slice(end, lineEnd))) break;
      end = lineEnd;
    }
    yield rest.slice(0, end);
    rest = rest.slice(end);
  }
}

function lines(block) {
  const out = block.split('\n');
  if (out[out.length - 1] === '') out.pop();
  return out;
}

function kind(block) {
  const first = lines(block)[0] || '';
  const bare = first.replace(/^ +/, '');
  if (first.length - bare.length >= 4 || bare.startsWith('\t')) return 'markdown';
  if (bare.startsWith('<!--') || opensHtmlBlock(bare)) return 'html';
  return lines(block).every(isPlainLine) ? 'text' : 'markdown';
}

function opensHtmlBlock(line) {
  const m = /^<\/?([A-Za-z0-9]*)/.exec(line);
  if (!m) return false;
  const after = line.slice(m[0].length);
  const endsName = after === '' || /^[ \t\r\n>]/.test(after) || after.startsWith('/>');
  return endsName && BLOCK_TAGS.has(m[1].toLowerCase());
}

function isPlainLine(raw) {
  const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (line.endsWith('  ')) return false;
  const bare = line.replace(/^[ \t]+/, '');
  if (/^[#>\-+=:]/.test(bare) || /^\d{1,9}[.)]([ \t]|$)/.test(bare)) return false;
  return inlineIsPlain(line);
}

/** No inline syntax but autolinks and `[text](destination)` links. */
function inlineIsPlain(line) {
  let rest = line;
  for (;;) {
    const at = rest.search(/[*_`[\]\\&|~<!]/);
    if (at < 0) return true;
    rest = rest.slice(at);
    const autolink = /^<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s\p{Cc}]*>/u.exec(rest);
    const link = /^\[([^\]]*)\]\(([^)]*)\)/.exec(rest);
    if (autolink) rest = rest.slice(autolink[0].length);
    else if (link && link[1].trim() && !/[*_`[\\&|~<!>]/.test(link[1]) && !/[\s\p{Cc}(<>\\"']/u.test(link[2])) {
      rest = rest.slice(link[0].length);
    } else if (rest.startsWith('!') && !rest.startsWith('![')) rest = rest.slice(1);
    else return false;
  }
}
