/** One API client for the active profile, rebuilt when the profile or its token changes. */
export class ApiClientCache<Api> {
  private cached?: { key: string; token: string; api: Api };

  /** The cached client for this profile and token, or a new one from `create`. */
  get(key: string, token: string, create: () => Api): Api {
    if (this.cached?.key === key && this.cached.token === token) return this.cached.api;
    const api = create();
    this.cached = { key, token, api };
    return api;
  }

  /** The token of the cached client, if there is one. */
  token(): string | undefined {
    return this.cached?.token;
  }

  clear(): void {
    this.cached = undefined;
  }
}
