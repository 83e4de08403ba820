/** Display text for operation keywords, granted object paths and roles (docs/protocol.md). Both languages live here. */
import type { RolePrivileges } from './model';

export type UiLanguage = 'en' | 'zh';

export type OperationGroupId = 'repository' | 'component';

interface OperationInfo {
  keyword: string;
  group: OperationGroupId;
  en: string;
  zh: string;
}

/** In the enum order of `Privilege.operations`; that order also groups them (repository management, then components). */
const OPERATIONS: readonly OperationInfo[] = [
  { keyword: 'createrepository', group: 'repository', en: 'Create a repository', zh: '创建仓库' },
  { keyword: 'editrepository', group: 'repository', en: 'Edit a repository', zh: '编辑仓库' },
  { keyword: 'restore', group: 'repository', en: 'Restore', zh: '还原' },
  { keyword: 'deleterepository', group: 'repository', en: 'Delete a repository', zh: '删除仓库' },
  { keyword: 'physicdelete', group: 'repository', en: 'Permanently delete', zh: '彻底删除' },
  { keyword: 'restoreall', group: 'repository', en: 'Restore all', zh: '还原所有' },
  // The docs' English column header is "Clear all"; we use this clearer wording.
  { keyword: 'clearall', group: 'repository', en: 'Empty recycle bin', zh: '清空回收站' },
  { keyword: 'deleteorredeploy', group: 'component', en: 'Delete/Redeploy uploaded packages', zh: '删除/覆盖上传私有库组件' },
  { keyword: 'downloadorview', group: 'component', en: 'Download/View a package', zh: '下载/查看私有库组件' },
  { keyword: 'import', group: 'component', en: 'Import', zh: '导入' },
  { keyword: 'upload', group: 'component', en: 'Upload a package', zh: '上传私有库组件' },
  { keyword: 'export', group: 'component', en: 'Export', zh: '导出' },
];

const BY_KEYWORD = new Map(OPERATIONS.map((op, index) => [op.keyword, { ...op, index }]));

/** Every known keyword, in enum order. */
export const OPERATION_KEYWORDS: readonly string[] = OPERATIONS.map((op) => op.keyword);

export const OPERATION_GROUPS: readonly { id: OperationGroupId; en: string; zh: string; keywords: readonly string[] }[] = [
  {
    id: 'repository',
    en: 'Repository management',
    zh: '仓库管理',
    keywords: OPERATIONS.filter((o) => o.group === 'repository').map((o) => o.keyword),
  },
  { id: 'component', en: 'Components', zh: '组件', keywords: OPERATIONS.filter((o) => o.group === 'component').map((o) => o.keyword) },
];

export interface ParsedOperation {
  keyword: string;
  known: boolean;
}

/** Split on commas, trim, drop empties and repeats; known keywords in enum order, then unknown ones as they came. */
export function parseOperations(ops: string | null | undefined): ParsedOperation[] {
  const seen = new Set<string>();
  const known: ParsedOperation[] = [];
  const unknown: ParsedOperation[] = [];
  for (const item of (ops ?? '').split(/[,，]/)) {
    const trimmed = item.trim();
    const keyword = BY_KEYWORD.has(trimmed.toLowerCase()) ? trimmed.toLowerCase() : trimmed;
    if (!keyword || seen.has(keyword)) continue;
    seen.add(keyword);
    (BY_KEYWORD.has(keyword) ? known : unknown).push({ keyword, known: BY_KEYWORD.has(keyword) });
  }
  known.sort((a, b) => BY_KEYWORD.get(a.keyword)!.index - BY_KEYWORD.get(b.keyword)!.index);
  return [...known, ...unknown];
}

export function isKnownOperation(keyword: string): boolean {
  return BY_KEYWORD.has(keyword);
}

export function operationGroup(keyword: string): OperationGroupId | undefined {
  return BY_KEYWORD.get(keyword)?.group;
}

/** The keyword of the matrix column that folds unknown operations past its column cap (no real keyword is empty). */
export const FOLDED_OPERATIONS = '';

/** The documented label; unknown keywords are shown verbatim. */
export function operationLabel(keyword: string, lang: UiLanguage): string {
  if (keyword === FOLDED_OPERATIONS) return lang === 'zh' ? '其他操作' : 'Other operations';
  return BY_KEYWORD.get(keyword)?.[lang] ?? keyword;
}

/** Hover text: the label with its keyword, or a note that the keyword is not one we know. */
export function operationTooltip(keyword: string, lang: UiLanguage): string {
  if (keyword === FOLDED_OPERATIONS)
    return lang === 'zh' ? '超出列数上限的未知操作，合并为一列' : 'Unknown operations past the column limit, folded into one column';
  if (BY_KEYWORD.has(keyword)) return `${operationLabel(keyword, lang)} (${keyword})`;
  return lang === 'zh' ? `未知操作：${keyword}` : `Unknown operation: ${keyword}`;
}

export interface GrantedObject {
  kind: 'component' | 'repo' | 'other';
  /** What follows `/codeartsartifact/artifact/<kind>/`: a repo id, name, project id or '*'. */
  target: string;
  /** The last segment is '*'. */
  wildcard: boolean;
  raw: string;
}

/** Expects `/codeartsartifact/artifact/<kind>/<target…>`; anything else is kind 'other' (shown raw). */
export function parseGrantedObjectPath(path: string): GrantedObject {
  const segments = path.split('/').filter((s) => s !== '');
  const [service, artifact, kind, ...rest] = segments;
  const target = rest.join('/');
  const wildcard = segments[segments.length - 1] === '*';
  if (service === 'codeartsartifact' && artifact === 'artifact' && (kind === 'component' || kind === 'repo') && target) {
    return { kind, target, wildcard, raw: path };
  }
  return { kind: 'other', target: path, wildcard, raw: path };
}

/**
 * e.g. 'Artifacts in repository {0}' / '仓库 {0} 中的组件'. `displayName` may map a repo id to a friendlier name
 * (from the repository list).
 */
export function grantedObjectLabel(parsed: GrantedObject, lang: UiLanguage, displayName?: (target: string) => string | undefined): string {
  const name = displayName?.(parsed.target) ?? parsed.target;
  const all = parsed.target === '*';
  switch (parsed.kind) {
    case 'component':
      if (all) return lang === 'zh' ? '所有组件' : 'All artifacts';
      return lang === 'zh' ? `仓库 ${name} 中的组件` : `Artifacts in repository ${name}`;
    case 'repo':
      if (all) return lang === 'zh' ? '所有仓库' : 'All repositories';
      return lang === 'zh' ? `仓库 ${name}` : `Repository ${name}`;
    case 'other':
      return parsed.raw;
  }
}

/** role_name in the English UI, role_chinese_name in the Chinese UI; then the other one; then the map key. */
export function roleLabel(role: Pick<RolePrivileges, 'key' | 'roleName' | 'roleChineseName'>, lang: UiLanguage): string {
  const preferred = lang === 'zh' ? [role.roleChineseName, role.roleName] : [role.roleName, role.roleChineseName];
  return preferred.map((s) => s?.trim()).find((s) => s) ?? role.key;
}

/** The UI language for a VS Code locale such as 'zh-cn', 'zh-tw' or 'en'. */
export function uiLanguageForLocale(locale: string): UiLanguage {
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
