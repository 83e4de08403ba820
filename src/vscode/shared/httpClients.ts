import * as vscode from 'vscode';
import { createLazyHttpClient, loadHttpStack } from '../../core/http/lazyHttp';
import type { HttpClient } from '../../core/http/types';
import { ApiClientCache } from '../../core/profiles/apiClientCache';
import { affectsHttpSettings, httpClientOptionsFromSettings } from './httpSettings';
import type { Log } from './log';

/**
 * The HTTP client built from the settings (VS Code's `http.proxy`, `http.noProxy`, `http.proxyStrictSSL`, and
 * `coscene.http.*`), and the one API client built on it. When one of those settings changes, the HTTP client is
 * replaced: the next `http()` builds a new one, the old one is closed once its requests in flight are done, and the
 * cached API client (which holds the old one) is dropped.
 *
 * Usage, by whoever talks to a server:
 * - `const clients = new HttpClients<MyApi>(log)`, and push it to the subscriptions (dispose closes the client);
 * - `clients.http()` for every request or every API object built per call (always the client for the settings now);
 * - `clients.api(key, token, (http) => createMyApi({ http, … }))` for one API client kept while `key` and `token` stay
 *   the same (the profile service: one client for the active profile); `clearApi()` drops it (profile switched,
 *   token replaced).
 */
export class HttpClients<Api = never> implements vscode.Disposable {
  private client?: HttpClient;
  private readonly apis = new ApiClientCache<Api>();
  private readonly subscription: vscode.Disposable;

  /** `log` gets the warnings about the settings (a CA file that cannot be read, strict SSL off). */
  constructor(private readonly log?: Log) {
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsHttpSettings(e)) this.replace();
    });
  }

  /** The HTTP client for the settings now (built on first use). */
  http(): HttpClient {
    this.client ??= createLazyHttpClient(httpClientOptionsFromSettings(this.log));
    return this.client;
  }

  /** Loads the HTTP stack (undici, half a megabyte of code) now, off the path of the first request. */
  warm(): void {
    this.http();
    loadHttpStack();
  }

  /** The API client kept for `key` and `token`, or a new one from `create` (with `http()`) when either differs. */
  api(key: string, token: string, create: (http: HttpClient) => Api): Api {
    return this.apis.get(key, token, () => create(this.http()));
  }

  /** The token of the kept API client, if there is one. */
  apiToken(): string | undefined {
    return this.apis.token();
  }

  /** Drops the kept API client: the next `api()` builds a new one. */
  clearApi(): void {
    this.apis.clear();
  }

  dispose(): void {
    this.subscription.dispose();
    this.apis.clear();
    void this.client?.close();
    this.client = undefined;
  }

  private replace(): void {
    const old = this.client;
    this.client = undefined;
    this.apis.clear();
    void old?.close(); // waits for requests in flight
  }
}
