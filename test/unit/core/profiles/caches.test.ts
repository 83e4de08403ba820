import * as assert from 'node:assert/strict';
import { ApiClientCache } from '../../../../src/core/profiles/apiClientCache';
import { OrgSlugCache } from '../../../../src/core/profiles/orgSlugCache';

const KEY = 'cocli:saas';
const ENDPOINT = 'https://openapi.coscene.cn';

/** A GetOrganization stand-in: answers each call with the next slug, counts calls. */
function organizations(...slugs: (string | Error)[]) {
  let calls = 0;
  return {
    fetch: async (): Promise<string | undefined> => {
      const next = slugs[Math.min(calls++, slugs.length - 1)];
      if (next instanceof Error) throw next;
      return next;
    },
    calls: () => calls,
  };
}

describe('OrgSlugCache', () => {
  it("fetches a profile's org once and keeps the slug", async () => {
    const cache = new OrgSlugCache();
    const org = organizations('acme');
    let fetched = 0;
    cache.fetch(KEY, ENDPOINT, org.fetch, () => fetched++);
    cache.fetch(KEY, ENDPOINT, org.fetch, () => fetched++); // in flight: not asked twice
    await cache.pending(KEY, ENDPOINT);
    cache.fetch(KEY, ENDPOINT, org.fetch, () => fetched++); // done: not asked again
    assert.equal(cache.slug(KEY, ENDPOINT), 'acme');
    assert.equal(org.calls(), 1);
    assert.equal(fetched, 1);
  });

  it('after Set Token (forget) the org is fetched again and the new slug replaces the old one', async () => {
    const cache = new OrgSlugCache();
    const org = organizations('acme', 'globex');
    cache.fetch(KEY, ENDPOINT, org.fetch, () => undefined);
    await cache.pending(KEY, ENDPOINT);
    cache.forget(KEY);
    assert.equal(cache.slug(KEY, ENDPOINT), undefined, 'the old slug is gone with the token');
    cache.fetch(KEY, ENDPOINT, org.fetch, () => undefined);
    await cache.pending(KEY, ENDPOINT);
    assert.equal(org.calls(), 2);
    assert.equal(cache.slug(KEY, ENDPOINT), 'globex');
  });

  it('a failed fetch is tried again on the next call', async () => {
    const cache = new OrgSlugCache();
    const org = organizations(new Error('unauthenticated'), 'acme');
    cache.fetch(KEY, ENDPOINT, org.fetch, () => undefined);
    await cache.pending(KEY, ENDPOINT);
    assert.equal(cache.slug(KEY, ENDPOINT), undefined);
    cache.fetch(KEY, ENDPOINT, org.fetch, () => undefined);
    await cache.pending(KEY, ENDPOINT);
    assert.equal(cache.slug(KEY, ENDPOINT), 'acme');
  });

  it('a fetch that ends after forget() does not bring the old slug back', async () => {
    const cache = new OrgSlugCache();
    let answer!: (slug: string) => void;
    cache.fetch(
      KEY,
      ENDPOINT,
      () => new Promise<string>((r) => (answer = r)),
      () => undefined,
    );
    const first = cache.pending(KEY, ENDPOINT);
    cache.forget(KEY);
    answer('old-org');
    await first;
    assert.equal(cache.slug(KEY, ENDPOINT), undefined);
  });

  it('forgets only the given profile, on every endpoint', async () => {
    const cache = new OrgSlugCache();
    cache.fetch(
      KEY,
      ENDPOINT,
      async () => 'a',
      () => undefined,
    );
    cache.fetch(
      KEY,
      'https://openapi.coscene.io',
      async () => 'b',
      () => undefined,
    );
    cache.fetch(
      'cocli:saas2',
      ENDPOINT,
      async () => 'c',
      () => undefined,
    );
    await Promise.all([
      cache.pending(KEY, ENDPOINT),
      cache.pending(KEY, 'https://openapi.coscene.io'),
      cache.pending('cocli:saas2', ENDPOINT),
    ]);
    cache.forget(KEY);
    assert.equal(cache.slug(KEY, ENDPOINT), undefined);
    assert.equal(cache.slug(KEY, 'https://openapi.coscene.io'), undefined);
    assert.equal(cache.slug('cocli:saas2', ENDPOINT), 'c');
  });
});

describe('ApiClientCache', () => {
  it('reuses the client for the same profile and token; a new token or profile builds a new one', () => {
    const cache = new ApiClientCache<{ id: number }>();
    let built = 0;
    const create = () => ({ id: ++built });
    const a = cache.get(KEY, 't1', create);
    assert.equal(cache.get(KEY, 't1', create), a);
    assert.notEqual(cache.get(KEY, 't2', create), a);
    assert.equal(cache.token(), 't2');
    assert.notEqual(cache.get('extension:mine', 't2', create).id, 2);
    cache.clear();
    assert.equal(cache.token(), undefined);
    assert.equal(cache.get('extension:mine', 't2', create).id, 4);
  });
});
