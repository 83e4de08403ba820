import type * as vscode from 'vscode';
import { followCocliSwitch } from '../../core/profiles/selection';
import type { Log } from '../shared/log';
import { ACTIVE_PROFILE_KEY, LAST_COCLI_CURRENT_KEY } from './keys';

/**
 * The profile the user chose (its key, `source:name`), remembered in globalState. A new current-profile in the cocli
 * file (`cocli login switch`) counts as a newer choice: the file's current-profile as last seen is kept too.
 */
export class ActiveChoice {
  constructor(
    private readonly state: vscode.Memento,
    private readonly log: Log,
  ) {}

  key(): string | undefined {
    return this.state.get<string>(ACTIVE_PROFILE_KEY);
  }

  async choose(key: string | undefined): Promise<void> {
    await this.state.update(ACTIVE_PROFILE_KEY, key);
  }

  /** Forgets the choice if it is `key` (that profile was removed). */
  async forget(key: string): Promise<void> {
    if (this.key() === key) await this.choose(undefined);
  }

  /** After reading a valid cocli file: its current-profile, when it changed since last seen, becomes the choice. */
  async followCocli(fileCurrent: string | undefined): Promise<void> {
    const { remember, activate } = followCocliSwitch(this.state.get<string>(LAST_COCLI_CURRENT_KEY), fileCurrent);
    if (remember) await this.state.update(LAST_COCLI_CURRENT_KEY, fileCurrent);
    if (activate) {
      this.log.info(`cocli's current profile is now "${fileCurrent}"; switching to it.`);
      await this.choose(activate);
    }
  }
}
