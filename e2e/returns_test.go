package e2e

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestReturnThroughTheRouter: a shopper returns one of two delivered units;
// the store approves and receives it, payments refunds exactly its share of
// the line, orders marks the return REFUNDED and the unit is back in stock.
// Checkout on this branch does not create fulfilments yet, so the test
// delivers the store's fulfilment by SQL against the orders database (the
// state markFulfilmentDelivered leaves once fulfilments land).
func TestReturnThroughTheRouter(t *testing.T) {
	vikram, _ := login(t, vikramEmail, seedPassword)
	variant := newListing(t, vikram, 5)
	c, _ := newShopper(t)
	c.must(t, addToCart, map[string]any{"v": variant, "q": 2}, nil)
	order, r := checkout(t, c, defaultAddress(t, c), "", "CARD", "")
	require.Empty(t, r.Errors)
	awaitStatus(t, c, order.ID, "CONFIRMED")
	require.Eventually(t, func() bool { return stockOf(t, vikram, variant) == 3 }, 10*time.Second, 50*time.Millisecond)

	var items struct {
		Order struct {
			Items []struct {
				ID        string
				Quantity  int
				LineTotal money
				Store     struct{ ID string }
			}
		}
	}
	c.must(t, `query($id: ID!) { order(id: $id) { items { id quantity lineTotal { paise } store { id } } } }`,
		map[string]any{"id": order.ID}, &items)
	line := items.Order.Items[0]
	orders := db(t, "orders")
	_, err := orders.Exec(context.Background(), `INSERT INTO fulfilments (id, order_id, store_id, status, delivered_at, created_at, updated_at)
		VALUES (gen_random_uuid(), $1, $2, 'DELIVERED', now(), now(), now())
		ON CONFLICT (order_id, store_id) DO UPDATE SET status = 'DELIVERED', delivered_at = now()`, order.ID, line.Store.ID)
	require.NoError(t, err)

	const request = `mutation($in: RequestReturnInput!) { requestReturn(input: $in) { id status refund { paise } } }`
	in := map[string]any{"orderId": order.ID, "storeId": line.Store.ID, "reason": "DEFECTIVE",
		"items": []map[string]any{{"orderItemId": line.ID, "quantity": 1}}}
	other, _ := newShopper(t)
	require.Equal(t, "FORBIDDEN", other.do(t, request, map[string]any{"in": in}, nil).code())
	var ret struct {
		RequestReturn struct {
			ID, Status string
			Refund     money
		}
	}
	c.must(t, request, map[string]any{"in": in}, &ret)
	half := line.LineTotal.Paise / 2
	if line.LineTotal.Paise%2 == 1 {
		half++ // largest remainder: the first unit carries the odd paisa
	}
	require.Equal(t, half, ret.RequestReturn.Refund.Paise)

	id := map[string]any{"id": ret.RequestReturn.ID}
	require.Equal(t, "FORBIDDEN", c.do(t, `mutation($id: ID!) { approveReturn(id: $id) { status } }`, id, nil).code())
	vikram.must(t, `mutation($id: ID!) { approveReturn(id: $id) { status } }`, id, nil)
	vikram.must(t, `mutation($in: MarkReturnReceivedInput!) { markReturnReceived(input: $in) { status } }`,
		map[string]any{"in": map[string]any{"returnId": ret.RequestReturn.ID,
			"items": []map[string]any{{"orderItemId": line.ID, "resaleable": true}}}}, nil)

	var mine struct {
		MyReturns struct {
			Edges []struct{ Node struct{ ID, Status string } }
		}
	}
	require.Eventually(t, func() bool {
		c.must(t, `{ myReturns(first: 1) { edges { node { id status } } } }`, nil, &mine)
		return len(mine.MyReturns.Edges) == 1 && mine.MyReturns.Edges[0].Node.Status == "REFUNDED"
	}, 15*time.Second, 100*time.Millisecond, "return refunded: %+v", mine)
	var pays struct {
		Order struct {
			Payments []struct{ RefundedAmount money }
		}
	}
	c.must(t, `query($id: ID!) { order(id: $id) { payments { refundedAmount { paise } } } }`, map[string]any{"id": order.ID}, &pays)
	require.Equal(t, half, pays.Order.Payments[0].RefundedAmount.Paise)
	require.Eventually(t, func() bool { return stockOf(t, vikram, variant) == 4 }, 10*time.Second, 50*time.Millisecond,
		"the resaleable unit is back in stock")
}
