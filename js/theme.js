// How a figure looks on its page: pixel density, light or dark, accent and fonts.

const DEFAULT_FONTS =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

export function pixelRatio() {
  const r = globalThis.devicePixelRatio;
  return Number.isFinite(r) && r > 0 ? Math.min(r, 4) : 1;
}

export function themeOf(figure) {
  const wanted = figure.options.theme || 'auto';
  if (wanted === 'dark' || wanted === 'light') return wanted;
  const query = globalThis.matchMedia && globalThis.matchMedia('(prefers-color-scheme: dark)');
  return query && query.matches ? 'dark' : 'light';
}

/** A `--postchart-*` custom property set by the page's CSS, if any. */
export function cssVar(figure, name) {
  const view = figure.element.ownerDocument.defaultView;
  return view ? view.getComputedStyle(figure.element).getPropertyValue(name).trim() : '';
}

export function fontFamilyOf(figure) {
  if (figure.options.fontFamily) return figure.options.fontFamily;
  const fromCss = cssVar(figure, '--postchart-font');
  if (fromCss) return fromCss;
  const view = figure.element.ownerDocument.defaultView;
  const pageFonts = view ? view.getComputedStyle(figure.element).fontFamily : '';
  // The page's fonts first; CJK fallbacks after them so Chinese always has glyphs.
  return pageFonts ? `${pageFonts}, ${DEFAULT_FONTS}` : DEFAULT_FONTS;
}

/** Font families already drawn with on this page. */
const warmFonts = new Set();

/** Draws a line of text in `family` on a canvas nobody sees, once per family; true if it did. */
export function warmFont(doc, family, sample) {
  if (warmFonts.has(family)) return false;
  warmFonts.add(family);
  try {
    const context = doc.createElement('canvas').getContext('2d');
    if (!context) return false;
    for (const weight of ['', 'bold ']) {
      context.font = `${weight}16px ${family}`;
      context.fillText(`${sample || ''} 数据 0123456789 %`, 0, 16);
    }
  } catch {
    // a canvas-less environment: nothing to warm
  }
  return true;
}
