package server_test

import (
	"sort"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/servicetest"
)

const (
	reserveQ = `mutation($in: ReserveStockInput!) { reserveStock(input: $in) {
		orderId status expiresAt lines { variantId quantity } } }`
	releaseQ = `mutation($o: ID!) { releaseStock(orderId: $o) }`
)

type reservationOut struct {
	OrderID   string
	Status    string
	ExpiresAt time.Time
	Lines     []struct {
		VariantID string
		Quantity  int
	}
}

func newOrderID() string { return uuid.Must(uuid.NewV7()).String() }

func reserveInput(orderID string, lines map[string]int, ttl *int) map[string]any {
	ids := make([]string, 0, len(lines))
	for id := range lines {
		ids = append(ids, id)
	}
	sort.Sort(sort.Reverse(sort.StringSlice(ids))) // not in lock order: the subgraph sorts
	ls := make([]map[string]any, len(ids))
	for i, id := range ids {
		ls[i] = map[string]any{"variantId": id, "quantity": lines[id]}
	}
	in := map[string]any{"orderId": orderID, "lines": ls}
	if ttl != nil {
		in["ttlSeconds"] = *ttl
	}
	return map[string]any{"in": in}
}

// tryReserve calls reserveStock and returns the response.
func (e *env) tryReserve(auth, orderID string, lines map[string]int, ttl *int) (reservationOut, servicetest.Response) {
	var out struct{ ReserveStock reservationOut }
	r := e.asOrders(auth, reserveQ, reserveInput(orderID, lines, ttl), &out)
	return out.ReserveStock, r
}

// reserve is tryReserve that must succeed.
func (e *env) reserve(auth, orderID string, lines map[string]int, ttl *int) reservationOut {
	e.t.Helper()
	res, r := e.tryReserve(auth, orderID, lines, ttl)
	require.Empty(e.t, r.Errors, "reserveStock")
	return res
}

func ttl(seconds int) *int { return &seconds }
