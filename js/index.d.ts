// Types for the postchart ES module.

/** A figure stated in the text. */
export interface Fact {
  /** The number as written, before `scale`; a range is `[lo, hi]`. */
  value: number | [number, number];
  /** What the written number is multiplied by: 万 = 1e4, 亿 = 1e8, million = 1e6, else 1. */
  scale: number;
  /** The unit without its scale word (`元` for `万元`), or null. */
  unit: string | null;
  /** The phrase the figure measures (`高级工`). */
  label: string;
  /** A hedge or bound: 约, 近, 超过, 最高, 以上… */
  qualifier: string | null;
  /** -1 when the text states a decrease. */
  sign: 1 | -1;
  /** The exact source text of the figure. */
  text: string;
  /** Who or what the figure is about (`铁路`), when the label names it apart from the measure. */
  subject: string | null;
  /** What is measured (`累计完成货运量`, `占比`). */
  measure: string | null;
  /** When (`2021年`, `1-7月`, `一季度`, `Q2`), from the label or the paragraph's opening. */
  period: string | null;
  /** What a change is compared with (`同比`, `环比`, `较上年`; `变动` when none is named);
   * null for a level. */
  change: string | null;
}

export type ChartKind = 'bar' | 'hbar' | 'line' | 'pie' | 'kpi';

/** One bar, point, slice or card. */
export interface ChartPoint {
  label: string;
  value: number;
  scale: number;
  /** The point's own unit (KPI cards), else the chart's. */
  unit?: string | null;
  qualifier?: string | null;
  sign?: 1 | -1;
  /** The second way a two-way chart varies (`2023年`): the legend entry or line it is on. */
  group?: string;
}

/** A chart, as postchart chose it. */
export interface ChartSpec {
  kind: ChartKind;
  title: string;
  /** The unit every point shares, or null when each point has its own. */
  unit: string | null;
  points: ChartPoint[];
  /** Where the figures come from, when the post says. */
  source?: string;
  /** The post's language (`zh`, `en`…). */
  lang: string;
  /** How plainly the text states the chart, 0 to 1: 0.9 a list, table or parts of a whole;
   * 0.6 one sentence of parallel clauses; 0.5 parallel statements naming one measure; 0.3
   * figures that share only a unit. Below 0.5 a chart is never drawn. */
  confidence: number;
  /** False for a candidate the widget holds back (not confident, or past the cap). */
  drawn: boolean;
  /** The post's paragraph (0-based) the figures come from, the last when they span several. */
  block?: number;
}

/** What postchart read from a post. */
export interface Extraction {
  title: string | null;
  date: string | null;
  lang: string;
  facts: Fact[];
  charts: ChartSpec[];
  /** Where the editor's settings put the charts, when they say. */
  place: 'inline' | 'end' | null;
  /** Settings that could not be read (each also a console warning); the rest applied. */
  warnings: string[];
}

/**
 * The editor's settings. The same keys go in the front matter (`postchart:` in YAML, or
 * `[postchart]` in TOML) and on an element (`data-postchart-max="2"`,
 * `data-postchart-kinds="bar, line"`, `data-postchart="false"`). An element's attributes win
 * over the front matter, which wins over these options.
 */
export interface ChartSettings {
  /** `false`: no charts for the post. */
  enabled?: boolean;
  /** The most comparison charts to draw (0: none, not even key figures); default about 3 for
   * a short story, one a section for a long briefing. */
  max?: number;
  /** The kinds drawn. */
  kinds?: Array<'bar' | 'hbar' | 'line' | 'pie' | 'kpi'>;
  /** Charts (by title) or figures (by label, or as written: `2.5亿元`) left out. */
  exclude?: string[];
  /** Only these charts, by number in the candidate list (from 0) or by title; drawn even
   * when postchart would hold them back. */
  only?: Array<number | string>;
  /** New titles, by chart number. */
  titles?: Record<number, string>;
  /** `inline` (default): a rendered article's charts after the text they come from; `end`:
   * all after the article. */
  place?: 'inline' | 'end';
}

export interface ExtractOptions extends ChartSettings {
  /** `post` (default): front matter + Markdown/HTML; `text`: an article's text, a paragraph a line. */
  format?: 'post' | 'text';
  /** The post's language (`zh`, `en`…), over its front matter and the guess from its text. */
  lang?: string;
  /**
   * The language of the page around the post (`autoRender` reads the nearest `lang` attribute,
   * usually `<html lang>`): used when the front matter names none and the text does not plainly
   * say otherwise.
   */
  pageLang?: string;
  /** Where the `.wasm` file is, if not next to the module. */
  wasm?: string | URL | Response | BufferSource | WebAssembly.Module;
  /**
   * Posts of 20,000 characters or more are read in a Web Worker (`dist/worker.js`) so that the
   * page's main thread stays free; `false` reads them on the main thread. Where workers are
   * not allowed (CSP, Trusted Types) they are read on the main thread anyway.
   */
  worker?: boolean;
  /** `false` leaves `facts` empty in the result (a long post read in the worker comes back
   * faster); `autoRender` asks for no facts, as nobody reads them there. */
  facts?: boolean;
}

export interface RenderOptions extends ExtractOptions {
  /** `auto` (default) follows `prefers-color-scheme`. */
  theme?: 'auto' | 'light' | 'dark';
  /** A CSS font-family list for chart text (default: the page's font, then CJK fallbacks). */
  fontFamily?: string;
  /** Bar and figure colour, `#rrggbb`. */
  accent?: string;
}

/** Loads the wasm once; later calls return the same promise. */
export function init(wasm?: ExtractOptions['wasm']): Promise<void>;

/** Reads a post and returns its facts and chart specs. Rejects with an Error on bad input. */
export function extractPost(source: string, options?: ExtractOptions): Promise<Extraction>;

/**
 * Draws the charts of a post into `container` (a `<figure class="postchart">` with one
 * `<canvas role="img">` per chart) and resolves to the extraction once the first chart is
 * drawn; a post with many charts draws the rest in the next tasks, and each chart's hidden
 * data table follows in the next frames.
 */
export function renderPost(container: Element, source: string, options?: RenderOptions): Promise<Extraction>;

export interface AutoRenderHandle {
  /** Resolves when the elements present at the start are drawn (or failed quietly). */
  done: Promise<void>;
  /** Resolves when every render started so far has finished. */
  settled(): Promise<void>;
  /** Stops watching for added and removed elements; figures drawn so far stay. */
  disconnect(): void;
}

export interface AutoRenderOptions extends RenderOptions {
  /** Fetch `data-src` posts from other origins too (default: the page's own origin only). */
  allowCrossOrigin?: boolean;
  /**
   * Read and draw a marked element only when it comes near the viewport (IntersectionObserver;
   * a hidden post source is watched through its target or parent). Default true; `false`
   * charts everything at once.
   */
  lazy?: boolean;
  /** How near is near, as IntersectionObserver's `rootMargin` (default `"50% 0px"`). */
  rootMargin?: string;
}

/** Live counts, to check that nothing leaks. */
export interface Stats {
  /** Figures postchart has on the page. */
  figures: number;
  /** ResizeObservers it holds (one per figure). */
  resizeObservers: number;
  /** autoRender watchers still observing. */
  watchers: number;
}

/** What postchart holds on to now. */
export function stats(): Stats;

/**
 * Charts every `[data-postchart]` element under `root`, now and as they are added: a
 * `<script type="text/markdown">` post, a `data-src` post (same origin unless
 * `allowCrossOrigin`), or an article's text. A removed element's figure is removed and released.
 */
export function autoRender(root?: Document | Element, options?: AutoRenderOptions): AutoRenderHandle;

/**
 * Defines the `<post-chart>` element (the script tag's loader does this itself). Call it before
 * `autoRender` to use `<post-chart src="…">`, `<post-chart for="ID">` or a post written inside
 * one from the npm package. Returns false where custom elements are not available.
 */
export function definePostChart(registry?: CustomElementRegistry): boolean;
