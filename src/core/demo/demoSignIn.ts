/** `npm start` (test/tools/demo.mjs) puts the local fake's own AK/SK sign-in in COSCENE_ACCESS_DEMO. */
export interface DemoAkSk {
  method: 'aksk';
  ak: string;
  sk: string;
  region: string;
  domainId: string;
  codeartsProjectId: string;
}

/** The demo sign-in from the environment, or undefined outside the demo (or when malformed). */
export function demoSignIn(env: Record<string, string | undefined>): DemoAkSk | undefined {
  const raw = env.COSCENE_ACCESS_DEMO;
  if (!raw || raw.length > 4096) return undefined;
  try {
    const value = (JSON.parse(raw) as { huaweiSignIn?: Record<string, unknown> }).huaweiSignIn;
    const fields = ['ak', 'sk', 'region', 'domainId', 'codeartsProjectId'] as const;
    if (!value || value.method !== 'aksk' || !fields.every((f) => typeof value[f] === 'string' && (value[f] as string).length <= 200))
      return undefined;
    return value as unknown as DemoAkSk;
  } catch {
    return undefined;
  }
}
