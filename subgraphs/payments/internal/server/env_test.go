package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/platform/servicetest"

	"github.com/purra/supergraph/subgraphs/payments/internal/provider"
	"github.com/purra/supergraph/subgraphs/payments/internal/provider/sandbox"
	"github.com/purra/supergraph/subgraphs/payments/internal/server"
)

// Test users and stores.
var (
	rahul   = "01937a00-0000-7000-8000-000000000001" // a customer, the buyer
	priya   = "01937a00-0000-7000-8000-000000000004" // another customer
	vikram  = "01937a00-0000-7000-8000-000000000003" // owner of techHub
	meera   = "01937a00-0000-7000-8000-000000000005" // owner of another store
	admin   = "01937a00-0000-7000-8000-0000000000ad"
	techHub = "01937a00-0000-7000-8003-000000000001"
	gadgets = "01937a00-0000-7000-8003-000000000002"
	// Catalogue categories catalog knows (for commission rates).
	mobiles = "01937a00-0000-7000-8004-000000000001"
	earbuds = "01937a00-0000-7000-8004-000000000002"
	audio   = "01937a00-0000-7000-8004-000000000003"
)

const sandboxSecret = "test-sandbox-secret"

// env is the payments subgraph served as in production on a fresh database
// and the real Redis, reachable over HTTP (the sandbox calls its webhook
// route), with a fake catalog answering storeIdsOwnedBy.
type env struct {
	t       *testing.T
	d       *service.Deps
	sg      *service.Subgraph
	h       http.Handler
	url     string
	iss     *servicetest.Issuer
	catalog *fakeCatalog
}

// newEnv builds the subgraph; vars override its environment.
func newEnv(t *testing.T, vars map[string]string) *env {
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
	cat := newFakeCatalog(t, map[string][]string{vikram: {techHub}, meera: {gadgets}})
	environ := map[string]string{
		"SANDBOX_WEBHOOK_URL":    srv.URL + "/webhooks/sandbox",
		"SANDBOX_WEBHOOK_SECRET": sandboxSecret,
		"SANDBOX_DELAY":          "20ms",
		"SANDBOX_SLOW_DELAY":     "300ms",
		"CATALOG_SUBGRAPH_URL":   cat.srv.URL + "/graphql",
	}
	for k, v := range vars {
		environ[k] = v
	}
	d.Getenv = func(k string) string { return environ[k] }
	sg, h := servicetest.Serve(t, spec, d)
	served.Store(&h)
	return &env{t: t, d: d, sg: sg, h: h, url: srv.URL, iss: iss, catalog: cat}
}

// runWorkers runs the subgraph's workers (provider calls, sandbox
// callbacks) until the test ends.
func (e *env) runWorkers() {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for _, w := range e.sg.Workers {
		wg.Go(func() { _ = w(ctx) })
	}
	e.t.Cleanup(func() { cancel(); wg.Wait() })
}

func (e *env) token(user, role string, scopes ...string) string {
	return e.iss.Token(e.t, user, role, scopes...)
}

// gql posts an operation as authz ("" for none) under ctx (nil: background).
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
	require.Contains(e.t, []int{200, 422}, rec.Code, rec.Body.String())
	var resp servicetest.Response
	require.NoError(e.t, json.Unmarshal(rec.Body.Bytes(), &resp), rec.Body.String())
	if out != nil && len(resp.Data) > 0 && string(resp.Data) != "null" {
		require.NoError(e.t, json.Unmarshal(resp.Data, out), string(resp.Data))
	}
	return resp
}

func (e *env) do(authz, query string, vars map[string]any, out any) servicetest.Response {
	e.t.Helper()
	return e.gql(nil, authz, query, vars, out)
}

func ok(t *testing.T, resp servicetest.Response) {
	t.Helper()
	require.Empty(t, resp.Errors, "unexpected errors")
}

// wantErr fails unless resp's first error has code (and field/reason when given).
func wantErr(t *testing.T, resp servicetest.Response, code, field, reason string) {
	t.Helper()
	require.NotEmpty(t, resp.Errors, "want %s, got data %s", code, resp.Data)
	ext := resp.Errors[0].Extensions
	require.Equal(t, code, resp.Code(), "%+v", resp.Errors)
	if field != "" {
		require.Equal(t, field, ext["field"], "%+v", resp.Errors)
	}
	if reason != "" {
		require.Equal(t, reason, ext["reason"], "%+v", resp.Errors)
	}
}

func (e *env) count(sql string, args ...any) int {
	e.t.Helper()
	var n int
	require.NoError(e.t, e.d.DB.QueryRow(context.Background(), sql, args...).Scan(&n), sql)
	return n
}

// rows counts the rows of every table a refused request must not touch.
func (e *env) rows() map[string]int {
	out := map[string]int{}
	for _, table := range []string{"payments", "refunds", "provider_calls", "webhook_events", "outbox"} {
		out[table] = e.count(`SELECT count(*) FROM ` + table)
	}
	return out
}

// events returns the payloads of eventType in the outbox for key (an order id), oldest first.
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

// deliver applies an orders event through the consumer, as Kafka would.
func (e *env) deliver(eventType, orderID string, payload any) kafka.Envelope {
	e.t.Helper()
	raw, err := json.Marshal(payload)
	require.NoError(e.t, err)
	env := kafka.Envelope{ID: uuid.Must(uuid.NewV7()).String(), Type: eventType, Version: 1,
		OccurredAt: time.Now().UTC(), AggregateID: orderID, Payload: raw}
	e.redeliver(env)
	return env
}

// deliverRaw applies an event and returns the consumer's error.
func (e *env) deliverRaw(eventType string, payload map[string]any) error {
	e.t.Helper()
	raw, err := json.Marshal(payload)
	require.NoError(e.t, err)
	return e.apply(kafka.Envelope{ID: uuid.Must(uuid.NewV7()).String(), Type: eventType, Version: 1,
		OccurredAt: time.Now().UTC(), AggregateID: "x", Payload: raw})
}

// redeliver applies env again (same event id).
func (e *env) redeliver(env kafka.Envelope) {
	e.t.Helper()
	require.NoError(e.t, e.apply(env))
}

func (e *env) apply(env kafka.Envelope) error {
	h, found := e.d.Consumer.Handler(env.Type)
	require.True(e.t, found, "no handler for %s", env.Type)
	return e.d.Consumer.Apply(context.Background(), env, h)
}

// order is an order.placed payload.
type order struct {
	id, buyer, method, vpa string
	total                  int64
	stores                 []string
}

func newOrder(method, vpa string) order {
	return order{id: uuid.Must(uuid.NewV7()).String(), buyer: rahul, method: method, vpa: vpa, total: 129900, stores: []string{techHub}}
}

func (o order) payload() map[string]any {
	items := []map[string]any{}
	for i, s := range o.stores {
		items = append(items, map[string]any{"variantId": uuid.NewString(), "storeId": s, "sku": "SKU-" + string(rune('A'+i)),
			"title": "Item", "quantity": 1, "unitPricePaise": o.total, "lineTotalPaise": o.total})
	}
	pm := map[string]any{"type": o.method}
	if o.vpa != "" {
		pm["upiVpa"] = o.vpa
	}
	return map[string]any{
		"orderId": o.id, "orderNumber": "PUR-2026-" + o.id[len(o.id)-6:], "userId": o.buyer, "paymentMethod": pm,
		"totalPaise": o.total, "couponCode": nil, "items": items,
		"shippingAddress":      map[string]any{"name": "Rahul Sharma", "city": "Mumbai", "state": "MAHARASHTRA", "pinCode": "400050"},
		"reservationExpiresAt": time.Now().Add(15 * time.Minute).UTC(),
	}
}

// place delivers order.placed for o.
func (e *env) place(o order) kafka.Envelope {
	e.t.Helper()
	return e.deliver("order.placed", o.id, o.payload())
}

// statusChanged delivers order.status_changed for o.
func (e *env) statusChanged(o order, from, to string) kafka.Envelope {
	e.t.Helper()
	return e.deliver("order.status_changed", o.id, map[string]any{
		"orderId": o.id, "orderNumber": "PUR-2026-000001", "userId": o.buyer, "from": from, "to": to,
		"paymentMethod": map[string]any{"type": o.method}, "couponCode": nil, "storeIds": o.stores,
		"items": []any{}, "at": time.Now().UTC(),
	})
}

// row is a payment as stored.
type row struct {
	ID, Status, ProviderOrderID, ProviderPaymentID, FailureReason string
	Captured, Refunded, Refunding                                 int64
}

func (e *env) payment(orderID string) row {
	e.t.Helper()
	var r row
	require.NoError(e.t, e.d.DB.QueryRow(context.Background(), `SELECT id::text, status, coalesce(provider_order_id, ''),
		coalesce(provider_payment_id, ''), coalesce(failure_reason, ''), captured_paise, refunded_paise, refunding_paise
		FROM payments WHERE order_id = $1`, orderID).Scan(&r.ID, &r.Status, &r.ProviderOrderID, &r.ProviderPaymentID,
		&r.FailureReason, &r.Captured, &r.Refunded, &r.Refunding))
	return r
}

// waitStatus waits until the order's payment has status.
func (e *env) waitStatus(orderID, status string) row {
	e.t.Helper()
	require.Eventually(e.t, func() bool {
		return e.count(`SELECT count(*) FROM payments WHERE order_id = $1 AND status = $2`, orderID, status) == 1
	},
		10*time.Second, 10*time.Millisecond, "payment of %s never became %s", orderID, status)
	return e.payment(orderID)
}

// waitProviderOrder waits until the provider order of the order's payment exists.
func (e *env) waitProviderOrder(orderID string) row {
	e.t.Helper()
	require.Eventually(e.t, func() bool {
		return e.count(`SELECT count(*) FROM payments WHERE order_id = $1 AND provider_order_id IS NOT NULL`, orderID) == 1
	}, 10*time.Second, 10*time.Millisecond)
	return e.payment(orderID)
}

// captured places an order paid through the sandbox and waits for the capture (workers must run).
func (e *env) captured(total int64) (order, row) {
	e.t.Helper()
	o := newOrder("UPI", "rahul@okaxis")
	o.total = total
	e.place(o)
	return o, e.waitStatus(o.id, "CAPTURED")
}

// webhookBody is a Razorpay-shaped event about a payment.
func webhookBody(event, providerOrderID, providerPaymentID string, amount int64) []byte {
	b, _ := json.Marshal(map[string]any{"entity": "event", "event": event, "payload": map[string]any{
		"payment": map[string]any{"entity": map[string]any{"id": providerPaymentID, "order_id": providerOrderID, "amount": amount,
			"currency": "INR", "status": "captured"}}}, "created_at": time.Now().Unix()})
	return b
}

// postWebhook posts body to path with headers and returns the status and body.
func (e *env) postWebhook(path string, headers map[string]string, body []byte) (int, string) {
	e.t.Helper()
	req, err := http.NewRequest(http.MethodPost, e.url+path, bytes.NewReader(body))
	require.NoError(e.t, err)
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(e.t, err)
	defer res.Body.Close()
	out, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(out)
}

// sandboxWebhook posts a correctly signed sandbox callback.
func (e *env) sandboxWebhook(eventID string, body []byte) (int, string) {
	return e.postWebhook("/webhooks/sandbox", map[string]string{
		sandbox.SignatureHeader: provider.Sign([]byte(sandboxSecret), body), sandbox.EventIDHeader: eventID,
	}, body)
}

// fakeCatalog answers storeIdsOwnedBy and categoryExists exactly as the
// catalog subgraph does.
type fakeCatalog struct {
	srv        *httptest.Server
	owners     map[string][]string
	categories map[string]bool
	calls      atomic.Int64
	mu         sync.Mutex
	auths      []string
	down       atomic.Bool
}

func newFakeCatalog(t *testing.T, owners map[string][]string) *fakeCatalog {
	c := &fakeCatalog{owners: owners, categories: map[string]bool{mobiles: true, earbuds: true, audio: true}}
	c.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if c.down.Load() {
			http.Error(w, "down", http.StatusBadGateway)
			return
		}
		var req struct {
			Query     string `json:"query"`
			Variables struct {
				OwnerID string `json:"ownerId"`
				ID      string `json:"id"`
			} `json:"variables"`
		}
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			http.Error(w, "unexpected request", http.StatusBadRequest)
			return
		}
		if strings.Contains(req.Query, "categoryExists(id: $id)") {
			w.Header().Set("Content-Type", "application/json")
			_ = json.NewEncoder(w).Encode(map[string]any{"data": map[string]any{"categoryExists": c.categories[req.Variables.ID]}})
			return
		}
		if !bytes.Contains([]byte(req.Query), []byte("storeIdsOwnedBy(ownerId: $ownerId)")) {
			http.Error(w, "unexpected request", http.StatusBadRequest)
			return
		}
		c.calls.Add(1)
		c.mu.Lock()
		c.auths = append(c.auths, r.Header.Get("Authorization"))
		c.mu.Unlock()
		ids := c.owners[req.Variables.OwnerID]
		if ids == nil {
			ids = []string{}
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"data": map[string]any{"storeIdsOwnedBy": ids}})
	}))
	t.Cleanup(c.srv.Close)
	return c
}

const paymentFields = `id status orderNumber amount { paise formatted currency } method provider providerOrderId providerPaymentId
	failureReason capturedAmount { paise } refundedAmount { paise } refundableAmount { paise } order { id }
	refunds { id amount { paise } reason status providerRefundId failureReason }`

type money struct {
	Paise     int64  `json:"paise"`
	Formatted string `json:"formatted"`
	Currency  string `json:"currency"`
}

type refundView struct {
	ID               string  `json:"id"`
	Amount           money   `json:"amount"`
	Reason           string  `json:"reason"`
	Status           string  `json:"status"`
	ProviderRefundID *string `json:"providerRefundId"`
	FailureReason    *string `json:"failureReason"`
	Payment          *struct {
		ID               string `json:"id"`
		Status           string `json:"status"`
		RefundedAmount   money  `json:"refundedAmount"`
		RefundableAmount money  `json:"refundableAmount"`
	} `json:"payment"`
}

type paymentView struct {
	ID                string  `json:"id"`
	Status            string  `json:"status"`
	OrderNumber       string  `json:"orderNumber"`
	Amount            money   `json:"amount"`
	Method            string  `json:"method"`
	Provider          string  `json:"provider"`
	ProviderOrderID   *string `json:"providerOrderId"`
	ProviderPaymentID *string `json:"providerPaymentId"`
	FailureReason     *string `json:"failureReason"`
	CapturedAmount    money   `json:"capturedAmount"`
	RefundedAmount    money   `json:"refundedAmount"`
	RefundableAmount  money   `json:"refundableAmount"`
	Order             struct{ ID string }
	Refunds           []refundView `json:"refunds"`
}

const paymentQuery = `query($id: ID!) { payment(id: $id) { ` + paymentFields + ` } }`

// paymentAs reads payment id through the API as authz.
func (e *env) paymentAs(authz, id string) (*paymentView, servicetest.Response) {
	e.t.Helper()
	var out struct{ Payment *paymentView }
	resp := e.do(authz, paymentQuery, map[string]any{"id": id}, &out)
	return out.Payment, resp
}

const refundMutation = `mutation($in: RefundPaymentInput!) { refundPayment(input: $in) {
	id amount { paise } reason status providerRefundId failureReason
	payment { id status refundedAmount { paise } refundableAmount { paise } } } }`

// refund calls refundPayment as authz.
func (e *env) refund(authz, paymentID string, amount int64, reason string) (*refundView, servicetest.Response) {
	e.t.Helper()
	var out struct{ RefundPayment *refundView }
	resp := e.do(authz, refundMutation, map[string]any{"in": map[string]any{
		"paymentId": paymentID, "amountPaise": amount, "reason": reason}}, &out)
	return out.RefundPayment, resp
}
