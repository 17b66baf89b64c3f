// The signed-in staff member, loaded from /api/v1/auth/me once per visit to the staff console.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { CurrentUser, LoginInput, LoginResponse, StaffUser } from '../../contracts/accounts.ts';

export type SessionState =
  | { status: 'loading'; user: null }
  | { status: 'anonymous'; user: null; error?: ApiError; signedOut?: boolean }
  | { status: 'signed-in'; user: StaffUser };

export interface SessionApi {
  session: SessionState;
  refresh(): Promise<void>;
  signIn(input: SignInInput): Promise<StaffUser>;
  signOut(): Promise<void>;
}

/** The sign-in body (src/contracts/accounts.ts). */
export type SignInInput = LoginInput;

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: 'loading', user: null });

  const refresh = useCallback(async () => {
    try {
      const { user } = await api.get<CurrentUser>('/auth/me');
      setSession({ status: 'signed-in', user });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setSession({ status: 'anonymous', user: null });
      else setSession({ status: 'anonymous', user: null, error: error as ApiError });
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const signIn = useCallback(async (input: SignInInput) => {
    const result = await api.post<LoginResponse>('/auth/login', input);
    setSession({ status: 'signed-in', user: result.user });
    return result.user;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } catch (error) {
      // An expired session is already signed out; anything else is still worth clearing locally.
      if (!(error instanceof ApiError) || error.status !== 401) console.warn('logout failed', error);
    }
    setSession({ status: 'anonymous', user: null, signedOut: true });
  }, []);

  const value = useMemo(() => ({ session, refresh, signIn, signOut }), [session, refresh, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in user; only for pages behind <RequireStaff>. */
export function useStaffUser(): StaffUser {
  const { session } = useSession();
  if (session.status !== 'signed-in') throw new Error('useStaffUser outside a signed-in area');
  return session.user;
}
