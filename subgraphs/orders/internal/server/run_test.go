package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"

	platformauth "github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/kafka/embedded"
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/platform/servicetest"

	"github.com/purra/supergraph/subgraphs/orders/internal/server"
)

// The subgraph as `orders` runs it (service.Run: migrations, relay,
// consumers, the status feed) against a real Kafka protocol broker: a
// payment.succeeded on payments.events confirms the order, and status
// changes reach a websocket subscriber through orders.events.
func TestRunConfirmsAndPushesThroughKafka(t *testing.T) {
	t.Parallel()
	broker, err := embedded.Start(embedded.Config{Addr: "127.0.0.1:0", Partitions: kafka.Partitions})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(broker.Close)
	iss := servicetest.NewIssuer(t)
	e := &env{t: t, iss: iss, w: newWorld(t), rahul: uuid.NewString(), priya: uuid.NewString(), vikram: uuid.NewString(),
		neha: uuid.NewString(), admin: uuid.NewString()}
	e.seed()
	fake := newFakeServer(t, e.w)

	addr := freeAddr(t)
	db := "purra_test_orders_run_" + strings.ReplaceAll(uuid.NewString()[:8], "-", "")
	vars := map[string]string{
		"HTTP_ADDR": addr, "POSTGRES_URL": servicetest.PostgresURL(), "POSTGRES_DB": db, "KAFKA_BROKERS": broker.Addrs()[0],
		"JWKS_URLS": iss.JWKSURL + "," + iss.AdminJWKSURL, "LOG_LEVEL": "error", "CART_SUBGRAPH_URL": fake + "/cart", "USERS_SUBGRAPH_URL": fake + "/users",
		"PROMOTIONS_SUBGRAPH_URL": fake + "/promotions", "INVENTORY_SUBGRAPH_URL": fake + "/inventory",
		"CATALOG_SUBGRAPH_URL": fake + "/catalog", "REDIS_URL": redisURL(),
		"SERVICE_TOKEN_KEY": string(servicetest.ServiceKeys(t).Private["orders"]), "SERVICE_JWKS": string(servicetest.ServiceKeys(t).JWKS),
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- service.Run(ctx, server.Spec(), func(k string) string { return vars[k] }) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("run: %v", err)
		}
		dropDB(db)
	})
	base := "http://" + addr
	waitReady(t, base+"/readyz", done)

	e.fillCart(e.rahul, "", cable, 1)
	var placed checkoutOut
	post(t, base, e.customer(e.rahul), checkoutMutation, checkoutInput("run-test-0001"), &placed)
	o := placed.Checkout.Order
	if o.Status != "PENDING_PAYMENT" {
		t.Fatalf("order = %+v", o)
	}

	ws := subscribeWS(t, "ws://"+addr+"/graphql", e.customer(e.rahul), o.ID)

	// payments says the money is in: the orders consumer group confirms.
	m, _ := kafka.NewMessage(ctx, "payments.events", o.ID, "", paymentSucceeded{PaymentID: uuid.NewString(), OrderID: o.ID, AmountPaise: o.Total.Paise})
	p := kafka.NewProducer(broker.Addrs())
	defer p.Close()
	if err := p.Publish(ctx, m); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		var got struct{ Order struct{ Status string } }
		post(t, base, e.customer(e.rahul), `query($id: ID!) { order(id: $id) { status } }`, map[string]any{"id": o.ID}, &got)
		if got.Order.Status == "CONFIRMED" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("not confirmed by payment.succeeded: %s", got.Order.Status)
		}
		time.Sleep(100 * time.Millisecond)
	}

	// The store owner moves it on; each step is pushed to the buyer. The
	// feed starts at the latest offset once joined, so earlier steps may
	// predate it: whatever arrives must be in order and end with the last.
	steps := []struct{ q, status string }{
		{`mutation($id: ID!) { markOrderPacked(id: $id) { id } }`, "PACKED"},
		{`mutation($id: ID!) { markOrderShipped(id: $id, trackingNumber: "AWB77", carrier: "Ekart") { id } }`, "SHIPPED"},
		{`mutation($id: ID!) { markOrderDelivered(id: $id) { id } }`, "DELIVERED"},
	}
	var seen []string
	for _, s := range steps {
		post(t, base, e.owner(e.vikram), s.q, map[string]any{"id": o.ID}, nil)
		time.Sleep(300 * time.Millisecond)
	}
	for len(seen) == 0 || seen[len(seen)-1] != "DELIVERED" {
		u, err := ws.next(10 * time.Second)
		if err != nil {
			t.Fatalf("after %v: %v", seen, err)
		}
		if u.OrderID != o.ID || u.Order.ID != o.ID {
			t.Fatalf("update %+v", u)
		}
		// Each store's fulfilment change comes first with the order's status
		// after it, then the order's own change: one status, twice.
		if len(seen) == 0 || seen[len(seen)-1] != u.Status {
			seen = append(seen, u.Status)
		}
	}
	t.Logf("pushed %v", seen)
	want := "PAID,CONFIRMED,PACKED,SHIPPED,DELIVERED"
	if !strings.HasSuffix(want, strings.Join(seen, ",")) {
		t.Fatalf("pushed %v, want a suffix of %s", seen, want)
	}
}

type paymentSucceeded struct {
	PaymentID   string `json:"paymentId"`
	OrderID     string `json:"orderId"`
	AmountPaise int64  `json:"amountPaise"`
}

func (paymentSucceeded) EventType() string { return "payment.succeeded" }
func (paymentSucceeded) EventVersion() int { return 1 }

func newFakeServer(t *testing.T, w *world) string {
	srv := &http.Server{Handler: w}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() { _ = srv.Close() })
	return "http://" + l.Addr().String()
}

func freeAddr(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

func redisURL() string {
	if u := os.Getenv("REDIS_URL"); u != "" {
		return u
	}
	return "redis://127.0.0.1:6379/0"
}

func dropDB(name string) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	pool, err := pgxpool.New(ctx, servicetest.PostgresURL())
	if err != nil {
		return
	}
	defer pool.Close()
	_, _ = pool.Exec(ctx, fmt.Sprintf(`DROP DATABASE IF EXISTS %q WITH (FORCE)`, name))
}

func waitReady(t *testing.T, url string, done <-chan error) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		select {
		case err := <-done:
			t.Fatalf("run stopped: %v", err)
		default:
		}
		if res, err := http.Get(url); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("not ready")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func post(t *testing.T, base, auth, query string, vars map[string]any, out any) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", auth)
	req.Header.Set(platformauth.ServiceHeader, servicetest.ServiceToken(t, platformauth.RouterService, "orders"))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var r servicetest.Response
	if err := json.NewDecoder(res.Body).Decode(&r); err != nil || len(r.Errors) > 0 {
		t.Fatalf("%s: %v %+v", query, err, r.Errors)
	}
	if out != nil {
		if err := json.Unmarshal(r.Data, out); err != nil {
			t.Fatal(err)
		}
	}
}

// wsSub is a graphql-transport-ws subscription (the protocol the router speaks).
type wsSub struct {
	c *websocket.Conn
}

type wsUpdate struct {
	OrderID string
	Status  string
	Order   struct{ ID string }
}

func subscribeWS(t *testing.T, url, auth, orderID string) *wsSub {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, _, err := websocket.Dial(ctx, url, &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"},
		HTTPHeader: http.Header{platformauth.ServiceHeader: {servicetest.ServiceToken(t, platformauth.RouterService, "orders")}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.CloseNow() })
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(wsjson.Write(ctx, c, map[string]any{"type": "connection_init", "payload": map[string]any{"Authorization": auth}}))
	var ack struct{ Type string }
	must(wsjson.Read(ctx, c, &ack))
	if ack.Type != "connection_ack" {
		t.Fatalf("ack = %+v", ack)
	}
	must(wsjson.Write(ctx, c, map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{
		"query":     `subscription($id: ID!) { orderStatusChanged(orderId: $id) { orderId status order { id } } }`,
		"variables": map[string]any{"id": orderID},
	}}))
	return &wsSub{c: c}
}

func (s *wsSub) next(timeout time.Duration) (wsUpdate, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	for {
		var msg struct {
			Type    string
			Payload struct {
				Data struct {
					OrderStatusChanged wsUpdate `json:"orderStatusChanged"`
				} `json:"data"`
				Errors []any `json:"errors"`
			}
		}
		if err := wsjson.Read(ctx, s.c, &msg); err != nil {
			return wsUpdate{}, err
		}
		switch msg.Type {
		case "next":
			if len(msg.Payload.Errors) > 0 {
				return wsUpdate{}, fmt.Errorf("errors %v", msg.Payload.Errors)
			}
			return msg.Payload.Data.OrderStatusChanged, nil
		case "ping":
			_ = wsjson.Write(ctx, s.c, map[string]any{"type": "pong"})
		case "error", "complete":
			return wsUpdate{}, fmt.Errorf("subscription ended: %+v", msg)
		}
	}
}
