/**
 * Server-supplied text (names, messages, docker/podman output) on its way to a terminal, a notification or a
 * Markdown tooltip: made inert there, never interpreted.
 */

/**
 * For a terminal: drops C0 controls except newline and tab (ESC starts every CSI/OSC sequence: screen clears,
 * OSC 8 links, title changes), a CR that is not part of CRLF (it would let later text overwrite a line, e.g. a
 * fake "Login Succeeded"), DEL and the C1 controls (U+0080–U+009F, 8-bit CSI/OSC).
 */
export function stripControls(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/\r\n/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

/**
 * Registry user names the extension passes to docker/podman and prints: letters, digits and `. _ - @ + $`
 * (Harbor robot accounts use `robot$name`), at most 256 characters. Anything else is refused, not cleaned.
 */
export function isSafeRegistryUsername(name: string): boolean {
  return /^[A-Za-z0-9._@+$-]{1,256}$/.test(name);
}

/**
 * For a notification: VS Code turns `[label](https:…|command:…|file:…)` into a link. A zero-width space between
 * `]` and `(` keeps the text as it reads and stops it being a link (backslashes are not honoured there).
 */
export function escapeNotificationLinks(text: string): string {
  return text.replace(/\]\s*\(/g, (m) => `${m.slice(0, -1)}\u200b(`);
}

/** For a MarkdownString: every character with Markdown meaning is backslash-escaped, so it shows literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&:]/g, '\\$&').replace(/\r?\n|\r/g, ' ');
}
