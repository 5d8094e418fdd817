package server_test

import (
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A new user gets one welcome email (English) and one in-app welcome, even
// when user.registered is delivered twice.
func TestWelcome_onceInEnglish(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	id := uuid.Must(uuid.NewV7()).String()
	event := uuid.NewString()
	payload := map[string]any{"userId": id, "name": "Rahul Sharma", "email": "Rahul@Example.in", "role": "CUSTOMER"}
	e.deliver(event, "user.registered", payload)
	e.deliver(event, "user.registered", payload)
	e.send()
	e.send()

	mails := e.sink.Messages("rahul@example.in")
	require.Len(t, mails, 1)
	assert.Equal(t, "Welcome to Purra, Rahul Sharma!", mails[0].Subject)
	assert.Contains(t, mails[0].HTML, "<b>Purra</b>")
	assert.Contains(t, mails[0].Text, "Hi Rahul Sharma,")
	assert.Equal(t, "Purra <no-reply@purra.in>", mails[0].From)

	assert.Equal(t, 1, e.count(`SELECT count(*) FROM notifications WHERE user_id = $1 AND channel = 'IN_APP' AND status = 'SENT'`, id))
	assert.Equal(t, 1, e.count(`SELECT count(*) FROM notifications WHERE user_id = $1 AND channel = 'EMAIL' AND status = 'SENT'`, id))
	assert.Equal(t, 2, e.outbox("notification.sent"), "one per delivered message")
}

// An order shipped: one email and one in-app notification, even when the
// event is applied twice — and even when redelivered under a new consumer
// (the unique (event, channel, user) holds). Statuses nobody is told about
// create nothing.
func TestOrderShipped_oncePerChannel(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	user := e.register("Rahul Sharma", "rahul@example.in")
	e.send()
	e.sink.Reset()
	order := uuid.NewString()
	e.deliver(uuid.NewString(), "order.placed", map[string]any{"orderId": order, "orderNumber": "PUR-2026-000042",
		"userId": user, "totalPaise": 12999900, "items": []any{}})
	e.send()
	require.Len(t, e.sink.Messages("rahul@example.in"), 1)
	assert.Equal(t, "Order PUR-2026-000042 placed", e.sink.Messages("")[0].Subject)
	assert.Contains(t, e.sink.Messages("")[0].HTML, "₹1,29,999.00")
	e.sink.Reset()

	shipped := uuid.NewString()
	status := map[string]any{"orderId": order, "orderNumber": "PUR-2026-000042", "userId": user, "from": "PACKED", "to": "SHIPPED"}
	e.deliver(shipped, "order.status_changed", status)
	e.deliver(shipped, "order.status_changed", status)
	_, err := e.d.DB.Exec(t.Context(), `DELETE FROM processed_events`) // as if another consumer group replayed it
	require.NoError(t, err)
	e.deliver(shipped, "order.status_changed", status)
	e.send()

	mails := e.sink.Messages("rahul@example.in")
	require.Len(t, mails, 1)
	assert.Equal(t, "Order PUR-2026-000042 has shipped", mails[0].Subject)
	assert.Equal(t, 1, e.count(`SELECT count(*) FROM notifications WHERE event_id = $1 AND channel = 'IN_APP'`, shipped))
	assert.Equal(t, 1, e.count(`SELECT count(*) FROM notifications WHERE event_id = $1 AND channel = 'EMAIL'`, shipped))

	before := e.count(`SELECT count(*) FROM notifications`)
	status["to"], status["from"] = "CONFIRMED", "PAID"
	e.deliver(uuid.NewString(), "order.status_changed", status)
	assert.Equal(t, before, e.count(`SELECT count(*) FROM notifications`), "CONFIRMED is not announced")
}

// A user who chose Hindi gets Hindi messages; the subject decodes readable.
func TestHindiRecipient(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	user := e.register("Anjali", "anjali@example.in")
	var out struct{ SetNotificationLanguage string }
	ok(t, e.do(e.token(user, "CUSTOMER"), `mutation { setNotificationLanguage(language: HI) }`, nil, &out))
	require.Equal(t, "HI", out.SetNotificationLanguage)
	e.send()
	e.sink.Reset()

	e.deliver(uuid.NewString(), "order.status_changed", map[string]any{"orderId": uuid.NewString(),
		"orderNumber": "PUR-2026-000077", "userId": user, "from": "SHIPPED", "to": "DELIVERED"})
	e.send()
	mails := e.sink.Messages("anjali@example.in")
	require.Len(t, mails, 1)
	assert.Equal(t, "ऑर्डर PUR-2026-000077 डिलीवर हो गया", mails[0].Subject)
	assert.Contains(t, mails[0].HTML, "नमस्ते Anjali")

	// A caller notifications never heard of cannot choose a language.
	resp := e.do(e.token(uuid.NewString(), "CUSTOMER"), `mutation { setNotificationLanguage(language: HI) }`, nil, nil)
	wantErr(t, resp, "NOT_FOUND", "")
}

// payment.refunded finds its buyer through order.placed; stock.low goes to
// every admin (admin.created), not to shoppers.
func TestRefundAndStockLow(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	user := e.register("Rahul Sharma", "rahul@example.in")
	order := uuid.NewString()
	e.deliver(uuid.NewString(), "order.placed", map[string]any{"orderId": order, "orderNumber": "PUR-2026-000050",
		"userId": user, "totalPaise": 500000})
	e.deliver(uuid.NewString(), "payment.refunded", map[string]any{"paymentId": uuid.NewString(), "orderId": order,
		"refundId": uuid.NewString(), "amountPaise": 150050, "refundedTotalPaise": 150050, "full": false})
	// A refund of an order never seen is skipped, not an error that blocks the partition.
	e.deliver(uuid.NewString(), "payment.refunded", map[string]any{"orderId": uuid.NewString(), "amountPaise": 100})

	for _, a := range []struct{ id, name, email string }{
		{"01937a00-0000-7000-8000-0000000000b1", "Priya Nair", "priya@purra.in"},
		{"01937a00-0000-7000-8000-0000000000b2", "Meera", "Meera@Purra.in"},
	} {
		e.deliver(uuid.NewString(), "admin.created", map[string]any{"adminId": a.id, "name": a.name, "email": a.email})
	}
	e.deliver(uuid.NewString(), "stock.low", map[string]any{"variantId": "01937a00-0000-7000-8000-000000000d07",
		"onHand": 4, "available": 2, "threshold": 5})
	e.send()

	refund := e.sink.Messages("rahul@example.in")
	require.Len(t, refund, 3) // welcome, placed, refund
	assert.Equal(t, "Refund of ₹1,500.50 for order PUR-2026-000050", refund[2].Subject)
	for _, to := range []string{"priya@purra.in", "meera@purra.in"} {
		got := e.sink.Messages(to)
		require.Len(t, got, 1, to)
		assert.True(t, strings.HasPrefix(got[0].Subject, "Low stock: variant 01937a00-0000-7000-8000-000000000d07"))
		assert.Contains(t, got[0].Text, "2 available")
	}
	assert.Equal(t, 0, e.count(`SELECT count(*) FROM notifications WHERE user_id = $1 AND event = 'STOCK_LOW'`, user))
}

// user.updated refreshes the address messages go to; the language choice stays.
func TestUserUpdated_newAddress(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	user := e.register("Rahul", "rahul@example.in")
	ok(t, e.do(e.token(user, "CUSTOMER"), `mutation { setNotificationLanguage(language: HI) }`, nil, nil))
	e.deliver(uuid.NewString(), "user.updated", map[string]any{"userId": user, "name": "Rahul S", "email": "rahul.s@example.in", "phone": "+919876543210"})
	assert.Equal(t, 1, e.count(`SELECT count(*) FROM recipients WHERE id = $1 AND email = 'rahul.s@example.in'
		AND phone = '+919876543210' AND language = 'hi' AND name = 'Rahul S'`, user))
}
