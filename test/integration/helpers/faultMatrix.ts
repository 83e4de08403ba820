import * as vscode from 'vscode';
import { USERS_COMMAND } from '../../../src/vscode/users/keys';
import { FAKE_COSCENE, FakeServer, FaultSpec, startFakeServer } from '../../fake/server';
import { SEARCH_COMMAND } from '../../../src/vscode/permissions/keys';
import { AKSK_SIGN_IN, signInThroughUi } from './huaweiSignIn';
import { ScriptedUi } from './scriptedUi';
import { waitUntil } from '../../support/waitUntil';
import { switchProfile } from './profileCommands';
import { CocliFile, cocliYaml, extensionApi, useCocliFile } from './profileFixtures';

/** Tree items: the extension's classes come from the bundle, so tests go by contextValue and label only. */
export type Item = vscode.TreeItem;
export type Family = 'coScene' | 'Huawei';

export function labelOf(item: Item): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** One row of the matrix: how to break the API, and what the user must see. */
export interface FaultRow {
  family: Family;
  /** Short fault name for the printed matrix ("401", "hang + 2 s timeout", …). */
  fault: string;
  /** Faults added for this row; `times` defaults to Infinity so every retry meets the same fault. */
  specs?: FaultSpec[];
  /** Clock skew added to the fake server's clock for this row (ms). */
  skewMs?: number;
  /** Huawei repositories appended for this row (so the list has a second page). */
  extraRepositories?: number;
  /** The specific words the error label must contain. */
  message: RegExp;
  /** The action labels under the error node, in order. */
  actions: string[];
}

export const CODE_PROFILE = 'faultmatrix';
/** The extension's per-attempt timeout during the matrix (coscene.http.timeoutSeconds). */
export const TIMEOUT_SECONDS = 2;

const ARTIFACT = '/cloudartifact/';
const coscene = (spec: FaultSpec): FaultSpec => ({ times: Infinity, ...spec, match: { api: 'coscene', ...spec.match } });
const huawei = (spec: FaultSpec): FaultSpec => ({
  times: Infinity,
  ...spec,
  match: { api: 'huawei', pathPrefix: ARTIFACT, ...spec.match },
});

const RETRY_LOGS = ['Retry', 'Show Logs'];
const TIMEOUT = new RegExp(`timed out after ${TIMEOUT_SECONDS} s`);
const SLOW_BODY = new RegExp(`started answering but did not finish within ${TIMEOUT_SECONDS} s`);
const TOO_LARGE = /is larger than \d+(\.\d+)? MB and was not read/;

/** ListRoles is the first call the grouped organization view needs, so its failure is the view's error. */
const LIST_ROLES = 'RoleService/ListRoles';

export const FAULT_ROWS: FaultRow[] = [
  // ---- coScene OpenAPI (Connect): the Organization Users tree ----
  {
    family: 'coScene',
    fault: '401',
    specs: [coscene({ kind: 'connect-error', code: 'unauthenticated', httpStatus: 401 })],
    message: new RegExp(`rejected the token of profile ${CODE_PROFILE}\\. Set a new token`),
    actions: ['Retry', 'Set Token…', 'Show Logs'],
  },
  {
    family: 'coScene',
    fault: '403',
    specs: [coscene({ kind: 'connect-error', code: 'permission_denied', httpStatus: 403, message: 'permission denied' })],
    message: /not allowed to call RoleService\/ListRoles/,
    actions: RETRY_LOGS,
  },
  {
    family: 'coScene',
    fault: '404',
    specs: [coscene({ kind: 'connect-error', code: 'not_found', httpStatus: 404, message: 'organization not found' })],
    message: /found nothing for RoleService\/ListRoles: organization not found/,
    actions: RETRY_LOGS,
  },
  {
    family: 'coScene',
    fault: '429 + Retry-After: 1',
    specs: [coscene({ kind: 'connect-error', code: 'resource_exhausted', httpStatus: 429, retryAfterSeconds: 1 })],
    message: new RegExp(`limiting requests from profile ${CODE_PROFILE}`),
    actions: RETRY_LOGS,
  },
  {
    family: 'coScene',
    fault: '500',
    specs: [coscene({ kind: 'connect-error', code: 'internal', httpStatus: 500, message: 'database exploded' })],
    message: /server failed on RoleService\/ListRoles: database exploded/,
    actions: RETRY_LOGS,
  },
  {
    family: 'coScene',
    fault: '503',
    specs: [coscene({ kind: 'connect-error', code: 'unavailable', httpStatus: 503 })],
    message: /coScene server at http:\/\/127\.0\.0\.1:\d+ is unavailable/,
    actions: RETRY_LOGS,
  },
  { family: 'coScene', fault: 'hang + 2 s timeout', specs: [coscene({ kind: 'hang' })], message: TIMEOUT, actions: RETRY_LOGS },
  {
    family: 'coScene',
    fault: 'slow body (6 s)',
    specs: [coscene({ kind: 'slow-body', ms: 6000 })],
    message: SLOW_BODY,
    actions: RETRY_LOGS,
  },
  {
    family: 'coScene',
    fault: 'connection reset',
    specs: [coscene({ kind: 'reset' })],
    message: /connection to http:\/\/127\.0\.0\.1:\d+ was closed unexpectedly/,
    actions: RETRY_LOGS,
  },
  {
    family: 'coScene',
    fault: 'non-JSON body',
    specs: [coscene({ kind: 'malformed-json' })],
    message: /answer to RoleService\/ListRoles that is not JSON/,
    actions: RETRY_LOGS,
  },
  {
    family: 'coScene',
    fault: 'HTML error page (502)',
    specs: [coscene({ kind: 'html' })],
    message: /HTML page \(502 Bad Gateway\)/,
    actions: RETRY_LOGS,
  },
  {
    family: 'coScene',
    fault: '10 MB body',
    specs: [coscene({ kind: 'huge-body', match: { procedure: LIST_ROLES } })],
    message: TOO_LARGE,
    actions: RETRY_LOGS,
  },
  {
    family: 'coScene',
    fault: 'repeated page token',
    specs: [coscene({ kind: 'repeat-page-token' })],
    message: /page token it had already sent/,
    actions: RETRY_LOGS,
  },
  {
    family: 'coScene',
    fault: 'empty page with a token',
    specs: [coscene({ kind: 'empty-page-with-token' })],
    message: /empty pages that still promise more/,
    actions: RETRY_LOGS,
  },
  {
    family: 'coScene',
    fault: 'endless pages (a new token each time)',
    specs: [coscene({ kind: 'endless-pages', match: { procedure: LIST_ROLES } })],
    message: /Stopped after too many pages|limit of [\d,]+ items per list/,
    actions: RETRY_LOGS,
  },

  // ---- Huawei CodeArts Artifact: the Repository Permissions tree (root: ListAllRepositories) ----
  {
    family: 'Huawei',
    fault: '401',
    specs: [huawei({ kind: 'huawei-error', errorCode: 'APIGW.0301' })],
    message: /did not accept your credentials.*APIGW\.0301/,
    actions: ['Retry', 'Sign In…', 'Show Logs'],
  },
  {
    family: 'Huawei',
    fault: '403',
    specs: [huawei({ kind: 'huawei-error', errorCode: 'CR.4102' })],
    message: /no permission on this CodeArts project.*CR\.4102/,
    actions: RETRY_LOGS,
  },
  {
    family: 'Huawei',
    fault: '404',
    specs: [huawei({ kind: 'huawei-error', errorCode: 'APIGW.0101' })],
    message: /was not found.*APIGW\.0101/,
    actions: ['Retry', 'Open Settings', 'Show Logs'],
  },
  {
    family: 'Huawei',
    fault: '429 + Retry-After: 1',
    specs: [huawei({ kind: 'huawei-error', errorCode: 'APIGW.0308', retryAfterSeconds: 1 })],
    message: /limiting the request rate.*APIGW\.0308/,
    actions: RETRY_LOGS,
  },
  {
    family: 'Huawei',
    fault: '500',
    specs: [huawei({ kind: 'huawei-error', errorCode: 'CR.5000' })],
    message: /service reported an error.*CR\.5000/,
    actions: RETRY_LOGS,
  },
  {
    family: 'Huawei',
    fault: '503',
    specs: [
      huawei({ kind: 'huawei-error', errorCode: 'APIGW.0203', httpStatus: 503, envelope: 'gateway', message: 'Backend unavailable' }),
    ],
    message: /temporarily unavailable \(HTTP 503\).*APIGW\.0203/,
    actions: RETRY_LOGS,
  },
  { family: 'Huawei', fault: 'hang + 2 s timeout', specs: [huawei({ kind: 'hang' })], message: TIMEOUT, actions: RETRY_LOGS },
  { family: 'Huawei', fault: 'slow body (6 s)', specs: [huawei({ kind: 'slow-body', ms: 6000 })], message: SLOW_BODY, actions: RETRY_LOGS },
  {
    family: 'Huawei',
    fault: 'connection reset',
    specs: [huawei({ kind: 'reset' })],
    message: /connection to http:\/\/127\.0\.0\.1:\d+ was closed unexpectedly/,
    actions: RETRY_LOGS,
  },
  {
    family: 'Huawei',
    fault: 'non-JSON body',
    specs: [huawei({ kind: 'malformed-json' })],
    message: /not valid JSON \(HTTP 200\)/,
    actions: RETRY_LOGS,
  },
  {
    family: 'Huawei',
    fault: 'HTML error page (502)',
    specs: [huawei({ kind: 'html' })],
    message: /HTML page instead of JSON: 502 Bad Gateway \(HTTP 502\)/,
    actions: RETRY_LOGS,
  },
  { family: 'Huawei', fault: '10 MB body', specs: [huawei({ kind: 'huge-body' })], message: TOO_LARGE, actions: RETRY_LOGS },
  {
    family: 'Huawei',
    fault: 'repeated page',
    specs: [huawei({ kind: 'repeat-page-token' })],
    extraRepositories: 90,
    message: /same page of repositories again/,
    actions: RETRY_LOGS,
  },
  {
    family: 'Huawei',
    fault: 'empty page with a total',
    specs: [huawei({ kind: 'empty-page-with-token' })],
    message: /empty page although it reported 21 repositories/,
    actions: RETRY_LOGS,
  },
  {
    family: 'Huawei',
    fault: 'status:"error" in HTTP 200',
    specs: [huawei({ kind: 'status-error-200', errorCode: 'CR.4102' })],
    message: /no permission on this CodeArts project.*CR\.4102/,
    actions: RETRY_LOGS,
  },
  {
    family: 'Huawei',
    fault: 'clock skew (+20 min)',
    skewMs: 20 * 60 * 1000,
    message: /clock is 20 min behind Huawei Cloud.*APIGW\.0301/,
    actions: RETRY_LOGS,
  },
];

export interface MatrixEnv {
  server: FakeServer;
  cocli: CocliFile;
  /** The cocli file's bytes before any fault. */
  cocliBefore: Buffer;
  orgTree: vscode.TreeDataProvider<Item>;
  permissionsTree: vscode.TreeDataProvider<Item>;
  setSkew(ms: number): void;
  close(): Promise<void>;
}

interface SettingBackup {
  section: string;
  key: string;
  value: unknown;
}

/**
 * One fake for both APIs (its clock skewable), a cocli profile on it as the active profile, a Huawei AK/SK
 * sign-in against it, and a short request timeout. Everything is put back by close().
 */
export async function useFaultMatrixEnv(): Promise<MatrixEnv> {
  let skew = 0;
  const server = await startFakeServer({ now: () => Date.now() + skew });
  const backups: SettingBackup[] = [];
  const set = async (section: string, key: string, value: unknown): Promise<void> => {
    const config = vscode.workspace.getConfiguration(section);
    backups.push({ section, key, value: config.inspect(key)?.globalValue });
    await config.update(key, value, vscode.ConfigurationTarget.Global);
  };
  let cocli: CocliFile | undefined;
  const close = async (): Promise<void> => {
    await vscode.commands.executeCommand('coscene.huawei.signOut');
    for (const b of backups.reverse())
      await vscode.workspace.getConfiguration(b.section).update(b.key, b.value, vscode.ConfigurationTarget.Global);
    await cocli?.restore();
    await server.close();
  };
  try {
    const api = await extensionApi();
    const profiles = api.profiles;
    await profiles.ready;
    await set('coscene.http', 'timeoutSeconds', TIMEOUT_SECONDS);
    await set('coscene.huawei', 'endpoint', server.url);
    await set('coscene.huawei', 'iamEndpoint', server.url);
    cocli = await useCocliFile(
      cocliYaml(CODE_PROFILE, [{ name: CODE_PROFILE, endpoint: server.url, token: FAKE_COSCENE.adminToken, project: 'mcap' }]),
    );
    const cocliBefore = Buffer.from(cocli.read(), 'utf8');
    await waitUntil(
      () => profiles.list().some((p) => p.source === 'cocli' && p.name === CODE_PROFILE && p.endpoint === server.url),
      'the cocli profile to load',
    );
    await switchProfile(CODE_PROFILE, 'cocli');
    await waitUntil(
      () => profiles.current()?.name === CODE_PROFILE && profiles.current()?.endpoint === server.url,
      `profile ${CODE_PROFILE} to become active`,
    );
    await vscode.commands.executeCommand(USERS_COMMAND.orgClearFilter);
    await vscode.commands.executeCommand(USERS_COMMAND.orgShowGrouped);
    // The Huawei part as a user would: clear a search left by another suite, sign in with the access key.
    const huaweiUi = new ScriptedUi().input('');
    api.ui.use(huaweiUi);
    try {
      await vscode.commands.executeCommand(SEARCH_COMMAND);
      const failed = await signInThroughUi(huaweiUi, AKSK_SIGN_IN);
      if (failed.length) throw new Error(`the Huawei AK/SK sign-in against the fake failed: ${failed.join('; ')}`);
    } finally {
      api.ui.use(undefined);
    }
    return {
      server,
      cocli,
      cocliBefore,
      orgTree: api.trees.get('coscene.orgUsers') as vscode.TreeDataProvider<Item>,
      permissionsTree: api.trees.get('coscene.permissions') as vscode.TreeDataProvider<Item>,
      setSkew: (ms) => {
        skew = ms;
      },
      close,
    };
  } catch (err) {
    await close().catch(() => undefined);
    throw err;
  }
}

/** What one row showed, for the printed matrix. */
export interface RowResult {
  family: Family;
  fault: string;
  message: string;
  actions: string[];
  recovered: boolean;
  cocliUnchanged: boolean;
  ms: number;
  failure?: string;
}

export function formatMatrix(results: RowResult[]): string {
  const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  const lines = ['', 'Fault matrix (family × fault → what the user sees)', ''];
  lines.push('| family | fault | message | actions | recovered | cocli file | time |', '|---|---|---|---|---|---|---|');
  for (const r of results) {
    const outcome = r.failure ? `FAILED: ${cut(r.failure, 120)}` : cut(r.message, 140);
    lines.push(
      `| ${r.family} | ${r.fault} | ${outcome.replace(/\|/g, '\\|')} | ${r.actions.join(', ')} | ${r.recovered ? 'yes' : 'no'} | ${r.cocliUnchanged ? 'unchanged' : 'CHANGED'} | ${(r.ms / 1000).toFixed(1)} s |`,
    );
  }
  const passed = results.filter((r) => !r.failure).length;
  lines.push('', `${passed}/${results.length} rows as expected`);
  return lines.join('\n');
}
