/** What every page needs: the runtime config, the session and the API client. */
import { createContext, type ReactNode, useContext, useSyncExternalStore } from 'react';
import { ApiClient } from '../api/client.ts';
import { type Session, SessionStore } from '../auth/session.ts';
import type { AppConfig } from '../config.ts';

export interface AppServices {
  config: AppConfig;
  session: SessionStore;
  api: ApiClient;
}

export function createServices(config: AppConfig): AppServices {
  const session = new SessionStore(config.auth);
  return { config, session, api: new ApiClient(config.apiUrl, session) };
}

const ServicesContext = createContext<AppServices | null>(null);

export function ServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): AppServices {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices outside ServicesProvider');
  return s;
}

/** The current session; re-renders when it starts, refreshes or ends. */
export function useSession(): Session | null {
  const { session } = useServices();
  return useSyncExternalStore(
    (onChange) => session.subscribe(onChange),
    () => session.current,
  );
}

/** Whether the API sent this admin to enrol an authenticator (MFA_REQUIRED that a check did not lift). */
export function useMfaRequired(): boolean {
  const { session } = useServices();
  return useSyncExternalStore(
    (onChange) => session.subscribe(onChange),
    () => session.mfaRequired,
  );
}
