package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/platform/servicetest"
	"github.com/purra/supergraph/subgraphs/admin/internal/app"
	"github.com/purra/supergraph/subgraphs/admin/internal/server"
	"github.com/purra/supergraph/subgraphs/admin/seed"
)

// env is the admin subgraph served as in production, seeded, on a fresh
// database and the real Redis. Its verifier trusts the subgraph's own JWKS
// route (so adminLogin's tokens work on the next request) and the
// servicetest issuer (shopper tokens), and checks revocations in Redis with
// a tiny cache so a revoked session is refused at once.
type env struct {
	t        *testing.T
	d        *service.Deps
	h        http.Handler
	iss      *servicetest.Issuer
	verifier *auth.Verifier
	signer   *auth.Signer
}

func newEnv(t *testing.T) *env {
	t.Helper()
	spec := server.Spec()
	iss := servicetest.NewIssuer(t)
	d := servicetest.Deps(t, spec, iss)

	var served atomic.Pointer[http.Handler]
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h := served.Load(); h != nil {
			(*h).ServeHTTP(w, r)
			return
		}
		http.Error(w, "starting", http.StatusServiceUnavailable)
	}))
	t.Cleanup(srv.Close)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	v, err := auth.NewVerifier(ctx, []string{srv.URL + server.JWKSPath, iss.JWKSURL}, []string{server.Issuer, "purra-users"})
	if err != nil {
		t.Fatal(err)
	}
	rev := auth.NewRevocations(d.Cache.Redis(), d.Log)
	rev.CacheFor = time.Millisecond
	v.Revoked = rev.Revoked
	d.Verifier = v
	if err := spec.Seed(ctx, d); err != nil {
		t.Fatalf("seed: %v", err)
	}
	_, h := servicetest.Serve(t, spec, d)
	served.Store(&h)

	signer, err := auth.LoadSigner(ctx, d.DB, server.Issuer, app.AccessTokenTTL, servicetest.KeyEncryption(t))
	if err != nil {
		t.Fatal(err)
	}
	// Warm the verifier's key cache (its first fetch ran before the route existed).
	tok, _, err := signer.Issue(seed.PriyaID, auth.RoleAdmin, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.Verify(ctx, tok); err != nil {
		t.Fatalf("the subgraph's JWKS route does not verify its own tokens: %v", err)
	}
	return &env{t: t, d: d, h: h, iss: iss, verifier: v, signer: signer}
}

// req is one GraphQL request with optional headers and context.
type req struct {
	auth string // "Bearer …"
	xff  string // X-Forwarded-For
	ua   string // User-Agent
	ctx  context.Context
}

// gql posts query to the handler (like servicetest.Do, plus headers and a context).
func (e *env) gql(r req, query string, vars map[string]any, out any) servicetest.Response {
	e.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	hr := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	if r.ctx != nil {
		hr = hr.WithContext(r.ctx)
	}
	hr.Header.Set("Content-Type", "application/json")
	if r.auth != "" {
		hr.Header.Set("Authorization", r.auth)
	}
	if r.xff != "" {
		hr.Header.Set("X-Forwarded-For", r.xff)
	}
	if r.ua != "" {
		hr.Header.Set("User-Agent", r.ua)
	}
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, hr)
	if rec.Code != http.StatusOK && rec.Code != http.StatusUnprocessableEntity {
		e.t.Fatalf("graphql status %d: %s", rec.Code, rec.Body.String())
	}
	var resp servicetest.Response
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
		e.t.Fatalf("decode graphql response: %v: %s", err, rec.Body.String())
	}
	if out != nil && len(resp.Data) > 0 && string(resp.Data) != "null" {
		if err := json.Unmarshal(resp.Data, out); err != nil {
			e.t.Fatalf("decode data: %v: %s", err, resp.Data)
		}
	}
	return resp
}

// do is gql with just an Authorization header ("" for none).
func (e *env) do(authz, query string, vars map[string]any, out any) servicetest.Response {
	e.t.Helper()
	return e.gql(req{auth: authz}, query, vars, out)
}

// ok fails the test if resp has errors.
func ok(t *testing.T, resp servicetest.Response) {
	t.Helper()
	if len(resp.Errors) > 0 {
		t.Fatalf("unexpected errors: %+v", resp.Errors)
	}
}

// wantErr fails unless resp's first error has code (and field/reason when given).
func wantErr(t *testing.T, resp servicetest.Response, code, field, reason string) {
	t.Helper()
	if len(resp.Errors) == 0 {
		t.Fatalf("want %s error, got data %s", code, resp.Data)
	}
	ext := resp.Errors[0].Extensions
	if resp.Code() != code {
		t.Fatalf("code = %q, want %q (%+v)", resp.Code(), code, resp.Errors)
	}
	if field != "" && ext["field"] != field {
		t.Fatalf("field = %v, want %q (%+v)", ext["field"], field, resp.Errors)
	}
	if reason != "" && ext["reason"] != reason {
		t.Fatalf("reason = %v, want %q (%+v)", ext["reason"], reason, resp.Errors)
	}
}

// count runs a count(*) query.
func count(t *testing.T, db *pgxpool.Pool, sql string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(context.Background(), sql, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return n
}

// rows counts the rows of the tables a refused request must not touch.
func (e *env) rows() map[string]int {
	e.t.Helper()
	out := map[string]int{}
	for _, table := range []string{"admin_users", "admin_user_roles", "admin_roles", "admin_role_permissions", "admin_sessions", "outbox"} {
		out[table] = count(e.t, e.d.DB, "SELECT count(*) FROM "+table)
	}
	var changed time.Time
	if err := e.d.DB.QueryRow(context.Background(), `SELECT greatest(
		(SELECT max(updated_at) FROM admin_users), (SELECT max(updated_at) FROM admin_roles))`).Scan(&changed); err != nil {
		e.t.Fatal(err)
	}
	out["last change (unix µs)"] = int(changed.UnixMicro())
	return out
}

func bearer(token string) string { return "Bearer " + token }

const loginMutation = `mutation($input: AdminLoginInput!) { adminLogin(input: $input) {
	accessToken expiresAt
	session { id adminId device ip createdAt lastSeenAt expiresAt revokedAt active current }
	admin { id name email active roles { id name } permissions } } }`

type session struct {
	ID         string     `json:"id"`
	AdminID    string     `json:"adminId"`
	Device     string     `json:"device"`
	IP         string     `json:"ip"`
	CreatedAt  time.Time  `json:"createdAt"`
	LastSeenAt time.Time  `json:"lastSeenAt"`
	ExpiresAt  time.Time  `json:"expiresAt"`
	RevokedAt  *time.Time `json:"revokedAt"`
	Active     bool       `json:"active"`
	Current    bool       `json:"current"`
}

type adminUser struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Email  string `json:"email"`
	Active bool   `json:"active"`
	Roles  []struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"roles"`
	Permissions []string `json:"permissions"`
}

type signedIn struct {
	AccessToken string    `json:"accessToken"`
	ExpiresAt   time.Time `json:"expiresAt"`
	Session     session   `json:"session"`
	Admin       adminUser `json:"admin"`
}

// loginAs signs in with r's headers.
func (e *env) loginAs(r req, email, pw string) (signedIn, servicetest.Response) {
	e.t.Helper()
	var out struct{ AdminLogin signedIn }
	resp := e.gql(r, loginMutation, map[string]any{"input": map[string]any{"email": email, "password": pw}}, &out)
	return out.AdminLogin, resp
}

// login signs a seed admin in and returns the Authorization header value.
func (e *env) login(email string) string {
	e.t.Helper()
	s, resp := e.loginAs(req{}, email, seed.Password)
	ok(e.t, resp)
	return bearer(s.AccessToken)
}

// shopper returns a verified shopper (CUSTOMER) token from the users issuer.
func (e *env) shopper() string {
	return e.iss.Token(e.t, "01937a00-0000-7000-8000-000000000001", "CUSTOMER")
}

// restart serves a new instance of the subgraph on the same dependencies
// (its in-memory state starts empty, as after a deploy).
func (e *env) restart() *env {
	e.t.Helper()
	d := *e.d
	d.Registry = prometheus.NewRegistry() // a new process, new metrics…
	consumer := *e.d.Consumer             // … and its own consumer, whose handlers Build registers
	consumer.Reset()
	d.Consumer = &consumer
	_, h := servicetest.Serve(e.t, server.Spec(), &d)
	c := *e
	c.h = h
	return &c
}
