import * as assert from 'node:assert/strict';
import { toYamlText } from '../../../../src/core/format/yaml';

describe('YAML emitter: big exports', function () {
  this.timeout(30_000);
  it('a list of 200,000 maps (an access matrix of many users) is written, not a RangeError from push(...lines)', () => {
    const users = Array.from({ length: 200_000 }, (_, i) => ({ name: `users/${i}`, projects: { p: 'PROJECT_READER' } }));
    const text = toYamlText({ users });
    assert.ok(text.startsWith('users:\n  - name: users/0\n    projects:\n      p: PROJECT_READER\n'));
    assert.equal(text.split('\n').length, 1 + 200_000 * 3 + 1);
  });
});
