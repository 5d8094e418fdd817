// The signed-in shopper's tokens, kept in localStorage so a reload stays
// signed in and every tab shares one session (a tab that refreshes the tokens
// publishes the rotated pair to the others through the storage event; two
// tabs presenting the same refresh token would look like token theft to the
// users subgraph, which ends the session).
export type SessionUser = { id: string; name: string; email?: string | null; role: string };
export type Session = {
  accessToken: string;
  /** ISO time the access token stops working. */
  expiresAt: string;
  refreshToken: string;
  user: SessionUser;
};

type Listener = () => void;
const KEY = 'purra.session';
const listeners = new Set<Listener>();
let current: Session | null = read();
/** Why the last session ended when the shopper did not ask for it (e.g. BANNED). */
let endedReason: string | null = null;

function read(): Session | null {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

function emit() {
  for (const l of listeners) l();
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key !== KEY) return;
    current = read();
    emit();
  });
}

export const session = {
  get: (): Session | null => current,
  endedReason: (): string | null => endedReason,
  set(next: Session) {
    current = next;
    endedReason = null;
    globalThis.localStorage?.setItem(KEY, JSON.stringify(next));
    emit();
  },
  /** Forget the session; reason is shown to the shopper when they did not sign out themselves. */
  clear(reason: string | null = null) {
    current = null;
    endedReason = reason;
    globalThis.localStorage?.removeItem(KEY);
    emit();
  },
  subscribe(l: Listener): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  /** True when the access token expires within marginMs: refresh before sending. */
  expiresSoon(marginMs = 60_000, now = Date.now()): boolean {
    return !!current && new Date(current.expiresAt).getTime() - now < marginMs;
  },
};
