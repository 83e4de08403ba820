import * as vscode from 'vscode';
import type { FakeUser } from '../../fake/coscene/model';
import { FAKE_COSCENE, FakeServer, startFakeServer } from '../../fake/server';
import type { ProfileService } from '../../../src/vscode/profiles/profileService';
import type { UsersTestApi } from '../../../src/vscode/users';
import { waitUntil } from '../../support/waitUntil';
import { switchProfile } from './profileCommands';
import { CocliFile, cocliYaml, extensionApi, useCocliFile } from './profileFixtures';

export interface FakeOrg {
  server: FakeServer;
  /** The test API's `users` field: trees, views, the access panel's last content, the last exported matrix. */
  views: UsersTestApi;
  profiles: ProfileService;
  close(): Promise<void>;
}

/**
 * Starts the fake (320 users) and makes a cocli profile "lark" (organization admin, project mcap)
 * the active one, so the users and roles views list the fake's organization.
 */
export async function useFakeOrg(): Promise<FakeOrg> {
  const server = await startFakeServer();
  let cocli: CocliFile | undefined;
  try {
    const api = await extensionApi();
    const profiles = api.profiles;
    await profiles.ready;
    cocli = await useCocliFile(
      cocliYaml('lark', [{ name: 'lark', endpoint: server.url, token: FAKE_COSCENE.adminToken, project: 'mcap' }]),
    );
    await waitUntil(
      () => profiles.list().some((p) => p.source === 'cocli' && p.name === 'lark' && p.endpoint === server.url),
      'the cocli profile to load',
    );
    await switchProfile('lark', 'cocli');
    await waitUntil(
      () => profiles.current()?.name === 'lark' && profiles.current()?.endpoint === server.url,
      'profile lark to become active',
    );
    const views = api.users;
    return {
      server,
      views,
      profiles,
      close: async () => {
        await cocli?.restore();
        await server.close();
      },
    };
  } catch (err) {
    await cocli?.restore();
    await server.close();
    throw err;
  }
}

/** The tree label a user gets: nickname, else email, else the uuid. */
export function expectedLabel(user: FakeUser): string {
  return user.nickname || user.email || user.id;
}

/** Labels of tree items (TreeItem.label may be a string or a highlight object). */
export function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}
