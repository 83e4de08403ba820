import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { OPEN_CONFIG, SET_TOKEN, SHOW_LOGS } from '../../../src/vscode/profiles/keys';
import { FAULT_KINDS, FaultKind } from '../../fake/faults';
import { FAKE_HUAWEI } from '../../fake/server';
import { Family, FAULT_ROWS, FaultRow, formatMatrix, Item, labelOf, MatrixEnv, RowResult, useFaultMatrixEnv } from '../helpers/faultMatrix';
import { waitUntil } from '../helpers/profileFixtures';

/**
 * The fault matrix: every fault of the fake against both API families. For each row the user must see
 * ONE error node whose label names the fault, with the right actions; Retry (after the fault is cleared)
 * must bring the data back; and the cocli file must not change by a byte.
 */
describe('fault matrix: every fault of the fake against both API families', function () {
  this.timeout(60_000);
  let env: MatrixEnv;
  const results: RowResult[] = [];

  const treeOf = (row: FaultRow): vscode.TreeDataProvider<Item> => (row.family === 'coScene' ? env.orgTree : env.permissionsTree);
  const children = async (tree: vscode.TreeDataProvider<Item>, item?: Item): Promise<Item[]> =>
    ((await tree.getChildren(item)) ?? []) as Item[];
  const run = (command: vscode.Command): Thenable<unknown> => vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));

  /** The tree shows its data: role groups (coScene) or the seeded repositories (Huawei), and no error. */
  async function showsData(row: FaultRow): Promise<boolean> {
    const nodes = await children(treeOf(row));
    if (nodes.some((n) => n.contextValue === 'coscene.error')) return false;
    return row.family === 'coScene'
      ? nodes.some((n) => n.contextValue?.startsWith('coscene.userGroup'))
      : nodes.some((n) => labelOf(n) === 'maven-release');
  }

  /** Reloads the tree and walks "Load more…" (a paging fault may only show on a later page) until an error shows. */
  async function errorNodes(row: FaultRow): Promise<Item[]> {
    const tree = treeOf(row);
    await vscode.commands.executeCommand(row.family === 'coScene' ? 'coscene.users.refresh' : 'coscene.permissions.refresh');
    for (let page = 0; ; page++) {
      const nodes = await children(tree);
      const errors = nodes.filter((n) => n.contextValue === 'coscene.error');
      const more = nodes.find((n) => n.contextValue === 'coscene.loadMore');
      if (errors.length > 0 || !more || page >= 3) return errors;
      await run(more.command!);
    }
  }

  before(async function () {
    this.timeout(60_000);
    env = await useFaultMatrixEnv();
    for (const family of ['coScene', 'Huawei'] as const) {
      await waitUntil(() => showsData({ family } as FaultRow), `the ${family} tree to show data before any fault`, 15_000);
    }
  });

  afterEach(() => {
    env?.server.faults.clear();
    env?.setSkew(0);
  });

  after(async () => {
    console.log(formatMatrix(results));
    await env?.close();
  });

  for (const row of FAULT_ROWS) {
    it(`${row.family} × ${row.fault}: one specific message, the right actions, Retry recovers, cocli file untouched`, async () => {
      const started = Date.now();
      const result: RowResult = {
        family: row.family,
        fault: row.fault,
        message: '',
        actions: [],
        recovered: false,
        cocliUnchanged: false,
        ms: 0,
      };
      results.push(result);
      const repositories = env.server.huawei.repositories;
      const template = repositories.find((r) => r.name === FAKE_HUAWEI.repoIds.mavenRelease);
      assert.ok(template, 'the seeded maven-release repository');
      const clones = Array.from({ length: row.extraRepositories ?? 0 }, (_, i) => ({
        ...template,
        id: `fmclone${i}`,
        name: `fm-clone-${i}`,
        repositoryName: `zz-fm-clone-${i}`,
        displayName: `zz-fm-clone-${i}`,
      }));
      repositories.push(...clones);
      try {
        for (const spec of row.specs ?? []) env.server.faults.add(spec);
        if (row.skewMs) env.setSkew(row.skewMs);

        const errors = await errorNodes(row);
        assert.equal(errors.length, 1, `exactly one error node for ${row.fault}, got ${errors.length}`);
        const [error] = errors;
        result.message = labelOf(error);
        const actions = await children(treeOf(row), error);
        result.actions = actions.map(labelOf);
        assert.doesNotMatch(result.message, /Unexpected error/, 'a generic message');
        assert.match(result.message, row.message);
        assert.deepEqual(result.actions, row.actions);
        assert.ok(
          actions.every((a) => a.command?.command),
          'every action runs a command',
        );
        for (const [label, command] of [
          ['Set Token…', SET_TOKEN],
          ['Sign In…', 'coscene.huawei.signIn'],
          ['Show Logs', SHOW_LOGS],
          ['Open Config', OPEN_CONFIG],
          ['Open Settings', 'coscene.huawei.openSettings'],
        ]) {
          const action = actions.find((a) => labelOf(a) === label);
          if (action) assert.equal(action.command!.command, command, `${label} runs ${command}`);
        }

        // The extension keeps working: clear the fault, use the Retry action, and the data is back.
        env.server.faults.clear();
        env.setSkew(0);
        repositories.splice(repositories.length - clones.length, clones.length);
        clones.length = 0;
        const retry = actions.find((a) => labelOf(a) === 'Retry');
        assert.ok(retry?.command, 'a Retry action');
        await run(retry.command);
        await waitUntil(() => showsData(row), `the ${row.family} tree to show data again after Retry`, 15_000);
        result.recovered = true;

        result.cocliUnchanged = Buffer.from(env.cocli.read(), 'utf8').equals(env.cocliBefore);
        assert.ok(result.cocliUnchanged, 'the cocli file changed');
      } catch (err) {
        result.failure = err instanceof Error ? err.message.split('\n')[0] : String(err);
        throw err;
      } finally {
        repositories.splice(repositories.length - clones.length, clones.length);
        result.ms = Date.now() - started;
      }
    });
  }

  // Pins that every way the fake can make a real service fail has a row above, for each API family that can
  // fail that way: a new fault kind without a row (so without a user-visible message checked) fails here.
  it('every failure the fake can inject is checked against each API family that can produce it', () => {
    // A skewed clock fails only signed (AK/SK) requests: Huawei's; its row skews the fake's clock (skewMs).
    const onlyFor: Partial<Record<FaultKind, Family>> = {
      'connect-error': 'coScene',
      'huawei-error': 'Huawei',
      'status-error-200': 'Huawei',
      'clock-skew': 'Huawei',
      // The fake pages Huawei lists by offset and total: there is no token to invent (see test/fake/README.md).
      'endless-pages': 'coScene',
    };
    const injects = (r: FaultRow, kind: FaultKind) =>
      r.specs?.some((spec) => spec.kind === kind) || (kind === 'clock-skew' && r.skewMs !== undefined);
    const notAFailure: FaultKind[] = ['latency']; // slows answers down; the "hang + timeout" rows cover waiting too long
    const missing: string[] = [];
    for (const kind of FAULT_KINDS.filter((k) => !notAFailure.includes(k))) {
      for (const family of ['coScene', 'Huawei'] as const) {
        if (onlyFor[kind] && onlyFor[kind] !== family) continue;
        if (!FAULT_ROWS.some((r) => r.family === family && injects(r, kind))) missing.push(`${family} × ${kind}`);
      }
    }
    assert.deepEqual(missing, [], 'fault kinds of the fake without a row in the matrix');
  });
});
