package faults

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/e2e/invariants"
	"github.com/purra/supergraph/e2e/storefront"
	"github.com/purra/supergraph/tools/stack"
)

// TestStackRestartKeepsUnconsumedEvents is `KEEP_DATA=1 make run` after a
// stop: an order is placed while payments is down, so its order.placed sits
// in the broker unconsumed; the whole stack stops (Ctrl-C) and starts again
// on its data. The event is still there, payments consumes it and the order
// is confirmed.
func TestStackRestartKeepsUnconsumedEvents(t *testing.T) {
	variants, stocked := newVariants(t, 1, 10)
	shopper, _ := router.NewShopper(t)
	ctx := context.Background()
	r, err := shopper.AddToCart(ctx, variants[0], 2)
	require.NoError(t, err)
	require.Empty(t, r.Errors)
	require.NoError(t, sys.KillAndHold("payments"))
	res, r, err := shopper.Checkout(ctx, storefront.CheckoutInput{AddressID: shopper.DefaultAddress(t), Method: "UPI", UPIVPA: "success@sandbox"})
	require.NoError(t, err)
	require.Empty(t, r.Errors)
	require.Equal(t, "PENDING_PAYMENT", res.Order.Status)

	sys.Stop() // orders' relay flushes order.placed before it exits
	kept := options
	kept.Fresh = false
	restarted, err := stack.Start(ctx, kept)
	require.NoError(t, err, "restart on the kept data")
	sys = restarted

	require.Equal(t, "CONFIRMED", shopper.AwaitStatus(t, res.Order.ID, 60*time.Second, "CONFIRMED", "CANCELLED"))
	invariants.Eventually(t, dbPrefix, 30*time.Second, invariants.Expect{Stocked: stocked, Acknowledged: []string{res.Order.ID}})
}
