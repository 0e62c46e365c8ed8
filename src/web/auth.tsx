import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, api, setCsrfToken, setUnauthenticatedHandler, type Permission, type Session, type SessionUser } from './api';

interface AuthValue {
  /** undefined while the first /auth/me is in flight; null when signed out. */
  session: Session | null | undefined;
  user: SessionUser | null;
  can: (p: Permission) => boolean;
  login: (username: string, password: string) => Promise<Session>;
  logout: () => Promise<void>;
  refresh: () => Promise<Session | null>;
  /** Set when a request found the session gone (idle timeout): the sign-in page explains it. */
  expired: boolean;
  /** Set after an explicit sign-out, so the app does not offer to come back to the last page. */
  signedOut: boolean;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);
  const [signedOut, setSignedOut] = useState(false);

  const adopt = useCallback((s: Session | null) => {
    setCsrfToken(s?.csrfToken ?? null);
    setSession(s);
    if (s) {
      setExpired(false);
      setSignedOut(false);
    }
    return s;
  }, []);

  const refresh = useCallback(async () => {
    try {
      return adopt(await api.quiet<Session>('GET', '/auth/me'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return adopt(null);
      throw err;
    }
  }, [adopt]);

  useEffect(() => {
    refresh().catch(() => adopt(null));
    setUnauthenticatedHandler(() => {
      setExpired(true);
      adopt(null);
    });
    return () => setUnauthenticatedHandler(null);
  }, [refresh, adopt]);

  const login = useCallback(async (username: string, password: string) => {
    const s = await api.quiet<Session>('POST', '/auth/login', { username, password });
    return adopt(s)!;
  }, [adopt]);

  const logout = useCallback(async () => {
    setSignedOut(true);
    try {
      await api.quiet('POST', '/auth/logout');
    } finally {
      adopt(null);
    }
  }, [adopt]);

  const value = useMemo<AuthValue>(() => {
    const perms = new Set(session?.user.permissions ?? []);
    return { session, user: session?.user ?? null, can: (p) => perms.has(p), login, logout, refresh, expired, signedOut };
  }, [session, login, logout, refresh, expired, signedOut]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}
