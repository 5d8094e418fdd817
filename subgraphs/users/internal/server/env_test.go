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

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/platform/servicetest"
	"github.com/purra/supergraph/subgraphs/users/internal/server"
)

// env is the users subgraph served as in production, on a fresh database
// and the real Redis. Its verifier trusts the subgraph's own JWKS route (so
// the tokens register and login issue work on the next request) and the
// servicetest issuer (for tokens with arbitrary subjects).
type env struct {
	t      *testing.T
	d      *service.Deps
	sg     *service.Subgraph
	h      http.Handler
	iss    *servicetest.Issuer
	signer *auth.Signer // the subgraph's own key, loaded from its database
	url    string       // the subgraph served over HTTP
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
	v, err := auth.NewVerifier(ctx, []string{srv.URL + server.JWKSPath, iss.AdminJWKSURL}, []string{server.Issuer, auth.IssuerAdmin})
	if err != nil {
		t.Fatal(err)
	}
	// Bans reach the verifier through Redis as in production, without the
	// 20 s memory (tests look right after a ban).
	rev := auth.NewRevocations(d.Cache.Redis(), d.Log)
	rev.CacheFor = 0
	v.Revoked = rev.Revoked
	d.Verifier = v
	sg, h := servicetest.Serve(t, spec, d)
	served.Store(&h)

	signer, err := auth.LoadSigner(ctx, d.DB, server.Issuer, server.AccessTokenTTL, servicetest.KeyEncryption(t))
	if err != nil {
		t.Fatal(err)
	}
	// Warm the verifier's key cache (its first fetch ran before the route existed).
	tok, _, err := signer.Issue(uuid.NewString(), "CUSTOMER", nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.Verify(ctx, tok); err != nil {
		t.Fatalf("the subgraph's JWKS route does not verify its own tokens: %v", err)
	}
	return &env{t: t, d: d, sg: sg, h: h, iss: iss, signer: signer, url: srv.URL}
}

// req is one GraphQL request with optional headers and context.
type req struct {
	auth string // "Bearer …"
	xff  string // X-Forwarded-For
	ctx  context.Context
}

// gql posts query to the handler (like servicetest.Do, plus headers and a
// context, e.g. one counting SQL queries).
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

// rows counts the rows of the tables a bad request must not touch.
func (e *env) rows() map[string]int {
	e.t.Helper()
	out := map[string]int{}
	for _, table := range []string{"users", "addresses", "owners", "refresh_tokens", "outbox", "users WHERE banned_at IS NOT NULL",
		"refresh_tokens WHERE revoked_at IS NOT NULL", "owners WHERE status <> 'PENDING'"} {
		out[table] = count(e.t, e.d.DB, "SELECT count(*) FROM "+table)
	}
	return out
}

func bearer(token string) string { return "Bearer " + token }

const authFields = `accessToken expiresAt refreshToken refreshTokenExpiresAt user { id name email phone role createdAt }`

type authPayload struct {
	AccessToken           string    `json:"accessToken"`
	ExpiresAt             time.Time `json:"expiresAt"`
	RefreshToken          string    `json:"refreshToken"`
	RefreshTokenExpiresAt time.Time `json:"refreshTokenExpiresAt"`
	User                  struct {
		ID    string  `json:"id"`
		Name  string  `json:"name"`
		Email *string `json:"email"`
		Phone *string `json:"phone"`
		Role  string  `json:"role"`
	} `json:"user"`
}

const registerMutation = `mutation($input: RegisterInput!) { register(input: $input) { ` + authFields + ` } }`
const loginMutation = `mutation($input: LoginInput!) { login(input: $input) { ` + authFields + ` } }`
const refreshMutation = `mutation($t: String!) { refreshToken(input: {refreshToken: $t}) { ` + authFields + ` } }`
const logoutMutation = `mutation($t: String!) { logout(input: {refreshToken: $t}) { loggedOut } }`

// Password is a valid password for test accounts.
const password = "Secret12345"

func registration(name, email string) map[string]any {
	return map[string]any{"name": name, "email": email, "phone": "+91 98765 43210", "password": password}
}

// register creates an account through the API and returns its session.
func (e *env) register(name, email string) authPayload {
	e.t.Helper()
	var out struct{ Register authPayload }
	ok(e.t, e.do("", registerMutation, map[string]any{"input": registration(name, email)}, &out))
	return out.Register
}

func (e *env) login(email, pw string) (authPayload, servicetest.Response) {
	e.t.Helper()
	var out struct{ Login authPayload }
	resp := e.do("", loginMutation, map[string]any{"input": map[string]any{"email": email, "password": pw}}, &out)
	return out.Login, resp
}
