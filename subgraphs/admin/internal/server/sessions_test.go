package server_test

import (
	"context"
	"testing"
	"time"

	"github.com/purra/supergraph/subgraphs/admin/seed"
)

const sessionsQuery = `query($adminId: ID) { adminSessions(adminId: $adminId) { id adminId device ip createdAt lastSeenAt expiresAt revokedAt active current } }`
const revokeMutation = `mutation($id: ID!) { revokeAdminSession(id: $id) { id adminId revokedAt active current } }`

func (e *env) sessions(authz string, adminID any) ([]session, string) {
	e.t.Helper()
	var out struct{ AdminSessions []session }
	resp := e.do(authz, sessionsQuery, map[string]any{"adminId": adminID}, &out)
	return out.AdminSessions, resp.Code()
}

// An admin lists and revokes their own sessions; a revoked session's token
// is refused (by a verifier checking revocations in Redis); another admin's
// sessions need admins:manage; logout ends the caller's session.
func TestSessionsListAndRevoke(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	laptop, resp := e.loginAs(req{ua: "laptop"}, "meera@purra.in", seed.Password)
	ok(t, resp)
	phone, resp := e.loginAs(req{ua: "phone"}, "meera@purra.in", seed.Password)
	ok(t, resp)
	meeraLaptop, meeraPhone := bearer(laptop.AccessToken), bearer(phone.AccessToken)

	list, code := e.sessions(meeraLaptop, nil)
	if code != "" || len(list) != 2 || list[0].ID != phone.Session.ID || list[1].ID != laptop.Session.ID {
		t.Fatalf("sessions = %+v (%s)", list, code)
	}
	if list[0].Current || !list[1].Current || list[1].Device != "laptop" || !list[0].Active {
		t.Fatalf("current/device/active wrong: %+v", list)
	}
	// Her own id is the same as none.
	if own, code := e.sessions(meeraLaptop, seed.MeeraID); code != "" || len(own) != 2 {
		t.Fatalf("own sessions by id = %+v (%s)", own, code)
	}

	// Another admin's sessions and revoking them need admins:manage.
	arjun, resp := e.loginAs(req{}, "arjun@purra.in", seed.Password)
	ok(t, resp)
	if _, code := e.sessions(meeraLaptop, seed.ArjunID); code != "FORBIDDEN" {
		t.Fatalf("Meera listing Arjun's sessions: %s", code)
	}
	wantErr(t, e.do(meeraLaptop, revokeMutation, map[string]any{"id": arjun.Session.ID}, nil), "FORBIDDEN", "", "")
	ok(t, e.do(bearer(arjun.AccessToken), `{ adminMe { id } }`, nil, nil)) // still works

	// Meera revokes her phone session from her laptop.
	var rev struct{ RevokeAdminSession session }
	ok(t, e.do(meeraLaptop, revokeMutation, map[string]any{"id": phone.Session.ID}, &rev))
	if rev.RevokeAdminSession.RevokedAt == nil || rev.RevokeAdminSession.Active {
		t.Fatalf("revoked = %+v", rev.RevokeAdminSession)
	}
	wantErr(t, e.do(meeraPhone, `{ adminMe { id } }`, nil, nil), "UNAUTHENTICATED", "", "TOKEN_INVALID")
	if _, err := e.verifier.Verify(context.Background(), phone.AccessToken); err == nil {
		t.Fatal("a revoked session's token still verifies")
	}
	ok(t, e.do(meeraLaptop, `{ adminMe { id } }`, nil, nil))
	// Revoking again changes nothing and audits nothing more.
	audits := count(t, e.d.DB, `SELECT count(*) FROM outbox WHERE envelope->'payload'->>'action' = 'session.revoke'`)
	ok(t, e.do(meeraLaptop, revokeMutation, map[string]any{"id": phone.Session.ID}, &rev))
	if again := count(t, e.d.DB, `SELECT count(*) FROM outbox WHERE envelope->'payload'->>'action' = 'session.revoke'`); again != audits || audits != 1 {
		t.Fatalf("session.revoke audits = %d then %d, want 1 and 1", audits, again)
	}

	// Priya (admins:manage) lists and revokes Arjun's session.
	priya := e.login("priya@purra.in")
	if list, code := e.sessions(priya, seed.ArjunID); code != "" || len(list) != 1 || list[0].ID != arjun.Session.ID {
		t.Fatalf("Priya listing Arjun's sessions: %+v (%s)", list, code)
	}
	ok(t, e.do(priya, revokeMutation, map[string]any{"id": arjun.Session.ID}, nil))
	wantErr(t, e.do(bearer(arjun.AccessToken), `{ adminMe { id } }`, nil, nil), "UNAUTHENTICATED", "", "")
	if n := count(t, e.d.DB, `SELECT count(*) FROM outbox WHERE envelope->'payload'->>'action' = 'session.revoke'
		AND envelope->'payload'->>'permission' = 'admins:manage' AND envelope->'payload'->>'adminId' = $1`, seed.PriyaID); n != 1 {
		t.Fatalf("Priya's revocation audits = %d", n)
	}

	// Unknown and malformed ids are NOT_FOUND.
	wantErr(t, e.do(priya, revokeMutation, map[string]any{"id": "01937a00-0000-7000-8000-00000000dead"}, nil), "NOT_FOUND", "", "")
	wantErr(t, e.do(priya, revokeMutation, map[string]any{"id": "nope"}, nil), "NOT_FOUND", "", "")
	if _, code := e.sessions(priya, "01937a00-0000-7000-8000-00000000dead"); code != "NOT_FOUND" {
		t.Fatalf("sessions of an unknown admin: %s", code)
	}

	// Logout ends the laptop session too.
	var out struct{ AdminLogout struct{ LoggedOut bool } }
	ok(t, e.do(meeraLaptop, `mutation { adminLogout { loggedOut } }`, nil, &out))
	if !out.AdminLogout.LoggedOut {
		t.Fatal("loggedOut = false")
	}
	wantErr(t, e.do(meeraLaptop, `{ adminMe { id } }`, nil, nil), "UNAUTHENTICATED", "", "")
	if n := count(t, e.d.DB, `SELECT count(*) FROM admin_sessions WHERE admin_id = $1 AND revoked_at IS NULL`, seed.MeeraID); n != 0 {
		t.Fatalf("Meera's live sessions = %d", n)
	}
	// Without a token: UNAUTHENTICATED; with a shopper's: FORBIDDEN.
	wantErr(t, e.do("", `mutation { adminLogout { loggedOut } }`, nil, nil), "UNAUTHENTICATED", "", "")
	wantErr(t, e.do(e.shopper(), `mutation { adminLogout { loggedOut } }`, nil, nil), "FORBIDDEN", "", "")
	if _, code := e.sessions(e.shopper(), nil); code != "FORBIDDEN" {
		t.Fatalf("shopper listing sessions: %s", code)
	}
}

// lastSeenAt moves on authenticated requests, at most once a minute.
func TestSessionLastSeen(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	s, resp := e.loginAs(req{}, "kavya@purra.in", seed.Password)
	ok(t, resp)
	lastSeen := func() time.Time {
		var at time.Time
		if err := e.d.DB.QueryRow(context.Background(), `SELECT last_seen_at FROM admin_sessions WHERE id = $1`, s.Session.ID).Scan(&at); err != nil {
			t.Fatal(err)
		}
		return at
	}
	first := lastSeen()
	ok(t, e.do(bearer(s.AccessToken), `{ adminMe { id } }`, nil, nil))
	if got := lastSeen(); !got.Equal(first) {
		t.Fatalf("lastSeenAt moved within a minute: %s → %s", first, got)
	}
	// Pretend the session was last seen two minutes ago, in the database and in
	// this instance's memory (a fresh instance would know nothing either).
	old := first.Add(-2 * time.Minute)
	if _, err := e.d.DB.Exec(context.Background(), `UPDATE admin_sessions SET last_seen_at = $2 WHERE id = $1`, s.Session.ID, old); err != nil {
		t.Fatal(err)
	}
	e2 := e.restart()
	ok(t, e2.do(bearer(s.AccessToken), `{ adminMe { id } }`, nil, nil))
	if got := lastSeen(); !got.After(old.Add(time.Minute)) {
		t.Fatalf("lastSeenAt = %s, want now (was %s)", got, old)
	}
}
