/**
 * Huawei credentials are bound to the IAM and CodeArts Artifact origins they were issued for: the stored
 * password (renewal) and the token / AK/SK signature (every Artifact call) go to those origins only.
 */
import { isLoopbackHost, originOf } from '../endpointRule';
import { AccessError, msg } from '../errors';
import { HUAWEI_CLOUD_DOMAINS } from './regions';

export interface HuaweiOrigins {
  iam: string;
  artifact: string;
}

export type OriginDecision =
  | { kind: 'ok'; origins: HuaweiOrigins; /** True when credentials stored without origins were bound just now. */ adopted: boolean }
  | { kind: 'mismatch'; service: 'iam' | 'artifact'; issued: string; current: string }
  | { kind: 'unbound'; hosts: string[] };

export { originOf };

/**
 * Compares the origins the credentials were issued for with the ones the current settings give.
 * Credentials stored before origins were recorded are bound to the current origins when those are Huawei Cloud
 * (or loopback) hosts; with any other host the user must sign in again, since nobody can tell where they came from.
 */
export function decideOrigins(issued: HuaweiOrigins | undefined, current: HuaweiOrigins): OriginDecision {
  if (!issued) {
    const unknown = nonHuaweiHosts(current);
    return unknown.length ? { kind: 'unbound', hosts: unknown } : { kind: 'ok', origins: current, adopted: true };
  }
  for (const service of ['iam', 'artifact'] as const) {
    if (issued[service] !== current[service]) return { kind: 'mismatch', service, issued: issued[service], current: current[service] };
  }
  return { kind: 'ok', origins: issued, adopted: false };
}

/** The refusal the user sees for a decision other than ok. */
export function originError(decision: Exclude<OriginDecision, { kind: 'ok' }>): AccessError {
  if (decision.kind === 'unbound') {
    return new AccessError(
      msg(
        'The stored Huawei Cloud sign-in does not record where it was issued, and the endpoint {0} is not a Huawei Cloud host. Sign in again to use it.',
        decision.hosts.join(', '),
      ),
      ['signIn', 'openHuaweiSettings'],
    );
  }
  const issued = hostOf(decision.issued);
  const current = hostOf(decision.current);
  const text =
    decision.service === 'iam'
      ? msg(
          'The Huawei Cloud sign-in was made with IAM at {0}, but the settings now point IAM to {1}. Your credentials are not sent to a different host: sign in again to use the new endpoint, or change the setting back.',
          issued,
          current,
        )
      : msg(
          'The Huawei Cloud sign-in was made for CodeArts Artifact at {0}, but the settings now point it to {1}. Your credentials are not sent to a different host: sign in again to use the new endpoint, or change the setting back.',
          issued,
          current,
        );
  return new AccessError(text, ['signIn', 'openHuaweiSettings']);
}

/** Hosts of the origins that are neither Huawei Cloud hosts nor this machine (each once). */
export function nonHuaweiHosts(origins: HuaweiOrigins): string[] {
  const hosts = [origins.iam, origins.artifact].map((o) => new URL(o).hostname).filter((h) => !isLoopbackHost(h) && !isHuaweiCloudHost(h));
  return [...new Set(hosts)];
}

export function isHuaweiCloudHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return HUAWEI_CLOUD_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

function hostOf(origin: string): string {
  return new URL(origin).host;
}
