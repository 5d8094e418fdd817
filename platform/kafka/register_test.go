package kafka

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"
)

// Two handlers for one event type would leave one of them silently unused.
func TestOnRefusesASecondHandlerForAnEventType(t *testing.T) {
	c := &Consumer{Group: "test"}
	h := func(context.Context, pgx.Tx, Envelope) error { return nil }
	c.On("orders.events", "order.fulfilment_changed", h)
	require.Panics(t, func() { c.On("orders.events", "order.fulfilment_changed", h) })
	require.NotPanics(t, func() { c.On("orders.events", "order.placed", h) })
	require.NotPanics(t, func() { c.On("payments.events", "order.placed", h) }, "one type on another topic")
}
