package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/platform/servicetest"

	"github.com/purra/supergraph/subgraphs/reviews/internal/server"
)

// env is the reviews subgraph served as in production, on a fresh database
// and the real Redis, with catalog replaced by an httptest server that
// answers _entities(ProductVariant { product { id } }) as catalog does.
type env struct {
	t       testing.TB
	d       *service.Deps
	h       http.Handler
	iss     *servicetest.Issuer
	catalog *fakeCatalog
}

func newEnv(t testing.TB) *env {
	t.Helper()
	spec := server.Spec()
	iss := servicetest.NewIssuer(t)
	d := servicetest.Deps(t, spec, iss)
	e := &env{t: t, d: d, iss: iss, catalog: newFakeCatalog(t)}
	d.Getenv = func(k string) string {
		if k == "CATALOG_SUBGRAPH_URL" {
			return e.catalog.url
		}
		return ""
	}
	_, e.h = servicetest.Serve(t, spec, d)
	return e
}

// caller is a test user or admin with their token.
type caller struct {
	id   string
	auth string
}

func newID() string { return uuid.Must(uuid.NewV7()).String() }

func (e *env) customer() caller {
	id := newID()
	return caller{id: id, auth: e.iss.Token(e.t, id, "CUSTOMER")}
}

// admin is an admin token (role ADMIN) holding permissions.
func (e *env) admin(permissions ...string) caller {
	id := newID()
	return caller{id: id, auth: e.iss.Token(e.t, id, "ADMIN", permissions...)}
}

var anonymous = caller{}

// gql posts an operation to the handler under ctx (nil: background).
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

func (e *env) do(c caller, query string, vars map[string]any, out any) servicetest.Response {
	e.t.Helper()
	return e.gql(nil, c.auth, query, vars, out)
}

func (e *env) must(c caller, query string, vars map[string]any, out any) {
	e.t.Helper()
	ok(e.t, e.do(c, query, vars, out))
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

// count runs a count(*) query.
func (e *env) count(sql string, args ...any) int {
	e.t.Helper()
	var n int
	if err := e.d.DB.QueryRow(context.Background(), sql, args...).Scan(&n); err != nil {
		e.t.Fatalf("%s: %v", sql, err)
	}
	return n
}

// rows counts every row a refused request could have written.
func (e *env) rows() [4]int {
	e.t.Helper()
	return [4]int{
		e.count(`SELECT count(*) FROM reviews`),
		e.count(`SELECT count(*) FROM outbox`),
		e.count(`SELECT count(*) FROM product_ratings`),
		e.count(`SELECT count(*) FROM reviews WHERE updated_at <> created_at`),
	}
}

// deliverEnvelope is an order.status_changed event as orders publishes it.
func deliverEnvelope(t testing.TB, userID, to string, variantIDs ...string) kafka.Envelope {
	t.Helper()
	items := make([]map[string]any, len(variantIDs))
	for i, v := range variantIDs {
		items[i] = map[string]any{"variantId": v, "quantity": 1}
	}
	orderID := newID()
	payload, _ := json.Marshal(map[string]any{
		"orderId": orderID, "orderNumber": "PUR-2026-000001", "userId": userID, "from": "SHIPPED", "to": to,
		"paymentMethod": "UPI", "storeIds": []string{newID()}, "items": items, "at": time.Now().UTC(),
	})
	return kafka.Envelope{ID: newID(), Type: "order.status_changed", Version: 1, OccurredAt: time.Now().UTC(),
		AggregateID: orderID, Payload: payload}
}

// apply delivers env to the subgraph's handler as the consumer would.
func (e *env) apply(env kafka.Envelope) error {
	e.t.Helper()
	h, found := e.d.Consumer.Handler(env.Type)
	if !found {
		e.t.Fatalf("no handler for %s", env.Type)
	}
	return e.d.Consumer.Apply(context.Background(), env, h)
}

// buyer is a customer who received product (through a fresh variant of it).
func (e *env) buyer(product string) caller {
	e.t.Helper()
	c := e.customer()
	e.delivered(c, product)
	return c
}

// delivered makes c a verified buyer of product.
func (e *env) delivered(c caller, product string) {
	e.t.Helper()
	v := e.catalog.variant(product)
	if err := e.apply(deliverEnvelope(e.t, c.id, "DELIVERED", v)); err != nil {
		e.t.Fatalf("deliver: %v", err)
	}
}

// fakeCatalog answers _entities for ProductVariant representations from its
// map of variant → product, and null for unknown variants, as catalog does.
type fakeCatalog struct {
	url      string
	calls    atomic.Int64
	mu       sync.Mutex
	products map[string]string
	// authorizations seen, to prove no token is sent.
	authorizations []string
	down           atomic.Bool
}

func newFakeCatalog(t testing.TB) *fakeCatalog {
	t.Helper()
	f := &fakeCatalog{products: map[string]string{}}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if f.down.Load() {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		var body struct {
			Query     string `json:"query"`
			Variables struct {
				Reps []struct {
					Typename string `json:"__typename"`
					ID       string `json:"id"`
				} `json:"reps"`
			} `json:"variables"`
		}
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		f.calls.Add(1)
		f.mu.Lock()
		defer f.mu.Unlock()
		f.authorizations = append(f.authorizations, r.Header.Get("Authorization"))
		entities := make([]any, len(body.Variables.Reps))
		for i, rep := range body.Variables.Reps {
			if p, ok := f.products[rep.ID]; ok && rep.Typename == "ProductVariant" {
				entities[i] = map[string]any{"id": rep.ID, "product": map[string]any{"id": p}}
			}
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"data": map[string]any{"_entities": entities}})
	}))
	t.Cleanup(srv.Close)
	f.url = srv.URL + "/graphql"
	return f
}

// variant registers a new variant of product and returns its id.
func (f *fakeCatalog) variant(product string) string {
	id := newID()
	f.mu.Lock()
	f.products[id] = product
	f.mu.Unlock()
	return id
}
