import type { ProfileWithToken } from '../../core/profiles/accounts';
import type { ProfileInfo } from '../../core/profiles/profile';
import { profileKey } from '../../core/profiles/selection';
import type { CocliSource } from './cocliFile';
import { type ExtensionProfiles, OverrideMovedError } from './extensionProfiles';

/**
 * Which token each profile signs in with: the one kept in VS Code (an extension profile's own, or a Set Token override
 * of a cocli/env profile, see ExtensionProfiles), else the cocli file's or COS_TOKEN.
 */
export class ProfileTokens {
  /** The active profile's token, read once (SecretStorage is a round trip to the window) and kept until it may change. */
  private memo?: { key: string; token: Promise<string | undefined> };

  constructor(
    private readonly store: ExtensionProfiles,
    private readonly cocli: CocliSource,
  ) {}

  /** Rejects with OverrideMovedError when an override was set for another endpoint, or when the keyring fails. */
  async tokenFor(profile: ProfileInfo): Promise<string | undefined> {
    const own = this.cocli.token(profileKey(profile.source, profile.name));
    return (await this.store.token(profile.source, profile.name, own, profile.endpoint)) ?? own;
  }

  /** tokenFor, kept for `profile` (its source, name and endpoint) until forgetKept(); a failed read is not kept. */
  kept(profile: ProfileInfo): Promise<string | undefined> {
    const key = `${profileKey(profile.source, profile.name)}\n${profile.endpoint}`;
    if (this.memo?.key !== key) {
      const memo = { key, token: this.tokenFor(profile) };
      this.memo = memo;
      memo.token.catch(() => {
        if (this.memo === memo) this.memo = undefined; // a failing keyring is asked again next time
      });
    }
    return this.memo.token;
  }

  /** A secret changed, a token was set or forgotten, or the profiles were reloaded: the next kept() reads again. */
  forgetKept(): void {
    this.memo = undefined;
  }

  /** Every profile with the token it signs in with (undefined when it has none): for the Accounts menu. */
  withTokens(profiles: readonly ProfileInfo[]): Promise<ProfileWithToken[]> {
    return Promise.all(
      profiles.map(async (p) => {
        // A keyring that fails leaves the file's token; an override set for another endpoint leaves none.
        const token = await this.tokenFor(p).catch((err: unknown) =>
          err instanceof OverrideMovedError ? undefined : this.cocli.token(profileKey(p.source, p.name)),
        );
        return token ? { ...p, token } : p;
      }),
    );
  }
}
