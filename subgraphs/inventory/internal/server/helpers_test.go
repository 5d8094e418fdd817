package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/pg"
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/platform/servicetest"

	"github.com/purra/supergraph/subgraphs/inventory/internal/server"
)

// Users and stores of the tests.
const (
	vikram   = "01937a00-0000-7000-8000-000000000003" // owner of techHub
	otherOwn = "01937a00-0000-7000-8000-000000000009" // owner of otherStore
	priya    = "01937a00-0000-7000-8000-000000000001" // a customer
	adminID  = "01937a00-0000-7000-8000-0000000000ad"

	techHub    = "01937a00-0000-7000-8000-0000000000a1"
	otherStore = "01937a00-0000-7000-8000-0000000000a2"
)

type env struct {
	t       *testing.T
	d       *service.Deps
	sg      *service.Subgraph
	h       http.Handler
	iss     *servicetest.Issuer
	catalog *fakeCatalog
}

// newEnv serves the inventory subgraph on a fresh database, with catalog
// faked (the only fake: it answers storeIdsOwnedBy as catalog would).
func newEnv(t *testing.T, settings ...string) *env {
	t.Helper()
	spec := server.Spec()
	iss := servicetest.NewIssuer(t)
	d := servicetest.Deps(t, spec, iss)
	cat := newFakeCatalog(t, map[string][]string{vikram: {techHub}, otherOwn: {otherStore}})
	vars := map[string]string{"CATALOG_SUBGRAPH_URL": cat.srv.URL + "/graphql", "REAPER_INTERVAL": "50ms"}
	for i := 0; i+1 < len(settings); i += 2 {
		vars[settings[i]] = settings[i+1]
	}
	d.Getenv = func(k string) string {
		if v, ok := vars[k]; ok {
			return v
		}
		return os.Getenv(k)
	}
	sg, h := servicetest.Serve(t, spec, d)
	return &env{t: t, d: d, sg: sg, h: h, iss: iss, catalog: cat}
}

func (e *env) customer() string { return e.iss.Token(e.t, priya, "CUSTOMER") }
func (e *env) owner() string    { return e.iss.Token(e.t, vikram, "OWNER") }
func (e *env) other() string    { return e.iss.Token(e.t, otherOwn, "OWNER") }
func (e *env) admin() string    { return e.iss.Token(e.t, adminID, "ADMIN", "inventory:write") }
func (e *env) shopper(id string) string {
	return e.iss.Token(e.t, id, "CUSTOMER")
}

// do runs an operation as auth ("" for anonymous) and decodes data into out.
func (e *env) do(auth, query string, vars map[string]any, out any) servicetest.Response {
	e.t.Helper()
	return servicetest.Do(e.t, e.h, auth, query, vars, out)
}

// asOrders runs an operation as the orders subgraph does (its service
// credential) on behalf of auth: reserveStock and releaseStock are open to
// orders only.
func (e *env) asOrders(auth, query string, vars map[string]any, out any) servicetest.Response {
	e.t.Helper()
	return servicetest.Do(e.t, servicetest.As(e.t, "orders", "inventory", e.h), auth, query, vars, out)
}

// mustAsOrders is asOrders that fails the test on any GraphQL error.
func (e *env) mustAsOrders(auth, query string, vars map[string]any, out any) {
	e.t.Helper()
	if r := e.asOrders(auth, query, vars, out); len(r.Errors) > 0 {
		e.t.Fatalf("unexpected errors: %+v", r.Errors)
	}
}

// mustDo is do that fails the test on any GraphQL error.
func (e *env) mustDo(auth, query string, vars map[string]any, out any) {
	e.t.Helper()
	if r := e.do(auth, query, vars, out); len(r.Errors) > 0 {
		e.t.Fatalf("unexpected errors: %+v", r.Errors)
	}
}

// counted runs an operation with every SQL query under it counted.
func (e *env) counted(auth, query string, vars map[string]any, out any) int64 {
	e.t.Helper()
	ctx, n := pg.CountQueries(context.Background())
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body)).WithContext(ctx)
	req.Header.Set("Content-Type", "application/json")
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	var resp servicetest.Response
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil || len(resp.Errors) > 0 {
		e.t.Fatalf("counted request: %v %s", err, rec.Body.String())
	}
	if out != nil {
		require.NoError(e.t, json.Unmarshal(resp.Data, out))
	}
	return n.Load()
}

// deliver applies an event through the registered consumer handler, as the
// Kafka consumer would, and returns its envelope (deliver it again with redeliver).
func (e *env) deliver(eventType, aggregateID string, payload any) kafka.Envelope {
	e.t.Helper()
	raw, err := json.Marshal(payload)
	require.NoError(e.t, err)
	env := kafka.Envelope{ID: uuid.Must(uuid.NewV7()).String(), Type: eventType, Version: 1,
		OccurredAt: time.Now().UTC(), AggregateID: aggregateID, Payload: raw}
	e.redeliver(env)
	return env
}

func (e *env) redeliver(env kafka.Envelope) {
	e.t.Helper()
	h, ok := e.d.Consumer.Handler(env.Type)
	require.True(e.t, ok, "no handler for %s", env.Type)
	require.NoError(e.t, e.d.Consumer.Apply(context.Background(), env, h))
}

// variant creates a stock level as catalog's variant.created does.
func (e *env) variant(storeID, sku string, initial int) string {
	e.t.Helper()
	id := uuid.Must(uuid.NewV7()).String()
	e.deliver("variant.created", uuid.NewString(), map[string]any{
		"variantId": id, "productId": uuid.NewString(), "storeId": storeID, "sku": sku, "title": "Black",
		"mrpPaise": 129900, "pricePaise": 99900, "retailerPricePaise": nil, "minOrderQuantity": 1, "initialStock": initial,
	})
	return id
}

// statusChanged delivers orders' order.status_changed for orderID.
func (e *env) statusChanged(orderID, from, to string) kafka.Envelope {
	e.t.Helper()
	return e.deliver("order.status_changed", orderID, map[string]any{
		"orderId": orderID, "orderNumber": "PUR-2026-000001", "userId": priya, "from": from, "to": to,
		"paymentMethod": "UPI", "couponCode": nil, "storeIds": []string{techHub}, "items": []any{},
		"at": time.Now().UTC(),
	})
}

// count returns a single integer from SQL.
func (e *env) count(sql string, args ...any) int {
	e.t.Helper()
	var n int
	require.NoError(e.t, e.d.DB.QueryRow(context.Background(), sql, args...).Scan(&n), sql)
	return n
}

// level reads a variant's (on hand, reserved) straight from the table.
func (e *env) level(variantID string) (onHand, reserved int) {
	e.t.Helper()
	require.NoError(e.t, e.d.DB.QueryRow(context.Background(),
		`SELECT on_hand, reserved FROM stock_levels WHERE variant_id = $1`, variantID).Scan(&onHand, &reserved))
	return onHand, reserved
}

// events returns the payloads of the outbox events of a type keyed by key.
func (e *env) events(eventType, key string) []map[string]any {
	e.t.Helper()
	rows, err := e.d.DB.Query(context.Background(),
		`SELECT envelope->'payload' FROM outbox WHERE type = $1 AND key = $2 ORDER BY seq`, eventType, key)
	require.NoError(e.t, err)
	defer rows.Close()
	var out []map[string]any
	for rows.Next() {
		var p map[string]any
		require.NoError(e.t, rows.Scan(&p))
		out = append(out, p)
	}
	require.NoError(e.t, rows.Err())
	return out
}

// runReaper runs the subgraph's workers (the reaper) until the test ends.
func (e *env) runReaper() {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for _, w := range e.sg.Workers {
		wg.Add(1)
		go func() { defer wg.Done(); _ = w(ctx) }()
	}
	e.t.Cleanup(func() { cancel(); wg.Wait() })
}

// fakeCatalog answers catalog's storeIdsOwnedBy, exactly as the catalog
// subgraph does, and remembers how it was called.
type fakeCatalog struct {
	srv    *httptest.Server
	owners map[string][]string
	calls  atomic.Int64
	down   atomic.Bool
	mu     sync.Mutex
	auths  []string
}

// authorizations returns the Authorization headers catalog received.
func (c *fakeCatalog) authorizations() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.auths...)
}

func newFakeCatalog(t *testing.T, owners map[string][]string) *fakeCatalog {
	c := &fakeCatalog{owners: owners}
	c.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.calls.Add(1)
		if c.down.Load() {
			http.Error(w, "unavailable", http.StatusServiceUnavailable)
			return
		}
		c.mu.Lock()
		c.auths = append(c.auths, r.Header.Get("Authorization"))
		c.mu.Unlock()
		var req struct {
			Query     string         `json:"query"`
			Variables map[string]any `json:"variables"`
		}
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil || !bytes.Contains([]byte(req.Query), []byte("storeIdsOwnedBy")) {
			http.Error(w, "unexpected request", http.StatusBadRequest)
			return
		}
		owner, _ := req.Variables["ownerId"].(string)
		ids := c.owners[owner]
		if ids == nil {
			ids = []string{}
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"data": map[string]any{"storeIdsOwnedBy": ids}})
	}))
	t.Cleanup(c.srv.Close)
	return c
}
