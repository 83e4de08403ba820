import * as assert from 'node:assert/strict';
import { buildPermissionMatrix, matrixToCsv, matrixToMarkdown } from '../../../../src/core/huawei/matrix';
import type { Privilege, RepositoryPrivileges } from '../../../../src/core/huawei/model';

function priv(path: string, operations: string): Privilege {
  return {
    role_id: 'r',
    project_id: 'p',
    area_service_id: 'a',
    granted_object_path: path,
    granted_object_type_id: 't',
    operations,
    operations_index: null,
  };
}

const COMPONENT = '/codeartsartifact/artifact/component/repo1';
const REPO = '/codeartsartifact/artifact/repo/*';

const PRIVS: RepositoryPrivileges = {
  traceId: 't',
  roles: [
    {
      key: 'Developer',
      roleName: 'Developer',
      roleChineseName: '开发人员',
      privileges: [priv(COMPONENT, 'upload,downloadorview'), priv(REPO, 'editrepository,teleport')],
    },
    { key: 'Viewer', roleName: 'Viewer', roleChineseName: '浏览者', privileges: [priv(COMPONENT, '')] },
    { key: '=cmd', roleName: '=cmd|, "x"', roleChineseName: '=cmd|, "x"', privileges: [] },
  ],
};

describe('huawei permission matrix', () => {
  const matrix = buildPermissionMatrix(PRIVS);

  it('has all known operations in group order, then unknown ones', () => {
    assert.deepEqual(
      matrix.columns.map((c) => c.keyword),
      [
        'createrepository',
        'editrepository',
        'restore',
        'deleterepository',
        'physicdelete',
        'restoreall',
        'clearall',
        'deleteorredeploy',
        'downloadorview',
        'import',
        'upload',
        'export',
        'teleport',
      ],
    );
    assert.deepEqual(matrix.columns[12], { keyword: 'teleport', group: 'other', known: false });
    assert.equal(matrix.columns[0].group, 'repository');
    assert.equal(matrix.columns[11].group, 'component');
  });

  it('marks granted cells per role, keeps role order, objects and where each grant comes from', () => {
    const dev = matrix.rows[0];
    assert.deepEqual(
      matrix.rows.map((r) => r.roleKey),
      ['Developer', 'Viewer', '=cmd'],
    );
    assert.deepEqual([...dev.granted].sort(), ['downloadorview', 'editrepository', 'teleport', 'upload']);
    assert.deepEqual(
      matrix.columns.filter((_, i) => dev.cells[i]).map((c) => c.keyword),
      ['editrepository', 'downloadorview', 'upload', 'teleport'],
    );
    assert.deepEqual(dev.objects, [COMPONENT, REPO]);
    assert.deepEqual(dev.grantedOn.get('upload'), [COMPONENT]);
    assert.equal(dev.roleLabelZh, '开发人员');
    assert.ok(
      matrix.rows[1].cells.every((c) => !c),
      'empty operations grant nothing',
    );
    assert.deepEqual(matrix.rows[1].objects, [COMPONENT]);
  });

  it('renders Markdown with localized headers, check marks and escaped pipes', () => {
    const md = matrixToMarkdown(matrix, 'en').split('\n');
    assert.match(md[0], /^\| Role \| Create a repository \| Edit a repository \|.* \| teleport \| Granted on \|$/);
    assert.equal(md[1], `|${' --- |'.repeat(15)}`);
    assert.equal(md[2], '| Developer |  | ✓ |  |  |  |  |  |  | ✓ |  | ✓ |  | ✓ | Artifacts in repository repo1; All repositories |');
    assert.ok(md[4].startsWith('| \\=cmd\\|, "x" |'), md[4]);
    const zh = matrixToMarkdown(matrix, 'zh');
    assert.match(zh, /^\| 角色 \| 创建仓库 \|/);
    assert.match(zh, /\| 开发人员 \|.*仓库 repo1 中的组件; 所有仓库 \|/);
  });

  it('Markdown lets no markup or HTML from the server through: role names, unknown operations, object paths', () => {
    const hostile = buildPermissionMatrix({
      traceId: 't',
      roles: [
        {
          key: 'evil',
          roleName: '<img src=x onerror=alert(1)> [click](https://evil.example) *bold* `code`',
          roleChineseName: '<b>x</b>',
          privileges: [priv('/codeartsartifact/artifact/component/<script>alert(1)</script>', 'upload,<a_href>'), priv(REPO, '[x](y)')],
        },
      ],
    });
    const md = matrixToMarkdown(hostile, 'en');
    // Each markup character is preceded by a backslash.
    for (const raw of [/(?<!\\)</, /(?<!\\)>/, /(?<!\\)\[/, /(?<!\\)\*/, /(?<!\\)`/]) assert.doesNotMatch(md, raw);
    assert.match(md, /\\<img src=x onerror=alert\(1\)\\> \\\[click\\\]\(https:\/\/evil\.example\) \\\*bold\\\* \\`code\\`/);
  });

  it('renders RFC 4180 CSV with CRLF, quoting and formula neutralisation', () => {
    const lines = matrixToCsv(matrix, 'en').split('\r\n');
    assert.equal(lines.length, 5, 'header, three rows, trailing empty');
    assert.equal(lines[4], '');
    assert.ok(lines[0].startsWith('Role,Create a repository,Edit a repository,Restore,'));
    assert.ok(lines[0].endsWith(',Export,teleport,Granted on'));
    assert.equal(lines[1], 'Developer,,✓,,,,,,,✓,,✓,,✓,Artifacts in repository repo1; All repositories');
    assert.ok(lines[3].startsWith(`"'=cmd|, ""x""",`), lines[3]);
  });

  it('an empty result gives headers only', () => {
    const empty = buildPermissionMatrix({ traceId: '', roles: [] });
    assert.equal(empty.rows.length, 0);
    assert.equal(matrixToCsv(empty, 'zh').split('\r\n')[0].split(',').length, 14);
    assert.equal(matrixToMarkdown(empty, 'en').trim().split('\n').length, 2);
  });
});
