// The loader's guess (js/markdown.js) against the Rust reader's answer (the wasm's
// bodyNeedsMarkdown), on our fixtures and on every post of ../shared when it is there. Needs a
// build (`npm run build`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { needsMarkdown, bodyOf } from '../../js/markdown.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const lean = await import(join(root, 'dist/wasm/postchart-lean.js'));
lean.initSync({ module: readFileSync(join(root, 'dist/wasm/postchart-lean_bg.wasm')) });

const bodies = [
  '<p>甲市销售额12亿元。</p>\n\n第二段。',
  '---\ntitle: 甲\n---\n\n<p>正文</p>\n\n<http://example.com/a>\n\n[返回](//example.com/)｜[首页](//example.com/)',
  '+++\ntitle = "x"\n+++\n\n正文 3人',
  '---\ntitle: 甲\n---\n\n## 小标题\n\n正文',
  '- 甲 3人\n- 乙 2人',
  '1. first',
  '2023. not a list?',
  '收入**增长**',
  'AT&amp;T',
  'hard  \nbreak',
  '<!-- c\n\nstill -->\ntext',
  '<span>inline</span>',
  '<Details>\nx\n</details>',
  'Details of it:\n- a',
  '见![图](a.png)',
  '见[报告][1]',
  '    code',
  '\ttab',
  'a\rb',
  'x\f',
  '\uFEFF---\ntitle: t\n---\nplain',
  '---\nbroken front matter',
];

test('the loader and the Rust reader agree on which bodies need Markdown', () => {
  for (const body of bodies) {
    assert.equal(needsMarkdown(body), lean.bodyNeedsMarkdown(body), JSON.stringify(body));
  }
  assert.equal(needsMarkdown(bodies[1]), false);
  assert.equal(needsMarkdown(bodies[3]), true);
  assert.equal(bodyOf('---\na: 1\n---\nbody'), 'body');
});

test('the lean build reads no Markdown and says why it refuses a post', () => {
  assert.equal(lean.readsMarkdown(), false);
  assert.throws(() => lean.analyze('## 标题\n\n- 甲 3人', 'post', undefined, undefined, [], []), /Markdown/);
  const result = lean.analyze('<p>甲市销售额12亿元，乙市8亿元。</p>', 'post', undefined, undefined, [], []);
  assert.ok(result.facts.length >= 2);
});

const shared = process.env.POSTCHART_SHARED || join(root, '../shared');
test('they agree on every post of the corpora', { skip: !existsSync(shared) && 'no ../shared' }, () => {
  const files = [];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(md|html|txt)$/.test(name)) files.push(path);
    }
  };
  for (const dir of ['seed', 'corpus/posts', 'corpus-sites/posts', 'corpus-en/posts', 'trial-posts', 'peers-charts']) walk(join(shared, dir));
  let markdown = 0;
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const rust = lean.bodyNeedsMarkdown(source);
    assert.equal(needsMarkdown(source), rust, file);
    markdown += rust ? 1 : 0;
  }
  assert.ok(files.length > 500, `${files.length} files`);
  console.log(`# ${files.length} posts: ${markdown} need Markdown`);
});
