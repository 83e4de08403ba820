/**
 * Work that must be done before the extension host goes, such as clearing a secret from the clipboard: `deactivate()`
 * awaits it (VS Code does not await what `dispose()` starts), bounded so a hung task cannot hold up the window's close.
 */
const finishers = new Set<() => Promise<unknown>>();

export const DEACTIVATE_TIMEOUT_MS = 2_000;

/** Registers `finish` until the returned disposable is disposed. */
export function finishBeforeDeactivate(finish: () => Promise<unknown>): { dispose(): void } {
  finishers.add(finish);
  return { dispose: () => finishers.delete(finish) };
}

/** Runs every registered finisher at once; resolves when all settled or after `timeoutMs`. */
export async function runFinishers(timeoutMs = DEACTIVATE_TIMEOUT_MS): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  const all = Promise.allSettled([...finishers].map((finish) => Promise.resolve().then(finish)));
  await Promise.race([all, timeout]);
  clearTimeout(timer);
}
