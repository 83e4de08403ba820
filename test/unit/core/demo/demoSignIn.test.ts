import * as assert from 'node:assert/strict';
import { demoSignIn } from '../../../../src/core/demo/demoSignIn';

describe('demo sign-in offer (npm start)', () => {
  const aksk = {
    method: 'aksk',
    ak: 'HPUAFAKEACCESSKEY001',
    sk: 'FakeSecret',
    region: 'cn-north-4',
    domainId: 'd'.repeat(32),
    codeartsProjectId: 'p'.repeat(32),
  };

  it('reads the fake sign-in that demo.mjs passes', () => {
    assert.deepEqual(demoSignIn({ COSCENE_ACCESS_DEMO: JSON.stringify({ huaweiSignIn: aksk, registryHost: '127.0.0.1:5000' }) }), aksk);
  });

  it('is off outside the demo and for anything malformed', () => {
    for (const value of [
      undefined,
      '',
      'not json',
      '{}',
      JSON.stringify({ huaweiSignIn: { ...aksk, method: 'password' } }),
      JSON.stringify({ huaweiSignIn: { ...aksk, sk: 1 } }),
      JSON.stringify({ huaweiSignIn: { ...aksk, ak: 'x'.repeat(201) } }),
      'x'.repeat(5000),
    ]) {
      assert.equal(demoSignIn({ COSCENE_ACCESS_DEMO: value }), undefined, String(value).slice(0, 40));
    }
  });
});
