import * as assert from 'node:assert/strict';
import { operationLabel } from '../../../../../src/core/huawei/labels';
import { buildPermissionMatrix, type MatrixColumn, type MatrixRow } from '../../../../../src/core/huawei/matrix';
import type { Privilege, RepositoryPrivileges, RolePrivileges } from '../../../../../src/core/huawei/model';
import { columnGroups, renderMatrixHtml, type MatrixHtmlLabels } from '../../../../../src/vscode/permissions/matrix/matrixHtml';
import { contentSecurityPolicy } from '../../../../../src/vscode/shared/html';

function privilege(path: string, operations: string): Privilege {
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

function role(name: string, privileges: Privilege[]): RolePrivileges {
  return { key: name, roleName: name, roleChineseName: `${name}-zh`, privileges };
}

const labels: MatrixHtmlLabels = {
  language: 'en',
  title: 'Permissions of repository repo-1',
  role: 'Role',
  copyMarkdown: 'Copy as Markdown',
  copyCsv: 'Copy as CSV',
  save: 'Save…',
  empty: 'No roles have permissions on this repository.',
  groups: { repository: 'Repository management', component: 'Components', other: 'Other operations' },
  column: (c: MatrixColumn) => operationLabel(c.keyword, 'en'),
  columnTitle: (c: MatrixColumn) => c.keyword,
  row: (r: MatrixRow) => r.roleLabelEn,
  rowTitle: (r: MatrixRow) => r.objects.join('\n'),
  granted: (r: MatrixRow, c: MatrixColumn) => `${r.roleLabelEn}: ${operationLabel(c.keyword, 'en')} granted`,
  grantedTitle: (r: MatrixRow, c: MatrixColumn) => (r.grantedOn.get(c.keyword) ?? []).join('\n'),
};

const COMPONENT = '/codeartsartifact/artifact/component/repo-1';
const REPO = '/codeartsartifact/artifact/repo/repo-1';

function render(roles: RolePrivileges[], nonce = 'bm9uY2UtdmFsdWU=', cspSource = 'https://file+.vscode-resource.vscode-cdn.net'): string {
  const privs: RepositoryPrivileges = { traceId: 't', roles };
  return renderMatrixHtml({ matrix: buildPermissionMatrix(privs), labels, nonce, cspSource });
}

/** The <tbody> rows as [role, marked column keywords]. */
function marksByRow(html: string): [string, string[]][] {
  const keywords = [...html.matchAll(/<th scope="col" class="op[^"]*"[^>]*data-keyword="([^"]*)"/g)].map((m) => m[1]);
  const body = /<tbody>([\s\S]*)<\/tbody>/.exec(html)![1];
  return [...body.matchAll(/<tr><th scope="row"[^>]*>([^<]*)<\/th>(.*?)<\/tr>/g)].map((m) => {
    const cells = [...m[2].matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]);
    return [m[1], cells.flatMap((cell, i) => (cell.includes('✓') ? [keywords[i]] : []))];
  });
}

describe('permission matrix HTML', () => {
  it('has one row per role and a ✓ exactly where the role holds the operation', () => {
    const html = render([
      role('System engineer', [
        privilege(COMPONENT, 'downloadorview,import,upload,export'),
        privilege(REPO, 'editrepository,restore,physicdelete'),
      ]),
      role('Viewer', []),
      role('Developer', [privilege(COMPONENT, 'upload'), privilege(REPO, '')]),
    ]);
    assert.deepEqual(marksByRow(html), [
      ['System engineer', ['editrepository', 'restore', 'physicdelete', 'downloadorview', 'import', 'upload', 'export']],
      ['Viewer', []],
      ['Developer', ['upload']],
    ]);
  });

  it('labels every mark for screen readers', () => {
    const html = render([role('Tester', [privilege(COMPONENT, 'downloadorview')])]);
    assert.match(html, /<span role="img" aria-label="Tester: Download\/View a package granted">✓<\/span>/);
    assert.equal(html.match(/✓/g)?.length, 1);
  });

  it('groups the operation columns under a header row: repository management, components, then unknown ones', () => {
    const html = render([role('Custom', [privilege(COMPONENT, 'downloadorview,promote')])]);
    const groups = [...html.matchAll(/<th scope="colgroup" colspan="(\d+)"[^>]*>([^<]*)<\/th>/g)].map((m) => [m[2], Number(m[1])]);
    assert.deepEqual(groups, [
      ['Repository management', 7],
      ['Components', 5],
      ['Other operations', 1],
    ]);
    assert.deepEqual(marksByRow(html), [['Custom', ['downloadorview', 'promote']]]);
  });

  it('escapes everything that comes from the server', () => {
    const evil = '<img src=x onerror="alert(1)">&\'';
    const html = render([role(evil, [privilege(`/codeartsartifact/artifact/component/${evil}`, `upload,${evil}`)])]);
    assert.ok(!html.includes('<img'), 'no raw tag from the server');
    assert.ok(html.includes('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;'));
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'only our own script');
  });

  it('sets a strict CSP: nothing by default, nonce-only scripts, styles from the webview and the nonce', () => {
    const html = render([role('A', [privilege(COMPONENT, 'upload')])], 'abc123nonce');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    assert.equal(
      csp,
      "default-src 'none'; style-src https://file+.vscode-resource.vscode-cdn.net 'nonce-abc123nonce'; script-src 'nonce-abc123nonce';",
    );
    assert.equal(csp, contentSecurityPolicy('abc123nonce', 'https://file+.vscode-resource.vscode-cdn.net'));
    const tags = [...html.matchAll(/<(script|style)([^>]*)>/g)];
    assert.equal(tags.length, 2);
    for (const t of tags) assert.equal(t[2], ' nonce="abc123nonce"');
  });

  it('loads no external resource and follows the colour theme', () => {
    const html = render([role('A', [privilege(COMPONENT, 'upload')])]);
    assert.doesNotMatch(html, /\b(src|href)=/);
    assert.doesNotMatch(html, /https?:\/\/(?!file\+\.vscode-resource)/);
    assert.doesNotMatch(html, /#[0-9a-f]{3,6}\b|rgb\(/i, 'colours come from --vscode-* variables');
    assert.match(html, /var\(--vscode-foreground\)/);
  });

  it('offers the two copy buttons, which post a message', () => {
    const html = render([role('A', [privilege(COMPONENT, 'upload')])]);
    assert.match(html, /<button type="button" data-format="markdown">Copy as Markdown<\/button>/);
    assert.match(html, /<button type="button" data-format="csv">Copy as CSV<\/button>/);
    assert.match(html, /postMessage\(\{ type: 'copy', format: button\.dataset\.format \}\)/);
  });

  it('says so when no role has anything', () => {
    const html = render([]);
    assert.match(html, /<p class="empty">No roles have permissions on this repository\.<\/p>/);
    assert.doesNotMatch(html, /<table>/);
  });

  it('merges adjacent columns of one group', () => {
    const col = (group: MatrixColumn['group']): MatrixColumn => ({ keyword: 'k', group, known: group !== 'other' });
    assert.deepEqual(columnGroups([col('repository'), col('repository'), col('component'), col('other')]), [
      { group: 'repository', span: 2 },
      { group: 'component', span: 1 },
      { group: 'other', span: 1 },
    ]);
  });
});
