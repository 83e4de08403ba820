/**
 * Organization slugs fetched for profiles that do not carry one (memory only), by profile key and endpoint. One map:
 * an entry is a fetch in flight or its result, so forgetting a profile (Set Token, another token from another window)
 * drops both and the next fetch asks the server again.
 */
export class OrgSlugCache {
  private readonly entries = new Map<string, { slug?: string; fetching?: Promise<string | undefined> }>();

  /** The fetched slug, if a fetch succeeded. */
  slug(profileKey: string, endpoint: string): string | undefined {
    return this.entries.get(entryKey(profileKey, endpoint))?.slug;
  }

  /**
   * Starts `fetchSlug` unless a fetch for this profile is in flight or done. A failed fetch leaves no entry (the next
   * call tries again); `onFetched` runs after a successful one.
   */
  fetch(profileKey: string, endpoint: string, fetchSlug: () => Promise<string | undefined>, onFetched: () => void): void {
    const key = entryKey(profileKey, endpoint);
    if (this.entries.has(key)) return;
    const entry: { slug?: string; fetching?: Promise<string | undefined> } = {};
    entry.fetching = fetchSlug().then(
      (slug) => {
        if (this.entries.get(key) !== entry) return undefined; // forgotten meanwhile: a newer fetch owns the key
        entry.fetching = undefined;
        if (slug) entry.slug = slug; // an org without a slug is not asked again either
        onFetched();
        return slug || undefined;
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
        return undefined;
      },
    );
    this.entries.set(key, entry);
  }

  /** The fetch in flight for this profile, if any (tests wait on it). */
  pending(profileKey: string, endpoint: string): Promise<string | undefined> | undefined {
    return this.entries.get(entryKey(profileKey, endpoint))?.fetching;
  }

  /** Forgets every endpoint's slug of this profile. */
  forget(profileKey: string): void {
    for (const key of [...this.entries.keys()]) if (key.startsWith(`${profileKey}|`)) this.entries.delete(key);
  }
}

function entryKey(profileKey: string, endpoint: string): string {
  return `${profileKey}|${endpoint}`;
}
