package server_test

import (
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An order of two stores ships store by store: each shipment is one email
// naming what shipped; the order's own SHIPPED adds nothing. An order of one
// store is announced once, by its own SHIPPED (its fulfilment event is silent).
func TestFulfilmentShippedOncePerStore(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	user := e.register("Rahul Sharma", "rahul@example.in")
	e.send()
	e.sink.Reset()
	order, stores := uuid.NewString(), []string{uuid.NewString(), uuid.NewString()}
	shipped := func(store string, titles ...string) map[string]any {
		items := []map[string]any{}
		for _, t := range titles {
			items = append(items, map[string]any{"title": t, "quantity": 1})
		}
		return map[string]any{"fulfilmentId": uuid.NewString(), "orderId": order, "orderNumber": "PUR-2026-000099",
			"userId": user, "storeId": store, "storeIds": stores, "from": "PACKED", "to": "SHIPPED",
			"trackingNumber": "DEL-42", "carrier": "Delhivery", "items": items}
	}
	ev := uuid.NewString()
	e.deliver(ev, "order.fulfilment_changed", shipped(stores[1], "Samsung Galaxy Buds2 Pro (Graphite)"))
	e.deliver(ev, "order.fulfilment_changed", shipped(stores[1], "Samsung Galaxy Buds2 Pro (Graphite)")) // redelivered
	e.deliver(uuid.NewString(), "order.status_changed", map[string]any{"orderId": order, "orderNumber": "PUR-2026-000099",
		"userId": user, "from": "PARTIALLY_SHIPPED", "to": "SHIPPED", "storeIds": stores})
	e.send()
	mails := e.sink.Messages("rahul@example.in")
	require.Len(t, mails, 1)
	assert.Equal(t, "Your Samsung Galaxy Buds2 Pro (Graphite) has shipped", mails[0].Subject)
	assert.Contains(t, mails[0].HTML, "DEL-42")

	e.sink.Reset()
	e.deliver(uuid.NewString(), "order.fulfilment_changed", shipped(stores[0], "Apple iPhone 15", "USB-C cable"))
	e.send()
	mails = e.sink.Messages("rahul@example.in")
	require.Len(t, mails, 1)
	assert.Equal(t, "Your Apple iPhone 15 and 1 more has shipped", mails[0].Subject)

	// One store: the fulfilment event is silent (order.status_changed announces it, TestOrderShipped_oncePerChannel).
	before := e.count(`SELECT count(*) FROM notifications`)
	one := shipped(stores[0], "Apple iPhone 15")
	one["storeIds"] = stores[:1]
	e.deliver(uuid.NewString(), "order.fulfilment_changed", one)
	assert.Equal(t, before, e.count(`SELECT count(*) FROM notifications`))
}
