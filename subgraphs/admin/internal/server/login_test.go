package server_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/subgraphs/admin/internal/admin"
	"github.com/purra/supergraph/subgraphs/admin/seed"
)

// A good login opens a 12 h session and returns a 15-minute token that
// verifies against the subgraph's JWKS, with role ADMIN, sid = the session
// and the permissions of the admin's roles as scopes.
func TestLoginIssuesAdminToken(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	s, resp := e.loginAs(req{xff: "203.0.113.7", ua: "Mozilla/5.0 (X11; Linux) Firefox/140.0"}, " Arjun@Purra.in ", seed.Password)
	ok(t, resp)
	if s.Admin.ID != seed.ArjunID || s.Admin.Email != "arjun@purra.in" || len(s.Admin.Roles) != 1 || s.Admin.Roles[0].Name != "SUPPORT" {
		t.Fatalf("admin = %+v", s.Admin)
	}
	wantPerms := []string{"audit:read", "orders:update", "payments:refund", "reviews:moderate", "users:ban"}
	if !slices.Equal(s.Admin.Permissions, wantPerms) {
		t.Fatalf("permissions = %v, want %v", s.Admin.Permissions, wantPerms)
	}
	if until := time.Until(s.ExpiresAt); until < 14*time.Minute || until > 16*time.Minute {
		t.Fatalf("token expires in %s, want 15 min", until)
	}
	sess := s.Session
	if sess.AdminID != seed.ArjunID || sess.IP != "203.0.113.7" || sess.Device != "Mozilla/5.0 (X11; Linux) Firefox/140.0" ||
		!sess.Active || sess.RevokedAt != nil || sess.ExpiresAt.Sub(sess.CreatedAt) != admin.SessionTTL {
		t.Fatalf("session = %+v", sess)
	}

	id, err := e.verifier.Verify(context.Background(), s.AccessToken)
	if err != nil {
		t.Fatalf("token does not verify against the JWKS route: %v", err)
	}
	if id.Subject != seed.ArjunID || id.Role != auth.RoleAdmin || id.SessionID != sess.ID {
		t.Fatalf("identity = %+v", id)
	}
	for _, p := range wantPerms {
		if !id.Has(p) {
			t.Fatalf("token scopes %v lack %s", id.Scopes, p)
		}
	}
	if id.Has(admin.ManageAdmins) || id.Has("catalog:write") {
		t.Fatalf("token carries permissions SUPPORT does not grant: %v", id.Scopes)
	}

	var me struct{ AdminMe adminUser }
	ok(t, e.do(bearer(s.AccessToken), `{ adminMe { id name email active roles { name } permissions } }`, nil, &me))
	if me.AdminMe.ID != seed.ArjunID || me.AdminMe.Name != "Arjun Mehta" || !slices.Equal(me.AdminMe.Permissions, wantPerms) {
		t.Fatalf("adminMe = %+v", me.AdminMe)
	}
	// The sign-in is audited as the session's own action, in the same transaction.
	if n := count(t, e.d.DB, `SELECT count(*) FROM outbox WHERE type = 'admin.action'
		AND envelope->'payload'->>'action' = 'session.create' AND envelope->'payload'->>'sessionId' = $1`, sess.ID); n != 1 {
		t.Fatalf("session.create audit events = %d, want 1", n)
	}
}

// Wrong password and unknown email answer the same UNAUTHENTICATED; a
// deactivated admin with the right password is FORBIDDEN; nothing is written.
func TestLoginRefusals(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	before := e.rows()
	_, wrong := e.loginAs(req{}, "priya@purra.in", "Purra@2027")
	wantErr(t, wrong, "UNAUTHENTICATED", "", "")
	_, unknown := e.loginAs(req{}, "nobody@purra.in", seed.Password)
	wantErr(t, unknown, "UNAUTHENTICATED", "", "")
	if wrong.Errors[0].Message != unknown.Errors[0].Message {
		t.Fatalf("messages differ: %q vs %q", wrong.Errors[0].Message, unknown.Errors[0].Message)
	}
	_, long := e.loginAs(req{}, "priya@purra.in", strings.Repeat("x", 10_000))
	wantErr(t, long, "BAD_USER_INPUT", "password", "")
	_, longEmail := e.loginAs(req{}, strings.Repeat("a", 10_000)+"@purra.in", seed.Password)
	wantErr(t, longEmail, "BAD_USER_INPUT", "email", "")
	if after := e.rows(); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatalf("refused logins wrote rows: %v → %v", before, after)
	}

	if _, err := e.d.DB.Exec(context.Background(), `UPDATE admin_users SET active = false WHERE id = $1`, seed.KavyaID); err != nil {
		t.Fatal(err)
	}
	_, inactive := e.loginAs(req{}, "kavya@purra.in", seed.Password)
	wantErr(t, inactive, "FORBIDDEN", "", "INACTIVE")
	// …but only with the right password: a guesser learns nothing.
	_, guess := e.loginAs(req{}, "kavya@purra.in", "Wrong12345x")
	wantErr(t, guess, "UNAUTHENTICATED", "", "")
	if n := count(t, e.d.DB, `SELECT count(*) FROM admin_sessions`); n != 0 {
		t.Fatalf("sessions = %d after refused logins", n)
	}
}

// 10 attempts a minute per email, 30 per IP. The limiter refills
// continuously (GCRA), so slow attempts (argon2 under -race) may earn an
// extra one or two: the test asks for the burst to pass and the limit to
// bite soon after.
func TestLoginRateLimits(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	attempt := func(ip, email, pw string) string {
		_, resp := e.loginAs(req{xff: ip}, email, pw)
		return resp.Code()
	}
	limitedAfter := func(max int, try func(i int) string) int {
		for i := range max {
			switch code := try(i); code {
			case "RATE_LIMITED":
				return i
			case "UNAUTHENTICATED", "":
			default:
				t.Fatalf("attempt %d: code %s", i, code)
			}
		}
		t.Fatalf("not limited after %d attempts", max)
		return 0
	}
	n := limitedAfter(16, func(i int) string { return attempt(fmt.Sprintf("198.51.100.%d", i+1), "meera@purra.in", "Wrong12345x") })
	if n < 10 {
		t.Fatalf("email limited after %d attempts, want at least 10", n)
	}
	// Limited even with the right password and from a new IP; another email is not affected.
	if code := attempt("198.51.100.200", "MEERA@purra.in", seed.Password); code != "RATE_LIMITED" {
		t.Fatalf("code = %q, want RATE_LIMITED", code)
	}
	if code := attempt("198.51.100.201", "arjun@purra.in", seed.Password); code != "" {
		t.Fatalf("another email: code %q", code)
	}

	n = limitedAfter(45, func(i int) string { return attempt("192.0.2.50", fmt.Sprintf("someone%d@purra.in", i), "Wrong12345x") })
	if n < 30 {
		t.Fatalf("IP limited after %d attempts, want at least 30", n)
	}
	if code := attempt("192.0.2.50", "priya@purra.in", seed.Password); code != "RATE_LIMITED" {
		t.Fatalf("code = %q, want RATE_LIMITED", code)
	}
	if code := attempt("192.0.2.51", "priya@purra.in", seed.Password); code != "" {
		t.Fatalf("another IP: code %q", code)
	}
}
