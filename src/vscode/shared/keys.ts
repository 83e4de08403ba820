/** Ids the shared adapters use: the rows every tree may show, and the HTTP settings every client follows. */

/** Context values of the shared tree rows (a message, an action, an error with Retry, Load more). */
export const MESSAGE_CONTEXT = 'coscene.message';
export const ACTION_CONTEXT = 'coscene.action';
export const ERROR_CONTEXT = 'coscene.error';
export const LOAD_MORE_CONTEXT = 'coscene.loadMore';

/** The section of the HTTP settings this extension adds (CA file, timeout). */
export const HTTP_SETTINGS_SECTION = 'coscene.http';
/** Settings that change how requests are sent: VS Code's proxy settings and ours. */
export const HTTP_SETTINGS = [
  'http.proxy',
  'http.noProxy',
  'http.proxyStrictSSL',
  `${HTTP_SETTINGS_SECTION}.caFile`,
  `${HTTP_SETTINGS_SECTION}.timeoutSeconds`,
] as const;
