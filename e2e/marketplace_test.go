package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/india"
)

const (
	e2eFulfilment = `id orderId store { id } status trackingNumber items { sku lineTotal { paise } } amount { paise }
		shippingAddress { pinCode } cancellationReason`
	e2eMyStoreOrders = `{ myStoreOrders(first: 50) { edges { node { ` + e2eFulfilment + ` } } } }`
	e2eOrderWatch    = `subscription($id: ID!) { orderStatusChanged(orderId: $id) { status fulfilment { id status } } }`
)

type e2eFulfilmentOut struct {
	ID, OrderID, Status string
	Store               struct{ ID string }
	TrackingNumber      *string
	Items               []struct {
		Sku       string
		LineTotal money
	}
	Amount money
}

// secondStore makes a second owner with an approved store selling one
// product (₹1,999, 5 units) and returns the owner, the store and the variant.
func secondStore(t *testing.T) (client, string, string) {
	t.Helper()
	shopper, reg := newShopper(t)
	pan := "ABCPV" + fmt.Sprintf("%04d", time.Now().UnixNano()%10000) + "K"
	var app struct{ ApplyForOwner struct{ ID string } }
	shopper.must(t, `mutation($in: ApplyForOwnerInput!) { applyForOwner(input: $in) { id } }`, map[string]any{"in": map[string]any{
		"businessName": "Sound Bazaar " + uuid.NewString()[:6], "gstin": gstin("29", pan), "pan": pan}}, &app)
	priya := adminLogin(t, priyaEmail)
	priya.must(t, `mutation($id: ID!) { approveOwnerApplication(id: $id) { id } }`, map[string]any{"id": app.ApplyForOwner.ID}, nil)
	var refreshed struct{ Login authPayload }
	client{}.must(t, op(t, "Login"), map[string]any{"input": map[string]any{"email": reg.User.Email, "password": "Sunrise2026x"}}, &refreshed)
	owner := client{}.withToken(refreshed.Login.AccessToken)
	var s struct{ CreateStore struct{ ID string } }
	owner.must(t, `mutation($in: CreateStoreInput!) { createStore(input: $in) { id } }`, map[string]any{"in": map[string]any{
		"name": "Sound Bazaar " + uuid.NewString()[:6], "pickupAddress": map[string]any{"line1": "8 Church Street",
			"city": "Bengaluru", "state": "KARNATAKA", "pinCode": "560001"}}}, &s)
	store := s.CreateStore.ID
	priya.must(t, `mutation($id: ID!) { approveStore(id: $id) { status } }`, map[string]any{"id": store}, nil)

	id := listing{store: store, title: "Bass Earbuds", sku: "BASS", hsn: "8518", mrp: 249900, price: 199900, stock: 5}.create(t, owner)
	return owner, store, id
}

// gstin builds a valid GSTIN of pan registered in state.
func gstin(state, pan string) string {
	first := state + pan + "1Z"
	return first + string(india.GSTINCheckChar(first))
}

func myFulfilment(t *testing.T, owner client, orderID string) (e2eFulfilmentOut, int) {
	t.Helper()
	var out struct {
		MyStoreOrders struct {
			Edges []struct{ Node e2eFulfilmentOut }
		}
	}
	owner.must(t, e2eMyStoreOrders, nil, &out)
	var mine []e2eFulfilmentOut
	for _, e := range out.MyStoreOrders.Edges {
		if e.Node.OrderID == orderID {
			mine = append(mine, e.Node)
		}
	}
	require.Len(t, mine, 1)
	return mine[0], len(out.MyStoreOrders.Edges)
}

// TestMarketplaceFulfilmentPerStore (issue 9, part 1): Rahul buys an iPhone
// from TechHub and earbuds from a second store in one checkout. Each owner
// sees only their fulfilment; TechHub packs and ships; the second store
// cancels (its stock back, its part refunded exactly, Rahul's subscription
// sees both); the second owner can neither read, ship nor over-refund
// TechHub's part, and bad input is coded and writes nothing.
func TestMarketplaceFulfilmentPerStore(t *testing.T) {
	rahul, _ := login(t, rahulEmail, seedPassword)
	vikram, _ := login(t, vikramEmail, seedPassword)
	second, secondID, earbuds := secondStore(t)
	phone := variantBySlug(t, "apple-iphone-15").ID
	phoneStock := stockOf(t, vikram, phone)

	rahul.must(t, `mutation { clearCart { id } }`, nil, nil)
	rahul.must(t, addToCart, map[string]any{"v": phone, "q": 1}, nil)
	rahul.must(t, addToCart, map[string]any{"v": earbuds, "q": 1}, nil)
	order, r := checkout(t, rahul, defaultAddress(t, rahul), "", "UPI", "rahul@okaxis")
	require.Empty(t, r.Errors)
	awaitStatus(t, rahul, order.ID, "CONFIRMED")
	require.Equal(t, 4, stockOf(t, second, earbuds), "committed")
	sub := rahul.subscribe(t, e2eOrderWatch, map[string]any{"id": order.ID})
	time.Sleep(2 * time.Second) // the subscription's feed is live-only

	// Each owner sees only their own part: their lines and their amount.
	tech, _ := myFulfilment(t, vikram, order.ID)
	theirs, n := myFulfilment(t, second, order.ID)
	require.Equal(t, 1, n, "the new store has only this order")
	require.Len(t, tech.Items, 1)
	require.Len(t, theirs.Items, 1)
	require.Equal(t, int64(199900), theirs.Amount.Paise)
	require.Equal(t, "CONFIRMED", tech.Status)
	require.Equal(t, secondID, theirs.Store.ID)
	require.Equal(t, order.Total.Paise, tech.Amount.Paise+theirs.Amount.Paise, "free shipping: the parts add up to the total")

	// The second owner's attempts on TechHub's part: all FORBIDDEN, nothing changes.
	r = second.do(t, `query($id: ID!) { order(id: $id) { items { sku } } }`, map[string]any{"id": order.ID}, nil)
	require.Equal(t, "FORBIDDEN", r.code(), "reading the whole order")
	r = second.do(t, `mutation($id: ID!) { markFulfilmentPacked(id: $id) { id } }`, map[string]any{"id": tech.ID}, nil)
	require.Equal(t, "FORBIDDEN", r.code())
	r = second.do(t, `mutation($id: ID!) { markFulfilmentShipped(id: $id, trackingNumber: "AWB1", carrier: "Delhivery") { id } }`,
		map[string]any{"id": tech.ID}, nil)
	require.Equal(t, "FORBIDDEN", r.code())
	var pay orderPayments
	rahul.must(t, orderWithPayments, map[string]any{"id": order.ID}, &pay)
	paymentID := pay.Order.Payments[0].ID
	refund := `mutation($in: RefundPaymentInput!) { refundPayment(input: $in) { id amount { paise } } }`
	r = second.do(t, refund, map[string]any{"in": map[string]any{"paymentId": paymentID, "amountPaise": 200000, "reason": "damaged item"}}, nil)
	require.Equal(t, "FORBIDDEN", r.code(), "₹2,000 on own lines of ₹1,999: %+v", r.Errors)
	r = second.do(t, refund, map[string]any{"in": map[string]any{"paymentId": paymentID, "amountPaise": 100,
		"reason": "damaged item", "storeId": tech.Store.ID}}, nil)
	require.Equal(t, "FORBIDDEN", r.code(), "refunding TechHub's lines")
	// Bad input on every new mutation: coded, nothing written.
	for _, c := range []struct{ q, field string }{
		{`mutation { markFulfilmentShipped(id: "` + tech.ID + `", trackingNumber: "AWB 1", carrier: "Delhivery") { id } }`, "trackingNumber"},
		{`mutation { markFulfilmentShipped(id: "` + tech.ID + `", trackingNumber: "AWB1", carrier: "") { id } }`, "carrier"},
		{`mutation { cancelFulfilment(id: "` + tech.ID + `", reason: "x") { id } }`, "reason"},
	} {
		r = vikram.do(t, c.q, nil, nil)
		require.Equal(t, "BAD_USER_INPUT", r.code(), c.q)
		require.Equal(t, c.field, r.Errors[0].Extensions["field"])
	}
	r = vikram.do(t, `mutation { markFulfilmentPacked(id: "`+uuid.NewString()+`") { id } }`, nil, nil)
	require.Equal(t, "NOT_FOUND", r.code())
	r = vikram.do(t, `mutation { markFulfilmentDelivered(id: "`+tech.ID+`") { id } }`, nil, nil)
	require.Equal(t, "CONFLICT", r.code())
	orders := db(t, "orders")
	require.Equal(t, 0, count(t, orders, `SELECT count(*) FROM fulfilments WHERE order_id = $1 AND status <> 'CONFIRMED'`, order.ID))
	payments := db(t, "payments")
	require.Equal(t, 0, count(t, payments, `SELECT count(*) FROM refunds WHERE payment_id = $1`, paymentID))

	// TechHub packs and ships; the second store cancels.
	vikram.must(t, `mutation($id: ID!) { markFulfilmentPacked(id: $id) { id } }`, map[string]any{"id": tech.ID}, nil)
	vikram.must(t, `mutation($id: ID!) { markFulfilmentShipped(id: $id, trackingNumber: "AWB-9001", carrier: "Delhivery") { id } }`,
		map[string]any{"id": tech.ID}, nil)
	awaitStatus(t, rahul, order.ID, "PARTIALLY_SHIPPED")
	second.must(t, `mutation($id: ID!) { cancelFulfilment(id: $id, reason: "Stock damaged in our warehouse") { id } }`,
		map[string]any{"id": theirs.ID}, nil)
	awaitStatus(t, rahul, order.ID, "SHIPPED")

	// Its stock is back, its part refunded exactly (to the store), TechHub's stays paid.
	require.Eventually(t, func() bool { return stockOf(t, second, earbuds) == 5 }, 20*time.Second, 100*time.Millisecond)
	require.Equal(t, phoneStock-1, stockOf(t, vikram, phone))
	require.Eventually(t, func() bool {
		return count(t, payments, `SELECT count(*) FROM refunds WHERE payment_id = $1 AND store_id = $2 AND status = 'PROCESSED'
			AND amount_paise = 199900`, paymentID, secondID) == 1
	}, 20*time.Second, 100*time.Millisecond)
	require.Equal(t, 1, count(t, payments, `SELECT count(*) FROM refunds WHERE payment_id = $1`, paymentID))
	// After the cancellation nothing is left of the second store's part to refund.
	r = second.do(t, refund, map[string]any{"in": map[string]any{"paymentId": paymentID, "amountPaise": 1, "reason": "damaged item"}}, nil)
	require.Equal(t, "FORBIDDEN", r.code())

	// Rahul's subscription saw both stores' changes.
	seen := map[string]bool{}
	deadline := time.Now().Add(20 * time.Second)
	for !(seen[tech.ID+":SHIPPED"] && seen[theirs.ID+":CANCELLED"]) && time.Now().Before(deadline) {
		ev, ok := sub.next(t, 5*time.Second)
		if !ok {
			continue
		}
		require.Empty(t, ev.Errors)
		var u struct {
			OrderStatusChanged struct {
				Status     string
				Fulfilment *struct{ ID, Status string }
			}
		}
		decode(t, ev, &u)
		if f := u.OrderStatusChanged.Fulfilment; f != nil {
			seen[f.ID+":"+f.Status] = true
		}
	}
	require.True(t, seen[tech.ID+":SHIPPED"] && seen[theirs.ID+":CANCELLED"], "subscription saw %v", seen)
	_ = strings.TrimSpace
}
