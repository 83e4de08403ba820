import * as assert from 'node:assert/strict';
import {
  grantedObjectLabel,
  OPERATION_GROUPS,
  OPERATION_KEYWORDS,
  operationLabel,
  operationTooltip,
  parseGrantedObjectPath,
  parseOperations,
  roleLabel,
  uiLanguageForLocale,
} from '../../../../src/core/huawei/labels';

describe('huawei labels: operations (§6.1)', () => {
  it('splits, trims, drops empties and repeats, and sorts by the enum order', () => {
    assert.deepEqual(
      parseOperations(' upload, ,downloadorview,createrepository,upload,,export ').map((o) => o.keyword),
      ['createrepository', 'downloadorview', 'upload', 'export'],
    );
    assert.deepEqual(parseOperations(''), []);
    assert.deepEqual(parseOperations(null), []);
  });

  it('keeps unknown keywords verbatim after the known ones, flagged unknown', () => {
    assert.deepEqual(parseOperations('Frobnicate,upload,zap'), [
      { keyword: 'upload', known: true },
      { keyword: 'Frobnicate', known: false },
      { keyword: 'zap', known: false },
    ]);
    assert.equal(operationLabel('Frobnicate', 'zh'), 'Frobnicate');
    assert.equal(operationTooltip('Frobnicate', 'en'), 'Unknown operation: Frobnicate');
    assert.equal(operationTooltip('Frobnicate', 'zh'), '未知操作：Frobnicate');
  });

  it('normalises the case of known keywords', () => {
    assert.deepEqual(parseOperations('UPLOAD'), [{ keyword: 'upload', known: true }]);
  });

  it('labels every keyword in both languages from the documented tables', () => {
    const expected: Record<string, [string, string]> = {
      createrepository: ['Create a repository', '创建仓库'],
      editrepository: ['Edit a repository', '编辑仓库'],
      deleterepository: ['Delete a repository', '删除仓库'],
      restore: ['Restore', '还原'],
      physicdelete: ['Permanently delete', '彻底删除'],
      restoreall: ['Restore all', '还原所有'],
      clearall: ['Empty recycle bin', '清空回收站'],
      upload: ['Upload a package', '上传私有库组件'],
      downloadorview: ['Download/View a package', '下载/查看私有库组件'],
      deleteorredeploy: ['Delete/Redeploy uploaded packages', '删除/覆盖上传私有库组件'],
      import: ['Import', '导入'],
      export: ['Export', '导出'],
    };
    assert.deepEqual([...OPERATION_KEYWORDS].sort(), Object.keys(expected).sort());
    for (const [keyword, [en, zh]] of Object.entries(expected)) {
      assert.equal(operationLabel(keyword, 'en'), en);
      assert.equal(operationLabel(keyword, 'zh'), zh);
    }
    assert.equal(operationTooltip('upload', 'en'), 'Upload a package (upload)');
  });

  it('groups repository management before components and covers each keyword once', () => {
    assert.deepEqual(
      OPERATION_GROUPS.map((g) => g.id),
      ['repository', 'component'],
    );
    assert.deepEqual(OPERATION_GROUPS[1].keywords, ['deleteorredeploy', 'downloadorview', 'import', 'upload', 'export']);
    assert.deepEqual(
      OPERATION_GROUPS.flatMap((g) => g.keywords),
      [...OPERATION_KEYWORDS],
    );
  });
});

describe('huawei labels: granted object paths (§6.3)', () => {
  it('parses component and repo paths', () => {
    assert.deepEqual(parseGrantedObjectPath('/codeartsartifact/artifact/component/cn-north-4_abc_maven_1'), {
      kind: 'component',
      target: 'cn-north-4_abc_maven_1',
      wildcard: false,
      raw: '/codeartsartifact/artifact/component/cn-north-4_abc_maven_1',
    });
    const repo = parseGrantedObjectPath('/codeartsartifact/artifact/repo/r1');
    assert.equal(repo.kind, 'repo');
    assert.equal(grantedObjectLabel(repo, 'en'), 'Repository r1');
    assert.equal(grantedObjectLabel(repo, 'zh'), '仓库 r1');
  });

  it('labels component paths, with an optional friendlier repository name', () => {
    const parsed = parseGrantedObjectPath('/codeartsartifact/artifact/component/r1');
    assert.equal(grantedObjectLabel(parsed, 'en'), 'Artifacts in repository r1');
    assert.equal(grantedObjectLabel(parsed, 'zh'), '仓库 r1 中的组件');
    assert.equal(
      grantedObjectLabel(parsed, 'en', (id) => (id === 'r1' ? 'my-maven' : undefined)),
      'Artifacts in repository my-maven',
    );
  });

  it("treats a '*' target as all of that kind", () => {
    const all = parseGrantedObjectPath('/codeartsartifact/artifact/repo/*');
    assert.equal(all.wildcard, true);
    assert.equal(grantedObjectLabel(all, 'en'), 'All repositories');
    assert.equal(grantedObjectLabel(all, 'zh'), '所有仓库');
    const comps = parseGrantedObjectPath('/codeartsartifact/artifact/component/*');
    assert.equal(grantedObjectLabel(comps, 'en'), 'All artifacts');
    assert.equal(grantedObjectLabel(comps, 'zh'), '所有组件');
  });

  it('shows anything unexpected raw', () => {
    for (const raw of ['/other/thing', '*', '', '/codeartsartifact/artifact/repo', '/codeartsartifact/artifact/package/x']) {
      const parsed = parseGrantedObjectPath(raw);
      assert.equal(parsed.kind, 'other', raw);
      assert.equal(grantedObjectLabel(parsed, 'en'), raw);
    }
    assert.equal(parseGrantedObjectPath('*').wildcard, true);
  });
});

describe('huawei labels: roles (§6.4)', () => {
  it('uses role_name in English and role_chinese_name in Chinese', () => {
    const role = { key: 'k', roleName: 'Developer', roleChineseName: '开发人员' };
    assert.equal(roleLabel(role, 'en'), 'Developer');
    assert.equal(roleLabel(role, 'zh'), '开发人员');
  });

  it('falls back to the other name, then the key', () => {
    assert.equal(roleLabel({ key: 'k', roleName: '', roleChineseName: '开发人员' }, 'en'), '开发人员');
    assert.equal(roleLabel({ key: 'k', roleName: 'Dev', roleChineseName: ' ' }, 'zh'), 'Dev');
    assert.equal(roleLabel({ key: 'custom-key', roleName: '', roleChineseName: '' }, 'zh'), 'custom-key');
  });

  it('picks the UI language from the VS Code locale', () => {
    assert.equal(uiLanguageForLocale('zh-cn'), 'zh');
    assert.equal(uiLanguageForLocale('zh-TW'), 'zh');
    assert.equal(uiLanguageForLocale('en'), 'en');
    assert.equal(uiLanguageForLocale('de'), 'en');
  });
});
