/** Server text reaching a terminal, a notification or a Markdown tooltip. */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { decodeBasicCredential, ResponseShapeError } from '../../../../src/core/coscene/decode';
import { escapeMarkdown, escapeNotificationLinks, isSafeRegistryUsername, stripControls } from '../../../../src/core/text/serverText';
import { anyString, fuzz, FUZZ_TIMEOUT_MS } from '../../fuzz/fuzz';

/** VS Code's notification link pattern (parseLinkedText in src/vs/base/common/linkedText.ts). */
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/;

describe('server text made inert (terminal, notification, tooltip)', function () {
  this.timeout(FUZZ_TIMEOUT_MS);

  it('stripControls removes ESC/OSC sequences starters, stray CR, C1 and DEL; keeps newline and tab', () => {
    assert.equal(stripControls('\x1b[2J\x1b[HLogin Succeeded\r\n'), '[2J[HLogin Succeeded\n');
    assert.equal(stripControls('\x1b]8;;https://evil\x07click\x1b]8;;\x07'), ']8;;https://evilclick]8;;');
    assert.equal(stripControls('error\rLogin Succeeded'), 'errorLogin Succeeded');
    assert.equal(stripControls('a\u009b31mb\u009d0;t\u007f\tc\nd'), 'a31mb0;t\tc\nd');
    assert.equal(stripControls('用户 ok'), '用户 ok');
  });

  it('fuzz: no control character but newline and tab survives, and printable text is kept in order', () => {
    // eslint-disable-next-line no-control-regex -- the controls the terminal must never get
    const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
    fuzz(
      anyString(80),
      (s) => {
        const out = stripControls(s);
        assert.ok(!CONTROL.test(out), JSON.stringify(out));
        assert.equal(
          out,
          s
            .replace(/\r\n/g, '\n')
            .split('')
            .filter((c) => !CONTROL.test(c))
            .join(''),
        );
      },
      1000,
    );
  });

  it('registry user names: a safe character set, refused otherwise', () => {
    for (const ok of ['alice', 'cr-user_1.x', 'robot$ci', 'a@b.c', 'x+y']) assert.ok(isSafeRegistryUsername(ok), ok);
    for (const bad of ['', 'a b', 'a\x1b[2J', 'a\nb', 'a:b', '"x"', 'ü', 'a'.repeat(257), '-\r'])
      assert.ok(!isSafeRegistryUsername(bad), JSON.stringify(bad));
  });

  it('a temporary registry credential with an unsafe user name is refused when decoded (it would reach the terminal and argv)', () => {
    assert.throws(
      () => decodeBasicCredential({ username: 'x\x1b[2J\x1b[HLogin Succeeded', password: 'pw-123456' }),
      (e: unknown) => e instanceof ResponseShapeError && e.path === 'credential.username',
    );
    assert.deepEqual(decodeBasicCredential({ username: 'robot$ci-1', password: 'pw-123456' }), {
      username: 'robot$ci-1',
      password: 'pw-123456',
    });
  });

  it('notifications: server text never renders as a link, and reads the same', () => {
    for (const text of [
      '[Open](https://evil.example)',
      'see [x](command:workbench.action.terminal.sendSequence)',
      '[f](file:///etc/passwd)',
      '[a] (https://x)',
    ]) {
      const out = escapeNotificationLinks(text);
      assert.ok(!NOTIFICATION_LINK.test(out), out);
      assert.equal(out.replace(/\u200b/g, ''), text);
    }
    fuzz(
      fc.tuple(anyString(20), anyString(20), fc.constantFrom('https://e.x/a', 'command:x.y', 'file:///p')),
      ([label, before, target]) => {
        const out = escapeNotificationLinks(`${before}[${label}](${target})`);
        assert.ok(!NOTIFICATION_LINK.test(out), out);
      },
      500,
    );
  });

  it('tooltips: Markdown syntax in server text is escaped (image links, links, code spans, HTML)', () => {
    assert.equal(escapeMarkdown('![x](https://t.example/p.png)'), '\\!\\[x\\]\\(https\\://t\\.example/p\\.png\\)');
    assert.equal(escapeMarkdown('`code` <img src=x> *b*'), '\\`code\\` \\<img src=x\\> \\*b\\*');
    assert.equal(escapeMarkdown('line1\nline2'), 'line1 line2');
    assert.equal(escapeMarkdown('项目 Writer'), '项目 Writer');
  });
});
