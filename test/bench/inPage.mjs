// Timers that run inside the workbench page (performance.now(), animation frames), for test/bench/userPath.mjs.
/* global document, performance, requestAnimationFrame, window */

/**
 * Resolves with { ms, at }: ms from the user's next action (a mousedown, or a keydown of Enter) to the first animation frame in
 * which an element matching `selector` is in the DOM inside `pane` (a side-bar view, by title; the whole document when
 * absent), whose aria-label or text contains `text` (when given) and whose aria-setsize is above `minSetSize` (when
 * given: the list grew); `at` is the action's absolute time (performance.timeOrigin-based, ms since the epoch).
 * Arm it before the action; rejects after 30 s.
 */
export function armTimer(page, { trigger = 'mousedown', pane, selector, text, minSetSize = -1 }) {
  return page.evaluate(
    ({ trigger, paneTitle, selector, text, minSetSize }) => {
      const scope = () =>
        paneTitle === undefined
          ? document
          : [...document.querySelectorAll('.sidebar .pane')].find(
              (p) => p.querySelector('.pane-header h3.title')?.textContent?.trim() === paneTitle,
            );
      const matches = (el) =>
        Number(el.getAttribute('aria-setsize') ?? 0) > minSetSize &&
        (text === undefined || (el.getAttribute('aria-label') ?? '').includes(text) || (el.textContent ?? '').includes(text));
      return new Promise((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error(`no ${selector}${text ? ` with "${text}"` : ''} within 30 s`)), 30_000);
        const event = trigger === 'enter' ? 'keydown' : 'mousedown';
        const onAction = (e) => {
          if (trigger === 'enter' && e.key !== 'Enter') return;
          document.removeEventListener(event, onAction, { capture: true });
          const start = performance.now();
          const poll = () => {
            if ([...(scope()?.querySelectorAll(selector) ?? [])].some(matches)) {
              clearTimeout(timeout);
              resolve({ ms: performance.now() - start, at: performance.timeOrigin + start });
            } else requestAnimationFrame(poll);
          };
          requestAnimationFrame(poll);
        };
        document.addEventListener(event, onAction, { capture: true });
      });
    },
    { trigger, paneTitle: pane, selector, text, minSetSize },
  );
}

/**
 * An init script (page.addInitScript) for every new document of the page: records, for each pane title, the absolute
 * time (performance.timeOrigin + now, ms) of the first animation frame with a tree row in that side-bar view, in
 * window.__benchFirstRows ({ times, done }). Top frame only; gives up after 120 s.
 */
export function firstRowRecorder(paneTitles) {
  if (window.top !== window) return;
  const times = {};
  const state = { times, done: false };
  window.__benchFirstRows = state;
  const started = performance.now();
  const poll = () => {
    for (const pane of document.querySelectorAll('.sidebar .pane')) {
      const title = pane.querySelector('.pane-header h3.title')?.textContent?.trim();
      if (title && paneTitles.includes(title) && !(title in times) && pane.querySelector('[role="treeitem"]'))
        times[title] = performance.timeOrigin + performance.now();
    }
    state.done = paneTitles.every((t) => t in times);
    if (!state.done && performance.now() - started < 120_000) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

/** The absolute time of now in the page (comparable with firstRowRecorder's), then a reload of the window. */
export function reloadFromPage(page) {
  return page.evaluate(() => {
    const t = performance.timeOrigin + performance.now();
    setTimeout(() => window.location.reload(), 0);
    return t;
  });
}
