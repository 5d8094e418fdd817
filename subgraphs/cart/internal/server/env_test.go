package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/platform/servicetest"

	"github.com/purra/supergraph/subgraphs/cart/internal/server"
)

// env is the cart subgraph served as in production, on a fresh database and
// the real Redis, with catalog, promotions and users replaced by httptest
// servers that answer exactly what the real subgraphs answer.
type env struct {
	t          testing.TB
	d          *service.Deps
	h          http.Handler
	iss        *servicetest.Issuer
	catalog    *fake
	promotions *fake
	users      *fake
	// addresses are what the fake users subgraph returns per user id.
	addresses sync.Map // user id → []map[string]any
}

// newEnv serves the cart with the given extra environment (e.g. MAX_LINE_QUANTITY).
func newEnv(t testing.TB, settings ...string) *env {
	t.Helper()
	spec := server.Spec()
	iss := servicetest.NewIssuer(t)
	d := servicetest.Deps(t, spec, iss)
	e := &env{t: t, d: d, iss: iss}
	e.catalog = newFake(t, iss, answerCatalog)
	e.promotions = newFake(t, iss, answerQuote)
	e.users = newFake(t, iss, e.answerMe)
	vars := map[string]string{
		"CATALOG_SUBGRAPH_URL":    e.catalog.url,
		"PROMOTIONS_SUBGRAPH_URL": e.promotions.url,
		"USERS_SUBGRAPH_URL":      e.users.url,
	}
	for i := 0; i+1 < len(settings); i += 2 {
		vars[settings[i]] = settings[i+1]
	}
	d.Getenv = func(k string) string { return vars[k] }
	_, e.h = servicetest.Serve(t, spec, d)
	return e
}

// Users of the tests, with their tokens.
type shopper struct {
	id   string
	auth string
}

func (e *env) shopper(role string) shopper {
	id := uuid.Must(uuid.NewV7()).String()
	return shopper{id: id, auth: e.iss.Token(e.t, id, role)}
}

func (e *env) customer() shopper { return e.shopper("CUSTOMER") }
func (e *env) retailer() shopper { return e.shopper("RETAILER") }

// gql posts an operation to the cart's handler under ctx (nil: background).
func (e *env) gql(ctx context.Context, authz, query string, vars map[string]any, out any) servicetest.Response {
	e.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	if ctx != nil {
		req = req.WithContext(ctx)
	}
	req.Header.Set("Content-Type", "application/json")
	if authz != "" {
		req.Header.Set("Authorization", authz)
	}
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
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

func (e *env) do(s shopper, query string, vars map[string]any, out any) servicetest.Response {
	e.t.Helper()
	return e.gql(nil, s.auth, query, vars, out)
}

// must runs an operation that must succeed.
func (e *env) must(s shopper, query string, vars map[string]any, out any) {
	e.t.Helper()
	ok(e.t, e.do(s, query, vars, out))
}

func ok(t testing.TB, resp servicetest.Response) {
	t.Helper()
	if len(resp.Errors) > 0 {
		t.Fatalf("unexpected errors: %+v", resp.Errors)
	}
}

// wantErr fails unless resp's first error has code (and field/reason when given).
func wantErr(t testing.TB, resp servicetest.Response, code, field, reason string) {
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

// snapshot renders every row of the cart tables, so that a refused request
// can be shown to have written nothing (no insert, update or delete).
func (e *env) snapshot() string {
	e.t.Helper()
	var out strings.Builder
	for _, q := range []string{
		`SELECT coalesce(string_agg(id || user_id::text || coalesce(coupon_code, '-') || updated_at::text, ',' ORDER BY id), '') FROM carts`,
		`SELECT coalesce(string_agg(id || variant_id::text || quantity || updated_at::text, ',' ORDER BY id), '') FROM cart_items`,
		`SELECT coalesce(string_agg(id || user_id::text || updated_at::text, ',' ORDER BY id), '') FROM wishlists`,
		`SELECT coalesce(string_agg(id || variant_id::text, ',' ORDER BY id), '') FROM wishlist_items`,
		`SELECT count(*)::text FROM outbox`,
	} {
		var s string
		if err := e.d.DB.QueryRow(context.Background(), q).Scan(&s); err != nil {
			e.t.Fatalf("%s: %v", q, err)
		}
		out.WriteString(s + "\n")
	}
	return out.String()
}

// count runs a count(*) query.
func (e *env) count(sql string, args ...any) int {
	e.t.Helper()
	var n int
	if err := e.d.DB.QueryRow(context.Background(), sql, args...).Scan(&n); err != nil {
		e.t.Fatalf("%s: %v", sql, err)
	}
	return n
}

// fake is a stand-in for another subgraph's /graphql: it verifies the
// forwarded token like the real one would and answers with answer.
type fake struct {
	url   string
	calls atomic.Int64
	mu    sync.Mutex
	reqs  []fakeRequest
}

// fakeRequest is a request the fake received.
type fakeRequest struct {
	Query    string
	Vars     map[string]any
	Identity *auth.Identity // nil without a valid token
}

// gqlError is an error the fake answers with.
type gqlError struct {
	Message    string         `json:"message"`
	Extensions map[string]any `json:"extensions"`
}

func newFake(t testing.TB, iss *servicetest.Issuer, answer func(r fakeRequest) (any, *gqlError)) *fake {
	t.Helper()
	f := &fake{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Query     string         `json:"query"`
			Variables map[string]any `json:"variables"`
		}
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		req := fakeRequest{Query: body.Query, Vars: body.Variables}
		if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") {
			if id, err := iss.Verifier.Verify(r.Context(), strings.TrimPrefix(h, "Bearer ")); err == nil {
				req.Identity = &id
			}
		}
		f.calls.Add(1)
		f.mu.Lock()
		f.reqs = append(f.reqs, req)
		f.mu.Unlock()
		data, gerr := answer(req)
		w.Header().Set("Content-Type", "application/json")
		if gerr != nil {
			_ = json.NewEncoder(w).Encode(map[string]any{"data": nil, "errors": []*gqlError{gerr}})
			return
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"data": data})
	}))
	t.Cleanup(srv.Close)
	f.url = srv.URL + "/graphql"
	return f
}

// last returns the last request received.
func (f *fake) last(t testing.TB) fakeRequest {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.reqs) == 0 {
		t.Fatal("the fake subgraph was not called")
	}
	return f.reqs[len(f.reqs)-1]
}

func unauthenticated() *gqlError {
	return &gqlError{Message: "sign in required", Extensions: map[string]any{"code": "UNAUTHENTICATED"}}
}
