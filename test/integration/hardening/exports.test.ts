/**
 * Another extension reads `getExtension('coscene.coscene-access').exports`. Outside
 * ExtensionMode.Test that must carry no function and no string: nothing to call, nothing that reaches a secret.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionExports } from '../../../src/vscode/shared/exports';
import type { TestApi } from '../../../src/testApi';
import { EXTENSION_ID, extensionApi } from '../helpers/profileFixtures';

/** Everything reachable from `value` (own and inherited members, Map/Set entries): the functions and strings found. */
function reachable(value: unknown): { functions: string[]; strings: string[] } {
  const found = { functions: [] as string[], strings: [] as string[] };
  const seen = new Set<unknown>();
  const queue: [unknown, string][] = [[value, 'exports']];
  for (let visited = 0; queue.length > 0 && visited < 50_000; visited++) {
    const [v, at] = queue.shift()!;
    if (typeof v === 'string') found.strings.push(at);
    if ((typeof v !== 'object' && typeof v !== 'function') || v === null || seen.has(v)) continue;
    seen.add(v);
    if (typeof v === 'function') found.functions.push(at);
    if (v instanceof Map) for (const [k, e] of v) queue.push([k, `${at}<key>`], [e, `${at}.get(${String(k)})`]);
    if (v instanceof Set) for (const e of v) queue.push([e, `${at}<item>`]);
    for (let o: object | null = v; o && o !== Object.prototype && o !== Function.prototype; o = Object.getPrototypeOf(o) as object | null) {
      for (const key of Reflect.ownKeys(o)) {
        const d = Object.getOwnPropertyDescriptor(o, key);
        if (d && 'value' in d) queue.push([d.value, `${at}.${String(key)}`]);
        else if (d?.get && o === v) {
          try {
            queue.push([d.get.call(v), `${at}.${String(key)}`]);
          } catch {
            /* a getter that throws reaches nothing */
          }
        }
      }
    }
  }
  return found;
}

describe('extension exports: other extensions get the test API only in ExtensionMode.Test', () => {
  let api: TestApi;

  before(async () => {
    api = await extensionApi();
  });

  it('this host runs the tests in ExtensionMode.Test, where the exports are the test API (and reach clients)', () => {
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.exports, api);
    assert.equal(extensionExports(vscode.ExtensionMode.Test, api), api);
    // Walking the real API would run getters deep inside the extension host's own objects (it once broke the
    // host's event emitters); a stand-in with the same hiding places shows the walk finds what it must.
    class Service {
      readonly #secret = 'token';
      private readonly clients = new Map([['p', { call: () => this.#secret }]]);
      get size(): number {
        return this.clients.size;
      }
    }
    const reach = reachable({ profiles: new Service() });
    assert.ok(
      reach.functions.some((f) => f.startsWith('exports.profiles.clients.get(p).call')),
      'the walk finds a function behind a private Map: it can fail',
    );
  });

  for (const mode of ['Production', 'Development'] as const) {
    it(`in ExtensionMode.${mode} another extension gets no function and no string`, () => {
      const reach = reachable(extensionExports(vscode.ExtensionMode[mode], api));
      assert.deepEqual(reach, { functions: [], strings: [] });
    });
  }
});
