import { msg, type Msg } from './errors';

/**
 * Shown when SecretStorage fails (on Linux: no secret service, or a locked one). It must not recommend
 * VS Code's basic password store: it only obfuscates with a fixed key, which defeats the keyring.
 */
export function keyringUnavailable(): Msg {
  return msg(
    'The system keyring could not be used, so the secret was not saved. Install and unlock a keyring — on Linux gnome-keyring (GNOME and most desktops) or KWallet (KDE) — and restart VS Code. If VS Code uses the wrong one, run "Preferences: Configure Runtime Arguments" and set "password-store" to "gnome-libsecret" or "kwallet6".',
  );
}
