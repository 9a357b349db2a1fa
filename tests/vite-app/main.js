// A Vite 7 app that installed the packed postchart tarball.
import { renderPost, extractPost } from 'postchart';

const source = `---
title: 技能人才
---
2021年，该市新增初中级工4948人、高级工2542人、技师402人、高级技师136人。`;

const facts = await extractPost(source);
await renderPost(document.getElementById('charts'), source);
document.documentElement.dataset.facts = String(facts.facts.length);
document.documentElement.dataset.done = 'yes';
