/**
 * Runtime configuration, fetched from `/config.json` at start. The local stack serves it; in AWS the deploy
 * writes it next to the app. Nothing here is baked into the build, so one build serves every stage.
 */

export interface AppConfig {
  apiUrl: string;
  auth: { endpoint: string; clientId: string; region: string };
  stage: string;
  /** Local stack only: the demo accounts to offer on the sign-in page. */
  demo?: {
    password: string;
    users: { email: string; role: string; name?: string }[];
    /** Demo accounts enrolled in TOTP and their secrets: the sign-in page shows their current code. */
    totp?: { email: string; secret: string }[];
  };
  /** Local stack only: the developer mailbox page (reminder e-mails, invitations); absent in AWS. */
  mailboxUrl?: string;
}

function isConfig(v: unknown): v is AppConfig {
  const c = v as AppConfig | null;
  return (
    typeof c?.apiUrl === 'string' &&
    typeof c.stage === 'string' &&
    typeof c.auth?.endpoint === 'string' &&
    typeof c.auth.clientId === 'string' &&
    typeof c.auth.region === 'string'
  );
}

export async function loadConfig(): Promise<AppConfig> {
  const res = await fetch('/config.json', { cache: 'no-store' });
  if (!res.ok) throw new Error(`/config.json: HTTP ${res.status}`);
  const body: unknown = await res.json();
  if (!isConfig(body)) throw new Error('/config.json: unexpected shape');
  return { ...body, apiUrl: body.apiUrl.replace(/\/+$/, '') };
}
