import * as assert from 'node:assert/strict';
import { clientName, displayCommandLine, loginArgv, logoutArgv } from '../../../../src/core/registry/argv';

describe('registry client argv', () => {
  it('login passes the password on stdin, never as an argument', () => {
    assert.deepEqual(loginArgv('cr.coscene.cn', 'cr-temp-7f3a9c'), [
      'login',
      'cr.coscene.cn',
      '--username',
      'cr-temp-7f3a9c',
      '--password-stdin',
    ]);
  });
  it('a username that looks like a flag stays one argument', () => {
    assert.deepEqual(loginArgv('127.0.0.1:5000', '--password=x'), [
      'login',
      '127.0.0.1:5000',
      '--username',
      '--password=x',
      '--password-stdin',
    ]);
  });
  it('logout names only the host', () => {
    assert.deepEqual(logoutArgv('cr.coscene.cn'), ['logout', 'cr.coscene.cn']);
  });
  it('the displayed command line is the argv, quoted only where needed', () => {
    assert.equal(
      displayCommandLine('docker', loginArgv('cr.coscene.cn', 'u1')),
      'docker login cr.coscene.cn --username u1 --password-stdin',
    );
    assert.equal(displayCommandLine('/opt/my tools/podman', logoutArgv('[::1]:5000')), `'/opt/my tools/podman' logout [::1]:5000`);
    assert.equal(displayCommandLine('docker', ["it's"]), `docker 'it'\\''s'`);
  });
  it('clientName drops the directories', () => {
    assert.equal(clientName('/usr/bin/podman'), 'podman');
    assert.equal(clientName('C:\\Program Files\\Docker\\docker.exe'), 'docker.exe');
    assert.equal(clientName('docker'), 'docker');
  });
});
