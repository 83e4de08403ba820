import { randomBytes } from 'node:crypto';

export interface RegistryCredential {
  username: string;
  password: string;
}

/** Hands out the configured credentials in order, then fresh random ones; never the same twice. */
export class CredentialIssuer {
  private next = 0;

  constructor(private readonly configured: readonly RegistryCredential[] = []) {}

  issue(): RegistryCredential {
    const preset = this.configured[this.next++];
    if (preset) return { ...preset };
    return { username: `cr-temp-${randomBytes(3).toString('hex')}`, password: randomBytes(24).toString('base64url') };
  }

  reset(): void {
    this.next = 0;
  }
}
