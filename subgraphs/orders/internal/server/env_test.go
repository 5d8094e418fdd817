package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/pg"
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/platform/servicetest"

	"github.com/purra/supergraph/subgraphs/orders/internal/server"
)

// Fixed ids of the fake world.
const (
	techHub   = "01937a00-0000-7000-8000-00000000c001" // store in KARNATAKA, owned by vikram
	audioHub  = "01937a00-0000-7000-8000-00000000c002" // store in MAHARASHTRA, owned by neha
	iphone    = "01937a00-0000-7000-8000-00000000b001" // ₹79,900 at TechHub, GST 18 %
	earbuds   = "01937a00-0000-7000-8000-00000000b002" // ₹1,299 at AudioHub, GST 18 %
	cable     = "01937a00-0000-7000-8000-00000000b003" // ₹199 at TechHub, GST 18 %
	rahulHome = "01937a00-0000-7000-8000-00000000a001" // Rahul's Bengaluru address
)

type env struct {
	t     *testing.T
	d     *service.Deps
	h     http.Handler
	iss   *servicetest.Issuer
	w     *world
	parts *server.Parts

	rahul, priya, vikram, neha, admin string // user ids
}

// newEnv serves the orders subgraph on a fresh database with the real
// Redis, and fakes of the subgraphs it calls. vars override settings.
func newEnv(t *testing.T, vars ...string) *env {
	t.Helper()
	spec := server.Spec()
	iss := servicetest.NewIssuer(t)
	d := servicetest.Deps(t, spec, iss)
	w := newWorld(t)
	fake := httptest.NewServer(w)
	t.Cleanup(fake.Close)
	overrides := map[string]string{
		"CART_SUBGRAPH_URL": fake.URL + "/cart", "USERS_SUBGRAPH_URL": fake.URL + "/users",
		"PROMOTIONS_SUBGRAPH_URL": fake.URL + "/promotions", "INVENTORY_SUBGRAPH_URL": fake.URL + "/inventory",
		"CATALOG_SUBGRAPH_URL": fake.URL + "/catalog", "PAYMENTS_SUBGRAPH_URL": fake.URL + "/payments",
		"STORES_SUBGRAPH_URL": fake.URL + "/stores", "MEDIA_DIR": t.TempDir(),
		"CHECKOUT_RATE_PER_MINUTE": "1000",
	}
	for i := 0; i+1 < len(vars); i += 2 {
		overrides[vars[i]] = vars[i+1]
	}
	d.Getenv = func(k string) string {
		if v, ok := overrides[k]; ok {
			return v
		}
		return os.Getenv(k)
	}
	sg, parts, err := server.BuildParts(context.Background(), d)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	e := &env{t: t, d: d, h: servicetest.AsRouter(t, "orders", service.Routes(d, sg)), iss: iss, w: w, parts: parts,
		rahul: uuid.NewString(), priya: uuid.NewString(), vikram: uuid.NewString(), neha: uuid.NewString(), admin: uuid.NewString()}
	e.seed()
	return e
}

func (e *env) seed() {
	e.w.set(func(w *world) {
		w.variants[iphone] = fakeVariant{SKU: "APPLE-IPHONE-15-BLACK-128GB", Title: "Apple iPhone 15 (Black, 128 GB)", StoreID: techHub, Price: 7990000, GSTRate: 18, StoreState: "KARNATAKA"}
		w.variants[earbuds] = fakeVariant{SKU: "BOAT-AIRDOPES-141", Title: "boAt Airdopes 141", StoreID: audioHub, Price: 129900, GSTRate: 18, StoreState: "MAHARASHTRA"}
		w.variants[cable] = fakeVariant{SKU: "USB-C-CABLE-1M", Title: "USB-C cable, 1 m", StoreID: techHub, Price: 19900, GSTRate: 18, StoreState: "KARNATAKA"}
		w.stock[iphone], w.stock[earbuds], w.stock[cable] = 100, 100, 100
		w.stores[techHub] = fakeStore{Name: "TechHub", GSTIN: "29ABCDE1234F1Z5", City: "Bengaluru", State: "KARNATAKA", PinCode: "560058"}
		w.stores[audioHub] = fakeStore{Name: "AudioHub", GSTIN: "27ABCDE1234F1Z1", City: "Mumbai", State: "MAHARASHTRA", PinCode: "400013"}
		w.owners[e.vikram] = []string{techHub}
		w.owners[e.neha] = []string{audioHub}
		w.coupons["FLAT500"] = fakeCoupon{flatPaise: 50000}
		w.coupons["EXPIRED50"] = fakeCoupon{reject: "EXPIRED"}
		w.coupons["WELCOME10"] = fakeCoupon{flatPaise: 1000}
		for _, u := range []string{e.rahul, e.priya} {
			w.addresses[u] = []fakeAddress{{ID: uuid.NewString(), Name: "Home", Phone: "+919876543210", Line1: "12 MG Road", City: "Bengaluru", State: "KARNATAKA", PinCode: "560001"}}
		}
		w.addresses[e.rahul] = append(w.addresses[e.rahul], fakeAddress{ID: rahulHome, Name: "Rahul Sharma", Phone: "+919876543210",
			Line1: "4 Residency Road", City: "Bengaluru", State: "KARNATAKA", PinCode: "560025"})
	})
}

func (e *env) customer(id string) string { return e.iss.Token(e.t, id, "CUSTOMER") }
func (e *env) owner(id string) string    { return e.iss.Token(e.t, id, "OWNER") }
func (e *env) adminToken() string        { return e.iss.Token(e.t, e.admin, "ADMIN", "orders:update") }

// fillCart puts lines (variant, quantity, …) in user's cart.
func (e *env) fillCart(user string, coupon string, lines ...any) {
	e.w.set(func(w *world) {
		c := &fakeCart{coupon: coupon}
		for i := 0; i+1 < len(lines); i += 2 {
			c.items = append(c.items, [2]any{lines[i], lines[i+1]})
		}
		c.version = 40 + len(c.items) // any version: order.placed must carry it back
		w.carts[user] = c
	})
}

// do runs an operation as auth ("" for anonymous) and decodes data into out.
func (e *env) do(auth, query string, vars map[string]any, out any) servicetest.Response {
	e.t.Helper()
	return servicetest.Do(e.t, e.h, auth, query, vars, out)
}

// mustDo is do failing the test on any error.
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
	req.Header.Set("Authorization", auth)
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	var resp servicetest.Response
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil || len(resp.Errors) > 0 {
		e.t.Fatalf("counted request: %v %s", err, rec.Body.String())
	}
	if out != nil {
		if err := json.Unmarshal(resp.Data, out); err != nil {
			e.t.Fatal(err)
		}
	}
	return n.Load()
}

// rows counts the rows of a query's single value.
func (e *env) rows(sql string, args ...any) int {
	e.t.Helper()
	var n int
	if err := e.d.DB.QueryRow(context.Background(), sql, args...).Scan(&n); err != nil {
		e.t.Fatalf("%s: %v", sql, err)
	}
	return n
}

// written counts everything checkout writes, to prove a failure wrote nothing.
func (e *env) written() int {
	return e.rows(`SELECT (SELECT count(*) FROM orders) + (SELECT count(*) FROM order_items) +
		(SELECT count(*) FROM order_status_history) + (SELECT count(*) FROM outbox) + (SELECT count(*) FROM checkout_claims) +
		(SELECT count(*) FROM fulfilments) + (SELECT count(*) FROM fulfilment_status_history)`)
}

// errCode checks the first error's code (and field/reason when given).
func errCode(t *testing.T, r servicetest.Response, code string, fieldReason ...string) {
	t.Helper()
	if r.Code() != code {
		t.Fatalf("code = %q, want %s: %+v", r.Code(), code, r.Errors)
	}
	ext := r.Errors[0].Extensions
	if len(fieldReason) > 0 && fieldReason[0] != "" && ext["field"] != fieldReason[0] {
		t.Fatalf("field = %v, want %s: %+v", ext["field"], fieldReason[0], r.Errors)
	}
	if len(fieldReason) > 1 && fieldReason[1] != "" && ext["reason"] != fieldReason[1] {
		t.Fatalf("reason = %v, want %s: %+v", ext["reason"], fieldReason[1], r.Errors)
	}
}

type envelope struct {
	Type        string          `json:"type"`
	AggregateID string          `json:"aggregateId"`
	Actor       string          `json:"actor"`
	Payload     json.RawMessage `json:"payload"`
}

// outbox returns the events of type typ written for orderID, oldest first.
func (e *env) outbox(orderID, typ string) []envelope {
	e.t.Helper()
	rows, err := e.d.DB.Query(context.Background(), `SELECT envelope FROM outbox WHERE key = $1 AND type = $2 ORDER BY seq`, orderID, typ)
	if err != nil {
		e.t.Fatal(err)
	}
	defer rows.Close()
	var out []envelope
	for rows.Next() {
		var raw []byte
		if err := rows.Scan(&raw); err != nil {
			e.t.Fatal(err)
		}
		var env envelope
		if err := json.Unmarshal(raw, &env); err != nil {
			e.t.Fatal(err)
		}
		out = append(out, env)
	}
	return out
}
