package server_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"
	"github.com/google/uuid"

	"github.com/purra/supergraph/subgraphs/orders/internal/live"
)

const watch = `subscription($id: ID!) { orderStatusChanged(orderId: $id) { fulfilment { id status trackingNumber amount { paise } }
	orderId orderNumber status previousStatus at order { id status trackingNumber } } }`

type updateOut struct {
	OrderStatusChanged struct {
		OrderID        string
		OrderNumber    string
		Status         string
		PreviousStatus string
		At             string
		Order          struct {
			ID             string
			Status         string
			TrackingNumber *string
		}
		Fulfilment *struct {
			ID, Status     string
			TrackingNumber *string
			Amount         struct{ Paise int64 }
		}
	}
}

// subscribe opens a websocket subscription as token (sent in
// connectionParams, as the router does) to order id.
func (e *env) subscribe(token, id string) *client.Subscription {
	e.t.Helper()
	var init map[string]any
	if token != "" {
		init = map[string]any{"Authorization": token}
	}
	sub := client.New(e.h, client.Path("/graphql")).WebsocketWithPayload(watch, init, client.Var("id", id))
	e.t.Cleanup(func() { _ = sub.Close() })
	return sub
}

// waitSubscribed waits until the hub has n subscribers of order id.
func (e *env) waitSubscribed(id string, n int) {
	e.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for e.parts.Hub.Subscribers(id) != n {
		if time.Now().After(deadline) {
			e.t.Fatalf("hub has %d subscribers of %s, want %d", e.parts.Hub.Subscribers(id), id, n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// publishOutbox feeds the hub with order id's status changes exactly as
// the Kafka feed would: the outbox envelopes, decoded by live.Decode.
func (e *env) publishOutbox(id string, skip int) {
	e.t.Helper()
	rows, err := e.d.DB.Query(context.Background(), `SELECT envelope FROM outbox WHERE key = $1 ORDER BY seq`, id)
	if err != nil {
		e.t.Fatal(err)
	}
	defer rows.Close()
	seen := 0
	for rows.Next() {
		var raw []byte
		if err := rows.Scan(&raw); err != nil {
			e.t.Fatal(err)
		}
		ev, ok, err := live.Decode(raw)
		if err != nil {
			e.t.Fatal(err)
		}
		if ok {
			if seen >= skip {
				e.parts.Hub.Publish(ev)
			}
			seen++
		}
	}
}

func TestSubscriptionPushesStatusChanges(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "", cable, 1)
	o := e.checkout("watch-0001", withPayment("COD"))
	buyer := e.subscribe(e.customer(e.rahul), o.ID)
	owner := e.subscribe(e.owner(e.vikram), o.ID)
	e.waitSubscribed(o.ID, 2)

	e.mustDo(e.owner(e.vikram), markPacked, map[string]any{"id": o.ID}, nil)
	e.mustDo(e.owner(e.vikram), markShipped, map[string]any{"id": o.ID, "tn": "AWB9", "c": "Blue Dart"}, nil)
	e.publishOutbox(o.ID, 2) // skip checkout's confirmation (its fulfilment's, then the order's)

	for name, sub := range map[string]*client.Subscription{"buyer": buyer, "owner": owner} {
		var fpack, first, fship, second updateOut
		for _, u := range []*updateOut{&fpack, &first, &fship, &second} {
			if err := sub.Next(u); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
		// Each store's change comes with its fulfilment, before the order's own change.
		if f := fship.OrderStatusChanged.Fulfilment; fpack.OrderStatusChanged.Fulfilment == nil || f == nil ||
			f.Status != "SHIPPED" || *f.TrackingNumber != "AWB9" || f.Amount.Paise != 19900 || fship.OrderStatusChanged.Status != "SHIPPED" {
			t.Fatalf("%s: fulfilment updates %+v %+v", name, fpack, fship)
		}
		u1, u2 := first.OrderStatusChanged, second.OrderStatusChanged
		if u1.Fulfilment != nil || u2.Fulfilment != nil {
			t.Fatalf("%s: an order-level update with a fulfilment", name)
		}
		if u1.OrderID != o.ID || u1.OrderNumber != o.OrderNumber || u1.Status != "PACKED" || u1.PreviousStatus != "CONFIRMED" || u1.At == "" {
			t.Fatalf("%s: first update %+v", name, u1)
		}
		// order is read when the update is sent: it is the order as it is now.
		if u2.Status != "SHIPPED" || u2.PreviousStatus != "PACKED" || u2.Order.Status != "SHIPPED" || *u2.Order.TrackingNumber != "AWB9" {
			t.Fatalf("%s: second update %+v", name, u2)
		}
	}
	// Closing ends the subscription in the hub.
	_ = buyer.Close()
	_ = owner.Close()
	e.waitSubscribed(o.ID, 0)
}

func TestSubscriptionIsAuthorisedOnSubscribe(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "", cable, 1)
	o := e.checkout("watch-0002")
	for _, c := range []struct {
		name, token, id, code string
	}{
		{"anonymous", "", o.ID, "UNAUTHENTICATED"},
		{"bad token", "Bearer nope", o.ID, "UNAUTHENTICATED"},
		{"another customer", e.customer(e.priya), o.ID, "FORBIDDEN"},
		{"another store's owner", e.owner(e.neha), o.ID, "FORBIDDEN"},
		{"unknown order", e.customer(e.rahul), uuid.NewString(), "NOT_FOUND"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out updateOut
			err := e.subscribe(c.token, c.id).Next(&out)
			if err == nil || !strings.Contains(err.Error(), c.code) {
				t.Fatalf("err = %v, want %s", err, c.code)
			}
		})
	}
	if n := e.parts.Hub.Subscribers(o.ID); n != 0 {
		t.Fatalf("refused subscriptions left %d subscribers", n)
	}
}
