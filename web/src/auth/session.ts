/** The signed-in user, kept in sessionStorage: it ends with the tab, and no cookie carries it. */
export interface Session {
  token: string;
  expiresAt: string;
  username: string;
  name: string;
  roles: string[];
}

const KEY = 'shifosi.console.session';

export function loadSession(
  storage: Pick<Storage, 'getItem'> = sessionStorage,
  now = Date.now(),
): Session | undefined {
  const raw = storage.getItem(KEY);
  if (!raw) return undefined;
  try {
    const session = JSON.parse(raw) as Session;
    return Date.parse(session.expiresAt) > now ? session : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session | undefined): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
}
