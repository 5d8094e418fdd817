package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/platform/servicetest"

	"github.com/purra/supergraph/subgraphs/promotions/internal/app"
	"github.com/purra/supergraph/subgraphs/promotions/internal/seed"
	"github.com/purra/supergraph/subgraphs/promotions/internal/server"
	"github.com/purra/supergraph/subgraphs/promotions/internal/store"
)

// env is the promotions subgraph served as in production, on a fresh
// database (seeded with the demo coupons and rule) and the real Redis, with
// catalog replaced by an httptest server that answers what catalog answers.
type env struct {
	t       testing.TB
	d       *service.Deps
	h       http.Handler
	iss     *servicetest.Issuer
	catalog *fakeCatalog
	st      *store.Store
	app     *app.App
}

// newEnv serves promotions with extra settings ("KEY", "value", …).
func newEnv(t testing.TB, settings ...string) *env {
	t.Helper()
	spec := server.Spec()
	iss := servicetest.NewIssuer(t)
	d := servicetest.Deps(t, spec, iss)
	e := &env{t: t, d: d, iss: iss, st: store.New(d.DB, d.Topic, d.Name)}
	e.catalog = newFakeCatalog(t, iss)
	vars := map[string]string{"CATALOG_SUBGRAPH_URL": e.catalog.srv.URL}
	for i := 0; i+1 < len(settings); i += 2 {
		vars[settings[i]] = settings[i+1]
	}
	d.Getenv = func(k string) string { return vars[k] }
	if _, err := seed.Run(context.Background(), e.st); err != nil {
		t.Fatalf("seed: %v", err)
	}
	_, e.h = servicetest.Serve(t, spec, d)
	a, _, err := server.NewApp(d) // the same use cases, for the expiry worker's step
	if err != nil {
		t.Fatal(err)
	}
	e.app = a
	return e
}

// caller is a user of the tests with their token.
type caller struct {
	id   string
	auth string
}

func (e *env) caller(role string, scopes ...string) caller {
	id := uuid.Must(uuid.NewV7()).String()
	return caller{id: id, auth: e.iss.Token(e.t, id, role, scopes...)}
}

func (e *env) customer() caller { return e.caller("CUSTOMER") }
func (e *env) retailer() caller { return e.caller("RETAILER") }
func (e *env) admin() caller    { return e.caller("ADMIN", "promotions:write") }

var anonymous = caller{}

// internalField matches the fields only other subgraphs may call (schema:
// @callers); tests call them as orders does, everything else as the router.
var internalField = regexp.MustCompile(`\b(quote|holdCoupon|releaseCouponHold)\s*\(`)

// gql posts an operation under ctx (nil: background) with extra headers.
func (e *env) gql(ctx context.Context, authz, query string, vars map[string]any, out any, headers ...string) servicetest.Response {
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
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	if internalField.MatchString(query) && req.Header.Get(auth.ServiceHeader) == "" {
		req.Header.Set(auth.ServiceHeader, servicetest.ServiceToken(e.t, "orders", "promotions"))
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

// count returns a single integer a query computes.
func (e *env) count(sql string, args ...any) int {
	e.t.Helper()
	var n int
	if err := e.d.DB.QueryRow(context.Background(), sql, args...).Scan(&n); err != nil {
		e.t.Fatalf("%s: %v", sql, err)
	}
	return n
}

// events counts the outbox events of a type.
func (e *env) events(eventType string) int {
	return e.count(`SELECT count(*) FROM outbox WHERE type = $1`, eventType)
}

// snapshot renders every row of every promotions table and the outbox, so
// that a refused request can be shown to have written nothing at all.
func (e *env) snapshot() string {
	e.t.Helper()
	var b strings.Builder
	for _, table := range []string{"coupons", "coupon_users", "coupon_holds", "coupon_redemptions", "discount_rules", "outbox"} {
		var rows string
		err := e.d.DB.QueryRow(context.Background(),
			fmt.Sprintf(`SELECT coalesce(string_agg(t::text, E'\n' ORDER BY t::text), '') FROM %s t`, table)).Scan(&rows)
		if err != nil {
			e.t.Fatalf("snapshot %s: %v", table, err)
		}
		b.WriteString(table + ":\n" + rows + "\n")
	}
	return b.String()
}

// unchanged fails if the database differs from before.
func (e *env) unchanged(before, what string) {
	e.t.Helper()
	if after := e.snapshot(); after != before {
		e.t.Fatalf("%s wrote to the database:\nbefore:\n%s\nafter:\n%s", what, before, after)
	}
}

// statusChanged is an order.status_changed envelope as orders publishes it.
func statusChanged(t testing.TB, orderID, userID, from, to, coupon string) kafka.Envelope {
	t.Helper()
	payload, err := json.Marshal(map[string]any{
		"orderId": orderID, "orderNumber": "PUR-2026-000042", "userId": userID, "from": from, "to": to,
		"paymentMethod": "UPI", "couponCode": coupon, "storeIds": []string{storeKA},
		"items": []map[string]any{{"variantId": earbudsID, "quantity": 1}}, "at": time.Now().UTC(),
	})
	if err != nil {
		t.Fatal(err)
	}
	return kafka.Envelope{
		ID: uuid.Must(uuid.NewV7()).String(), Type: "order.status_changed", Version: 1, OccurredAt: time.Now().UTC(),
		AggregateID: orderID, Payload: payload,
	}
}

// deliver applies an event through the registered consumer, as Kafka would.
func (e *env) deliver(env kafka.Envelope) {
	e.t.Helper()
	h, ok := e.d.Consumer.Handler(env.Type)
	if !ok {
		e.t.Fatalf("no handler for %s", env.Type)
	}
	if err := e.d.Consumer.Apply(context.Background(), env, h); err != nil {
		e.t.Fatalf("apply %s: %v", env.Type, err)
	}
}

func newOrderID() string { return uuid.Must(uuid.NewV7()).String() }
