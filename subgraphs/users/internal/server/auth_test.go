package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/servicetest"
	"github.com/purra/supergraph/subgraphs/users/internal/server"
)

const meQuery = `{ me { id name email phone gstin role createdAt addresses { id } } }`

type meData struct {
	Me *struct {
		ID        string    `json:"id"`
		Name      string    `json:"name"`
		Email     *string   `json:"email"`
		Phone     *string   `json:"phone"`
		Gstin     *string   `json:"gstin"`
		Role      string    `json:"role"`
		CreatedAt time.Time `json:"createdAt"`
		Addresses []struct {
			ID string `json:"id"`
		} `json:"addresses"`
	} `json:"me"`
}

func TestRegisterLoginMe(t *testing.T) {
	t.Parallel()
	e := newEnv(t)

	reg := e.register("  Rahul Sharma ", " Rahul.Sharma@Example.IN ")
	if reg.User.Name != "Rahul Sharma" || *reg.User.Email != "rahul.sharma@example.in" || *reg.User.Phone != "+919876543210" || reg.User.Role != "CUSTOMER" {
		t.Fatalf("registered user = %+v", reg.User)
	}
	if reg.AccessToken == "" || reg.RefreshToken == "" {
		t.Fatal("register returned no tokens")
	}
	if d := time.Until(reg.ExpiresAt); d < 14*time.Minute || d > 15*time.Minute+time.Second {
		t.Fatalf("access token expires in %v, want 15m", d)
	}
	if d := time.Until(reg.RefreshTokenExpiresAt); d < 29*24*time.Hour || d > 30*24*time.Hour+time.Second {
		t.Fatalf("refresh token expires in %v, want 30 days", d)
	}
	// The password is stored only as an argon2id hash.
	var hash string
	if err := e.d.DB.QueryRow(context.Background(), `SELECT password_hash FROM users WHERE id = $1`, reg.User.ID).Scan(&hash); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(hash, "$argon2id$") || strings.Contains(hash, password) {
		t.Fatalf("password_hash = %q", hash)
	}

	// Login with any case of the email.
	login, resp := e.login("RAHUL.SHARMA@example.in", password)
	ok(t, resp)
	if login.User.ID != reg.User.ID || login.RefreshToken == reg.RefreshToken {
		t.Fatalf("login = %+v", login)
	}

	var me meData
	ok(t, e.do(bearer(login.AccessToken), meQuery, nil, &me))
	if me.Me == nil || me.Me.ID != reg.User.ID || *me.Me.Email != "rahul.sharma@example.in" || me.Me.Gstin != nil {
		t.Fatalf("me = %+v", me.Me)
	}
	if me.Me.Addresses == nil || len(me.Me.Addresses) != 0 {
		t.Fatalf("a new user's addresses = %v, want []", me.Me.Addresses)
	}

	// The access token carries the role as role claim and scope.
	id, err := e.d.Verifier.Verify(context.Background(), login.AccessToken)
	if err != nil || id.Subject != reg.User.ID || id.Role != "CUSTOMER" || !id.Has("CUSTOMER") || len(id.Scopes) != 1 {
		t.Fatalf("identity = %+v, %v", id, err)
	}
}

func TestRegisterRetailerNeedsValidGSTIN(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	in := registration("Amit Patel", "amit@example.in")
	in["role"] = "RETAILER"
	wantErr(t, e.do("", registerMutation, map[string]any{"input": in}, nil), "BAD_USER_INPUT", "gstin", "")

	in["gstin"] = "24abcpp1234f1z6"
	var out struct{ Register authPayload }
	ok(t, e.do("", registerMutation, map[string]any{"input": in}, &out))
	var me meData
	ok(t, e.do(bearer(out.Register.AccessToken), meQuery, nil, &me))
	if me.Me.Role != "RETAILER" || me.Me.Gstin == nil || *me.Me.Gstin != "24ABCPP1234F1Z6" {
		t.Fatalf("retailer = %+v", me.Me)
	}
}

// Every invalid registration is refused with BAD_USER_INPUT naming the
// field, and writes nothing: no user, no token, no event.
func TestRegisterBadInputWritesNothing(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	cases := []struct {
		name  string
		mod   func(map[string]any)
		field string
	}{
		{"wrong email", func(in map[string]any) { in["email"] = "rahul@purra" }, "email"},
		{"weak password: short", func(in map[string]any) { in["password"] = "abc123" }, "password"},
		{"weak password: no digit", func(in map[string]any) { in["password"] = "onlyletters" }, "password"},
		{"password is the email", func(in map[string]any) { in["email"] = "abc12345@x.in"; in["password"] = "ABC12345@x.in" }, "password"},
		{"password 129 chars", func(in map[string]any) { in["password"] = strings.Repeat("a1", 64) + "b" }, "password"},
		{"phone not +91", func(in map[string]any) { in["phone"] = "+1 415 555 0100" }, "phone"},
		{"phone not mobile", func(in map[string]any) { in["phone"] = "022 2345 6789" }, "phone"},
		{"10 KB name", func(in map[string]any) { in["name"] = strings.Repeat("x", 10<<10) }, "name"},
		{"empty name", func(in map[string]any) { in["name"] = "  " }, "name"},
		{"control characters", func(in map[string]any) { in["name"] = "Rahul\x00Sharma" }, "name"},
		{"invalid GSTIN checksum", func(in map[string]any) { in["role"] = "RETAILER"; in["gstin"] = "29AAACR5055K1Z5" }, "gstin"},
		{"GSTIN bad state", func(in map[string]any) { in["role"] = "RETAILER"; in["gstin"] = "45AAPFU0939F1ZV" }, "gstin"},
	}
	before := e.rows()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := registration("Rahul Sharma", "rahul@example.in")
			c.mod(in)
			wantErr(t, e.do("", registerMutation, map[string]any{"input": in}, nil), "BAD_USER_INPUT", c.field, "")
		})
	}
	// OWNER is not a registration role: the schema refuses it.
	in := registration("Rahul Sharma", "rahul@example.in")
	in["role"] = "OWNER"
	resp := e.do("", registerMutation, map[string]any{"input": in}, nil)
	if resp.Code() != "GRAPHQL_VALIDATION_FAILED" && resp.Code() != "BAD_USER_INPUT" {
		t.Fatalf("role OWNER: %+v", resp.Errors)
	}
	if after := e.rows(); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatalf("bad input wrote rows: before %v after %v", before, after)
	}
}

type outboxRow struct {
	Key      string
	Type     string
	Envelope struct {
		Type        string          `json:"type"`
		Version     int             `json:"version"`
		AggregateID string          `json:"aggregateId"`
		Actor       string          `json:"actor"`
		Payload     json.RawMessage `json:"payload"`
	}
}

func outboxRows(t *testing.T, e *env, typ string) []outboxRow {
	t.Helper()
	rows, err := e.d.DB.Query(context.Background(), `SELECT key, type, envelope FROM outbox WHERE type = $1 ORDER BY seq`, typ)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []outboxRow
	for rows.Next() {
		var r outboxRow
		var raw []byte
		if err := rows.Scan(&r.Key, &r.Type, &raw); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(raw, &r.Envelope); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

// user.registered is in the outbox if and only if the user row is: written
// with the INSERT, and absent when the INSERT fails after the event was built.
func TestUserRegisteredEventIffUserRow(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	reg := e.register("Rahul Sharma", "rahul@example.in")

	events := outboxRows(t, e, "user.registered")
	if len(events) != 1 {
		t.Fatalf("user.registered rows = %d, want 1", len(events))
	}
	ev := events[0]
	if ev.Key != reg.User.ID || ev.Envelope.AggregateID != reg.User.ID || ev.Envelope.Version != 1 || ev.Envelope.Actor != reg.User.ID {
		t.Fatalf("event = %+v", ev)
	}
	var p struct {
		UserID, Name, Email, Role string
		OccurredAt                time.Time
	}
	if err := json.Unmarshal(ev.Envelope.Payload, &p); err != nil {
		t.Fatal(err)
	}
	if p.UserID != reg.User.ID || p.Name != "Rahul Sharma" || p.Email != "rahul@example.in" || p.Role != "CUSTOMER" || p.OccurredAt.IsZero() {
		t.Fatalf("payload = %s", ev.Envelope.Payload)
	}
	if strings.Contains(string(ev.Envelope.Payload), password) || strings.Contains(string(ev.Envelope.Payload), "argon2") {
		t.Fatal("the event carries the password")
	}

	// Duplicate email in another case: CONFLICT, and neither a user nor its event.
	resp := e.do("", registerMutation, map[string]any{"input": registration("Other", "RAHUL@example.in")}, nil)
	wantErr(t, resp, "CONFLICT", "", "EMAIL_TAKEN")
	if n := count(t, e.d.DB, `SELECT count(*) FROM users`); n != 1 {
		t.Fatalf("users = %d", n)
	}
	if n := len(outboxRows(t, e, "user.registered")); n != 1 {
		t.Fatalf("user.registered rows after the duplicate = %d, want 1", n)
	}
	if n := count(t, e.d.DB, `SELECT count(*) FROM refresh_tokens`); n != 1 {
		t.Fatalf("refresh tokens = %d", n)
	}
	// Every user row has exactly one user.registered event, and vice versa.
	if n := count(t, e.d.DB, `SELECT count(*) FROM users u FULL JOIN outbox o ON o.key = u.id::text AND o.type = 'user.registered'
		WHERE u.id IS NULL OR o.id IS NULL`); n != 0 {
		t.Fatalf("%d users without event or events without user", n)
	}
}

// Two registrations of one email at the same moment: the unique index
// decides, the loser gets CONFLICT and leaves nothing behind.
func TestRegisterSameEmailConcurrently(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	const n = 5
	codes := make([]string, n)
	start := make(chan struct{}) // release all at once
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			<-start
			resp := e.do("", registerMutation, map[string]any{"input": registration(fmt.Sprint("User ", i), "race@example.in")}, nil)
			codes[i] = resp.Code()
		})
	}
	close(start)
	wg.Wait()
	won := 0
	for _, c := range codes {
		switch c {
		case "":
			won++
		case "CONFLICT":
		default:
			t.Fatalf("codes = %v", codes)
		}
	}
	if won != 1 {
		t.Fatalf("%d registrations succeeded: %v", won, codes)
	}
	if u, o := count(t, e.d.DB, `SELECT count(*) FROM users`), len(outboxRows(t, e, "user.registered")); u != 1 || o != 1 {
		t.Fatalf("users = %d, user.registered = %d", u, o)
	}
}

func TestLoginWrongCredentialsLookTheSame(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.register("Rahul Sharma", "rahul@example.in")

	_, wrongPassword := e.login("rahul@example.in", "Wrong12345")
	_, unknownEmail := e.login("nobody@example.in", password)
	wantErr(t, wrongPassword, "UNAUTHENTICATED", "", "INVALID_CREDENTIALS")
	wantErr(t, unknownEmail, "UNAUTHENTICATED", "", "INVALID_CREDENTIALS")
	if wrongPassword.Errors[0].Message != unknownEmail.Errors[0].Message {
		t.Fatalf("messages differ: %q vs %q", wrongPassword.Errors[0].Message, unknownEmail.Errors[0].Message)
	}
	if n := count(t, e.d.DB, `SELECT count(*) FROM refresh_tokens`); n != 1 {
		t.Fatalf("failed logins stored refresh tokens: %d", n)
	}
}

// burst sends n logins at once and tallies the error codes. The limiter
// runs before the (slow) password check, so all n reach it within
// milliseconds: well inside the minute even under the race detector.
func burst(e *env, n int, login func(i int) servicetest.Response) map[string]int {
	var mu sync.Mutex
	tally := map[string]int{}
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			code := login(i).Code()
			mu.Lock()
			tally[code]++
			mu.Unlock()
		})
	}
	wg.Wait()
	return tally
}

func TestLoginRateLimitPerEmail(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.register("Rahul Sharma", "rahul@example.in")
	login := func(i int, pw string) servicetest.Response {
		// A different IP each time: only the per-email limit applies.
		return e.gql(req{xff: fmt.Sprintf("198.51.100.%d", i)}, loginMutation,
			map[string]any{"input": map[string]any{"email": "Rahul@example.in", "password": pw}}, nil)
	}
	tally := burst(e, 14, func(i int) servicetest.Response { return login(i, "Wrong12345") })
	// 10 per minute; GCRA may hand back one unit during the burst.
	if tally["UNAUTHENTICATED"] < 10 || tally["UNAUTHENTICATED"] > 11 || tally["RATE_LIMITED"] < 3 || len(tally) != 2 {
		t.Fatalf("codes = %v, want 10 UNAUTHENTICATED and the rest RATE_LIMITED", tally)
	}
	// Spent: even the right password is refused now.
	wantErr(t, login(100, password), "RATE_LIMITED", "", "")
	// Other accounts are not affected.
	e.register("Other", "other@example.in")
	_, resp := e.login("other@example.in", password)
	ok(t, resp)
}

func TestLoginRateLimitPerIP(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	login := func(ip string, i int) servicetest.Response {
		return e.gql(req{xff: ip + ", 10.0.0.1"}, loginMutation,
			map[string]any{"input": map[string]any{"email": fmt.Sprintf("guess%d@example.in", i), "password": "Guess12345"}}, nil)
	}
	tally := burst(e, 36, func(i int) servicetest.Response { return login("203.0.113.7", i) })
	if tally["UNAUTHENTICATED"] < 30 || tally["UNAUTHENTICATED"] > 31 || tally["RATE_LIMITED"] < 5 || len(tally) != 2 {
		t.Fatalf("codes = %v, want 30 UNAUTHENTICATED and the rest RATE_LIMITED", tally)
	}
	// Another client IP has its own budget.
	wantErr(t, login("203.0.113.8", 99), "UNAUTHENTICATED", "", "INVALID_CREDENTIALS")
}

func TestMeNeedsAValidToken(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	reg := e.register("Rahul Sharma", "rahul@example.in")

	wantErr(t, e.do("", meQuery, nil, nil), "UNAUTHENTICATED", "", "")
	wantErr(t, e.do("Bearer garbage", meQuery, nil, nil), "UNAUTHENTICATED", "", "TOKEN_INVALID")
	wantErr(t, e.do(reg.AccessToken, meQuery, nil, nil), "UNAUTHENTICATED", "", "TOKEN_INVALID") // no "Bearer "
	// Tampered: a valid token with its payload changed.
	parts := strings.Split(reg.AccessToken, ".")
	tampered := parts[0] + "." + parts[1] + "x." + parts[2]
	wantErr(t, e.do(bearer(tampered), meQuery, nil, nil), "UNAUTHENTICATED", "", "TOKEN_INVALID")

	// Expired: signed with the subgraph's own key, 15 minutes ago.
	past, err := auth.LoadSigner(context.Background(), e.d.DB, server.Issuer, -time.Minute, servicetest.KeyEncryption(t))
	if err != nil {
		t.Fatal(err)
	}
	expired, _, err := past.Issue(reg.User.ID, "CUSTOMER", nil, "")
	if err != nil {
		t.Fatal(err)
	}
	wantErr(t, e.do(bearer(expired), meQuery, nil, nil), "UNAUTHENTICATED", "", "TOKEN_EXPIRED")
	// Mutations that need a user refuse the same way.
	wantErr(t, e.do("", addAddressMutation, map[string]any{"input": addressInput()}, nil), "UNAUTHENTICATED", "", "")
	wantErr(t, e.do(bearer(expired), `mutation { applyForOwner(input: {businessName: "X", gstin: "29AABCT1234H1ZI", pan: "AABCT1234H"}) { id } }`, nil, nil),
		"UNAUTHENTICATED", "", "TOKEN_EXPIRED")

	// A verified token whose subject is no user account (an admin, say) has no "me".
	var me meData
	ok(t, e.do(e.iss.Token(t, "admin-7", "ADMIN"), meQuery, nil, &me))
	if me.Me != nil {
		t.Fatalf("me for a non-user subject = %+v", me.Me)
	}
	wantErr(t, e.do(e.iss.Token(t, "admin-7", "ADMIN"), addAddressMutation, map[string]any{"input": addressInput()}, nil), "NOT_FOUND", "", "")
}

func TestRefreshTokenRotationAndReuse(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	reg := e.register("Rahul Sharma", "rahul@example.in")
	other, resp := e.login("rahul@example.in", password) // a second, independent session
	ok(t, resp)

	refresh := func(tok string) (authPayload, servicetest.Response) {
		var out struct{ RefreshToken authPayload }
		resp := e.do("", refreshMutation, map[string]any{"t": tok}, &out)
		return out.RefreshToken, resp
	}
	r1 := reg.RefreshToken
	s2, resp := refresh(r1)
	ok(t, resp)
	if s2.RefreshToken == r1 || s2.AccessToken == "" || s2.User.ID != reg.User.ID {
		t.Fatalf("rotation = %+v", s2)
	}
	var me meData
	ok(t, e.do(bearer(s2.AccessToken), meQuery, nil, &me))
	if me.Me == nil || me.Me.ID != reg.User.ID {
		t.Fatal("the refreshed access token does not work")
	}
	s3, resp := refresh(s2.RefreshToken)
	ok(t, resp)

	// r1 again: a stolen copy. The whole family ends.
	_, resp = refresh(r1)
	wantErr(t, resp, "UNAUTHENTICATED", "", "REFRESH_TOKEN_REUSED")
	_, resp = refresh(s3.RefreshToken)
	wantErr(t, resp, "UNAUTHENTICATED", "", "REFRESH_TOKEN_REVOKED")
	if n := count(t, e.d.DB, `SELECT count(*) FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL`, reg.User.ID); n != 1 {
		t.Fatalf("live tokens = %d, want 1 (the other session)", n)
	}
	// The other sign-in is unaffected.
	_, resp = refresh(other.RefreshToken)
	ok(t, resp)

	// Unknown, garbage and oversized tokens.
	for _, tok := range []string{"", "garbage", strings.Repeat("A", 43), strings.Repeat("x", 10<<10)} {
		_, resp = refresh(tok)
		wantErr(t, resp, "UNAUTHENTICATED", "", "REFRESH_TOKEN_INVALID")
	}
}

func TestRefreshTokenExpired(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	reg := e.register("Rahul Sharma", "rahul@example.in")
	if _, err := e.d.DB.Exec(context.Background(), `UPDATE refresh_tokens SET expires_at = now() - interval '1 second'`); err != nil {
		t.Fatal(err)
	}
	wantErr(t, e.do("", refreshMutation, map[string]any{"t": reg.RefreshToken}, nil), "UNAUTHENTICATED", "", "REFRESH_TOKEN_EXPIRED")
	if n := count(t, e.d.DB, `SELECT count(*) FROM refresh_tokens`); n != 1 {
		t.Fatalf("an expired token was rotated: %d tokens", n)
	}
}

// Concurrent exchanges of one token: the row lock lets exactly one win; the
// others see a used token, which ends the family (the winner's new token too).
func TestRefreshTokenConcurrentExchange(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	reg := e.register("Rahul Sharma", "rahul@example.in")
	const n = 16
	resps := make([]servicetest.Response, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			<-start
			resps[i] = e.do("", refreshMutation, map[string]any{"t": reg.RefreshToken}, nil)
		})
	}
	close(start)
	wg.Wait()
	won := 0
	for _, r := range resps {
		switch {
		case len(r.Errors) == 0:
			won++
		case r.Errors[0].Extensions["reason"] == "REFRESH_TOKEN_REUSED":
		default:
			t.Fatalf("unexpected: %+v", r.Errors)
		}
	}
	if won != 1 {
		t.Fatalf("%d exchanges succeeded", won)
	}
	if live := count(t, e.d.DB, `SELECT count(*) FROM refresh_tokens WHERE revoked_at IS NULL`); live != 0 {
		t.Fatalf("%d tokens still live after reuse", live)
	}
	if total := count(t, e.d.DB, `SELECT count(*) FROM refresh_tokens`); total != 2 {
		t.Fatalf("tokens = %d, want the original and one successor", total)
	}
}

func TestLogout(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	reg := e.register("Rahul Sharma", "rahul@example.in")
	var out struct{ RefreshToken authPayload }
	ok(t, e.do("", refreshMutation, map[string]any{"t": reg.RefreshToken}, &out))
	current := out.RefreshToken.RefreshToken

	var lo struct{ Logout struct{ LoggedOut bool } }
	ok(t, e.do("", logoutMutation, map[string]any{"t": current}, &lo))
	if !lo.Logout.LoggedOut {
		t.Fatal("loggedOut = false")
	}
	wantErr(t, e.do("", refreshMutation, map[string]any{"t": current}, nil), "UNAUTHENTICATED", "", "REFRESH_TOKEN_REVOKED")
	if n := count(t, e.d.DB, `SELECT count(*) FROM refresh_tokens WHERE revoked_at IS NULL`); n != 0 {
		t.Fatalf("%d tokens of the family still live", n)
	}
	// Idempotent, and says nothing about unknown tokens.
	for _, tok := range []string{current, "garbage", strings.Repeat("x", 10<<10)} {
		ok(t, e.do("", logoutMutation, map[string]any{"t": tok}, &lo))
	}
}
