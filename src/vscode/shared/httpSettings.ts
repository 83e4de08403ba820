import * as os from 'node:os';
import * as vscode from 'vscode';
import { formatMsg } from '../../core/errors';
import { userAgent, type HttpClientOptions } from '../../core/http/types';
import type { Log } from './log';
import { HTTP_SETTINGS, HTTP_SETTINGS_SECTION } from './keys';

const EXTENSION_ID = 'coscene.coscene-access';

/** Settings that change how HTTP clients are built; a change means: rebuild the client. */

/** The settings the last warning was about: several clients are built from one change, the log says it once. */
let warnedAbout: string | undefined;

/** VS Code's proxy settings plus ours → options for createLazyHttpClient(); warnings about them go to `log`. */
export function httpClientOptionsFromSettings(log?: Log): HttpClientOptions {
  const http = vscode.workspace.getConfiguration('http');
  const proxy = http.get<string>('proxy')?.trim() || undefined;
  const noProxyList = http.get<string[]>('noProxy') ?? [];
  const noProxy =
    noProxyList
      .map((h) => h.trim())
      .filter(Boolean)
      .join(',') || undefined;
  const caFile = expandHome(vscode.workspace.getConfiguration(HTTP_SETTINGS_SECTION).get<string>('caFile')?.trim() ?? '');
  const proxySettings = { proxy, noProxy, strictSSL: http.get<boolean>('proxyStrictSSL') ?? true };
  const settingsKey = JSON.stringify({ ...proxySettings, caFile });
  if (proxySettings.strictSSL) warnedAbout = undefined;
  return {
    proxy: proxySettings,
    ...(caFile ? { caFile } : {}),
    userAgent: extensionUserAgent(),
    onWarning: (warning) => {
      if (warnedAbout === settingsKey) return;
      warnedAbout = settingsKey;
      log?.warn(formatMsg(warning));
    },
  };
}

/** `coscene-access/<extension version> (vscode/<VS Code version>)`. */
export function extensionUserAgent(): string {
  const version = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { version?: unknown } | undefined)?.version;
  return userAgent(typeof version === 'string' ? version : 'unknown', vscode.version);
}

/** `coscene.http.timeoutSeconds` in milliseconds, clamped to the range the manifest declares. */
export function requestTimeoutMs(): number {
  const seconds = vscode.workspace.getConfiguration(HTTP_SETTINGS_SECTION).get<number>('timeoutSeconds') ?? 30;
  const valid = Number.isFinite(seconds) ? seconds : 30;
  return Math.round(Math.min(600, Math.max(1, valid)) * 1000);
}

export function affectsHttpSettings(e: vscode.ConfigurationChangeEvent): boolean {
  return HTTP_SETTINGS.some((s) => e.affectsConfiguration(s));
}

/** `~` and `~/x` → the home directory, as users write paths in settings. */
export function expandHome(p: string): string {
  if (p === '~') return os.homedir();
  if (p.startsWith('~/') || p.startsWith('~\\')) return os.homedir() + p.slice(1);
  return p;
}
