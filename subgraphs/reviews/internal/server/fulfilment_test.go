package server_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/purra/supergraph/platform/kafka"
)

func fulfilmentEnvelope(t *testing.T, userID, to string, items ...map[string]any) kafka.Envelope {
	t.Helper()
	orderID := newID()
	payload, _ := json.Marshal(map[string]any{
		"fulfilmentId": newID(), "orderId": orderID, "userId": userID, "storeId": newID(), "from": "SHIPPED", "to": to,
		"at": time.Now().UTC(), "paymentMethod": map[string]any{"type": "UPI"}, "amountPaise": 100, "items": items,
	})
	return kafka.Envelope{ID: newID(), Type: "order.fulfilment_changed", Version: 1, OccurredAt: time.Now().UTC(),
		AggregateID: orderID, Payload: payload}
}

// One store's DELIVERED fulfilment makes its products reviewable at once
// (before the whole order is delivered), from the event's product ids; a
// line without one is resolved through catalog; other moves record nothing.
func TestDeliveredFulfilmentRecordsPurchases(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	buyer := e.customer()
	phone, cable := newID(), newID()
	usbc := e.catalog.variant(cable)
	if err := e.apply(fulfilmentEnvelope(t, buyer.id, "SHIPPED", map[string]any{"variantId": newID(), "productId": phone})); err != nil {
		t.Fatal(err)
	}
	if n := e.count(`SELECT count(*) FROM purchases WHERE user_id = $1`, buyer.id); n != 0 {
		t.Fatalf("%d purchases for a shipment", n)
	}
	env := fulfilmentEnvelope(t, buyer.id, "DELIVERED", map[string]any{"variantId": newID(), "productId": phone},
		map[string]any{"variantId": usbc, "productId": nil})
	for range 2 {
		if err := e.apply(env); err != nil {
			t.Fatal(err)
		}
	}
	if n := e.count(`SELECT count(*) FROM purchases WHERE user_id = $1 AND product_id = ANY($2::uuid[])`, buyer.id, []string{phone, cable}); n != 2 {
		t.Fatalf("%d purchases, want the phone and the cable", n)
	}
	if n := e.catalog.calls.Load(); n != 1 {
		t.Fatalf("catalog called %d times, want once (for the line without a product id)", n)
	}
}
