// The few DOM members the shell's pure pieces use, so that they run under `node --test`
// without a browser. Elements only; text nodes are strings.
export class FakeElement {
  constructor(tagName, attributes = {}, children = []) {
    this.nodeType = 1;
    this.tagName = tagName.toUpperCase();
    this.attributes = new Map(Object.entries(attributes));
    this.parentElement = null;
    this.childNodes = [];
    this.textContent = '';
    this.ownerDocument = { getElementById: (id) => this.root().find((e) => e.getAttribute('id') === id) };
    for (const child of children) this.append(child);
  }
  append(child) {
    const node = typeof child === 'string' ? { nodeType: 3, data: child } : child;
    node.parentElement = this;
    const last = this.childNodes[this.childNodes.length - 1];
    if (last) last.nextSibling = node;
    node.nextSibling = null;
    this.childNodes.push(node);
  }
  get firstChild() {
    return this.childNodes[0] || null;
  }
  get id() {
    return this.getAttribute('id') || '';
  }
  set id(value) {
    this.setAttribute('id', value);
  }
  getAttribute(name) {
    return this.attributes.has(name) ? this.attributes.get(name) : null;
  }
  setAttribute(name, value) {
    this.attributes.set(name, String(value));
  }
  hasAttribute(name) {
    return this.attributes.has(name);
  }
  root() {
    let top = this;
    while (top.parentElement) top = top.parentElement;
    const all = [];
    const walk = (e) => {
      all.push(e);
      for (const c of e.childNodes) if (c.nodeType === 1) walk(c);
    };
    walk(top);
    return all;
  }
  contains(other) {
    for (let e = other; e; e = e.parentElement) if (e === this) return true;
    return false;
  }
  closest(selector) {
    const tags = selector.split(',').map((t) => t.trim().toUpperCase());
    for (let e = this; e; e = e.parentElement) if (tags.includes(e.tagName)) return e;
    return null;
  }
}

export const el = (tag, attributes, ...children) => new FakeElement(tag, attributes, children);
