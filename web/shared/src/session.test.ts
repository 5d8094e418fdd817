import { describe, expect, it } from 'vitest';
import { session } from './session';

const user = { id: 'u1', name: 'Rahul', role: 'CUSTOMER' };

describe('session', () => {
  it('is kept in localStorage and tells listeners', () => {
    let calls = 0;
    const off = session.subscribe(() => calls++);
    session.set({ accessToken: 'a', expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(), refreshToken: 'r', user });
    expect(JSON.parse(localStorage.getItem('purra.session')!).refreshToken).toBe('r');
    expect(session.expiresSoon()).toBe(false);
    expect(session.expiresSoon(60_000, Date.now() + 14.5 * 60_000)).toBe(true); // refresh a minute before expiry
    session.clear('BANNED');
    expect(session.get()).toBeNull();
    expect(session.endedReason()).toBe('BANNED');
    expect(localStorage.getItem('purra.session')).toBeNull();
    expect(calls).toBe(2);
    off();
  });
});
