import * as vscode from 'vscode';
import { CosceneApiError } from '../../core/coscene/apiErrors';
import type { Organization, User } from '../../core/coscene/model';
import { createLazyHttpClient } from '../../core/http/lazyHttp';
import type { ProfileInfo } from '../../core/profiles/profile';
import { describeError } from '../shared/errors';
import { httpClientOptionsFromSettings } from '../shared/httpSettings';
import type { Log } from '../shared/log';
import { createProfileApi } from './profileApi';

/** Who a token signs in as: the user (users/current) and, when it could be read, the organization. */
export interface TokenOwner {
  user: User;
  org?: Organization;
}

export type TokenCheck = { ok: true; owner: TokenOwner } | { ok: false; refused: boolean; message: string };

/**
 * Asks the server who `token` is (GetUser users/current, and GetOrganization) before a profile is saved, with an
 * HTTP client of its own (the settings' proxy and CA) closed afterwards. `refused`: the server answered 401
 * (unauthenticated); any other failure carries its message.
 */
export async function checkToken(
  profile: Pick<ProfileInfo, 'name' | 'endpoint'>,
  token: string,
  log: Log,
  signal?: AbortSignal,
): Promise<TokenCheck> {
  const http = createLazyHttpClient(httpClientOptionsFromSettings(log));
  try {
    const api = createProfileApi({ ...profile, source: 'extension', project: '' }, token, http, log, () => undefined);
    const org = api.getOrganization(signal).catch((err: unknown) => {
      log.warn(`GetOrganization for the new profile "${profile.name}" failed: ${String(err)}`);
      return undefined;
    });
    const user = await api.getUser('users/current', signal);
    return { ok: true, owner: { user, org: await org } };
  } catch (err) {
    if (err instanceof Error && err.name === 'AbortError') throw err;
    if (err instanceof CosceneApiError && err.code === 'unauthenticated')
      return {
        ok: false,
        refused: true,
        message: vscode.l10n.t(
          'The server refused this token (401): it is not saved. Paste another token, or go Back to change the endpoint.',
        ),
      };
    log.warn(`Checking the token of the new profile "${profile.name}" failed: ${String(err)}`);
    return {
      ok: false,
      refused: false,
      message: vscode.l10n.t('{0} Press Enter to try again, or go Back.', describeError(err).message),
    };
  } finally {
    void http.close();
  }
}
