/**
 * A small typed client for the API. Every call carries the ID token; a 401 gets one token refresh and one
 * retry, then ends the session as expired (the app sends the user to sign-in and back). Errors arrive as
 * `ApiError` with the server's bilingual message and field issues, or a local one for network failures.
 */
import type { SessionStore } from '../auth/session.ts';
import { type EndReason, sendWithMfaCheck, sendWithSession } from '../auth/session-retry.ts';
import type { Bilingual } from '../i18n/i18n.tsx';
import { translate } from '../i18n/i18n.tsx';
import { ApiError } from './api-error.ts';
import { buildPath } from './path.ts';
import { ROUTE_MAP } from './route-map.gen.ts';
import type {
  Body,
  ErrorBody,
  FileRouteId,
  JsonRouteId,
  Output,
  PagedRouteId,
  Params,
  Query,
  RouteId,
} from './types.ts';

export { ApiError } from './api-error.ts';

const bilingual = (
  key: Parameters<typeof translate>[1],
  vars?: Record<string, string | number>,
): Bilingual => ({
  vi: translate('vi', key, vars),
  en: translate('en', key, vars),
});

export const networkError = () => new ApiError(0, 'NETWORK', bilingual('error.network'));

const END_MESSAGE = {
  expired: 'signIn.expired',
  'access-changed': 'signIn.accessChanged',
  disabled: 'signIn.disabled',
  'signed-out': 'signIn.signedOut',
} as const satisfies Record<EndReason, Parameters<typeof translate>[1]>;

/** Ends the session for the reason a 401 gave and says so (sign-in shows the same words). */
export function sessionEnded(session: SessionStore, reason: EndReason): ApiError {
  session.signOut(reason);
  const code =
    reason === 'access-changed'
      ? 'ACCESS_CHANGED'
      : reason === 'disabled'
        ? 'ACCOUNT_DISABLED'
        : 'UNAUTHENTICATED';
  return new ApiError(401, code, bilingual(END_MESSAGE[reason]));
}

async function toApiError(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => undefined)) as ErrorBody | undefined;
  const e = body?.error;
  if (e?.message?.vi)
    return new ApiError(res.status, e.code, e.message, e.issues ?? [], e.requestId, e.current);
  if (res.status === 403) return new ApiError(403, 'FORBIDDEN', bilingual('error.forbidden'));
  return new ApiError(res.status, `HTTP_${res.status}`, bilingual('error.http', { status: res.status }));
}

/** What a call of route `K` takes: its path's placeholders, its query and its body, each typed by the route. */
export type CallOptions<K extends RouteId> = ([keyof Params<K>] extends [never]
  ? { params?: undefined }
  : { params: Params<K> }) &
  ([Body<K>] extends [never]
    ? { body?: undefined }
    : Record<string, never> extends Body<K>
      ? { body?: Body<K> }
      : { body: Body<K> }) &
  ([Query<K>] extends [never] ? { query?: undefined } : { query?: Query<K> }) & { signal?: AbortSignal };

/** The options argument, optional when the route has no placeholders and needs no body. */
type OptionsArg<K extends RouteId> = [keyof Params<K>] extends [never]
  ? [Body<K>] extends [never]
    ? [opts?: CallOptions<K>]
    : Record<string, never> extends Body<K>
      ? [opts?: CallOptions<K>]
      : [opts: CallOptions<K>]
  : [opts: CallOptions<K>];

/** The items of a paged route's answer. */
export type ItemOf<K extends PagedRouteId> = Output<K> extends { items: (infer I)[] } ? I : never;

/**
 * The one way the app reaches the API: `api.call(routeId, { params, query, body })` answers the route's
 * `Output` (fixed by the id, not chosen by the caller), `api.all` follows a list's pages, `api.file` fetches a
 * route that answers with bytes. Method and path come from the generated `ROUTE_MAP`.
 */
export class ApiClient {
  private readonly baseUrl: string;
  private readonly session: SessionStore;

  constructor(baseUrl: string, session: SessionStore) {
    this.baseUrl = baseUrl;
    this.session = session;
  }

  async call<K extends JsonRouteId>(route: K, ...[opts]: OptionsArg<K>): Promise<Output<K>> {
    const res = await this.send(route, (opts ?? {}) as AnyOptions, 'application/json');
    return (await res.json()) as Output<K>;
  }

  /** Every item of a paged list (pages of 100 followed to the end; the lists read whole are small). */
  async all<K extends PagedRouteId>(route: K, ...[opts]: OptionsArg<K>): Promise<ItemOf<K>[]> {
    const o = (opts ?? {}) as AnyOptions;
    const out: ItemOf<K>[] = [];
    let cursor: string | undefined;
    do {
      const res = await this.send(
        route,
        { ...o, query: { ...o.query, limit: 100, cursor } },
        'application/json',
      );
      const page = (await res.json()) as { items: ItemOf<K>[]; next?: string };
      out.push(...page.items);
      cursor = page.next;
    } while (cursor);
    return out;
  }

  /** A route that answers with a file's bytes (template, export), as a Blob. */
  async file<K extends FileRouteId>(route: K, ...[opts]: OptionsArg<K>): Promise<Blob> {
    const res = await this.send(route, (opts ?? {}) as AnyOptions, '*/*');
    return res.blob();
  }

  private async send(route: RouteId, opts: AnyOptions, accept: string): Promise<Response> {
    const { method, path } = ROUTE_MAP[route];
    const url = new URL(this.baseUrl + buildPath(path, opts.params));
    for (const [k, v] of Object.entries(opts.query ?? {}))
      if (v !== undefined) url.searchParams.set(k, String(v));

    const send = async (token: string) => {
      const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept };
      if (opts.body !== undefined) headers['content-type'] = 'application/json';
      try {
        return await fetch(url, {
          method,
          headers,
          body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
          signal: opts.signal,
        });
      } catch (e) {
        if ((e as Error).name === 'AbortError') throw e;
        throw networkError();
      }
    };

    // Expired while the tab slept, or the user's access changed: one refresh, one retry, else sign-in says why.
    const withSession = async () => {
      const res = await sendWithSession(this.session, send);
      if ('ended' in res) throw sessionEnded(this.session, res.ended);
      return res;
    };
    // An admin's new sign-in: the API asks for the directory's word on their TOTP first (docs/access.md, "MFA").
    const { res, mfaRequired } =
      route === 'checkMyMfa'
        ? { res: await withSession(), mfaRequired: false }
        : await sendWithMfaCheck(withSession, () => this.confirmMfa());
    if (mfaRequired) this.session.requireMfa();
    if (!res.ok) throw await toApiError(res);
    return res;
  }

  private mfaCheck: Promise<boolean> | undefined;

  /** One check at a time however many requests were refused together; true when TOTP is on. */
  private confirmMfa(): Promise<boolean> {
    this.mfaCheck ??= this.call('checkMyMfa')
      .then((s) => s.enabled)
      .catch(() => false)
      .finally(() => {
        this.mfaCheck = undefined;
      });
    return this.mfaCheck;
  }
}

interface AnyOptions {
  params?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  signal?: AbortSignal;
}

export interface FileRef {
  cycleId: string;
  entityId: string;
  evidenceId: string;
  fileId: string;
}

export interface CriterionRef {
  cycleId: string;
  entityId: string;
  criterionCode: string;
}
