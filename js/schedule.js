// When postchart's work runs on the page's main thread: tasks of its own when it has run long,
// animation frames, and warnings that never throw into the host page.

/** When the current run of postchart's work on the main thread began. */
let busySince = now();

/**
 * Lets the host page run before the next step when the current run of work has taken more
 * than `BUSY_MS`: on a warm page a post is read, built and drawn in one short task; on a first
 * visit each step can take 20–40 ms, and each then gets a task of its own.
 */
export async function yieldIfBusy() {
  if (now() - busySince > BUSY_MS) await yieldToPage();
}

const BUSY_MS = 8;

/**
 * Resolves in a new task, after the tasks the host page has already queued: a message to
 * ourselves (no 4 ms timer clamp). Not `scheduler.yield()`, whose continuation runs ahead of
 * the page's own queued tasks.
 */
export function yieldToPage() {
  if (typeof MessageChannel !== 'function') {
    return new Promise((resolve) => setTimeout(() => {
      busySince = now();
      resolve();
    }, 0));
  }
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      busySince = now();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export const DRAW_BUDGET_MS = 16;

export function now() {
  return typeof performance === 'object' ? performance.now() : Date.now();
}

export function requestFrame(fn) {
  return typeof requestAnimationFrame === 'function' ? requestAnimationFrame(fn) : setTimeout(fn, 16);
}

export function messageOf(error) {
  return error && error.message ? String(error.message) : String(error);
}

export function warn(error) {
  try {
    console.warn('postchart:', messageOf(error));
  } catch {
    // a console that throws must not break the page
  }
}
