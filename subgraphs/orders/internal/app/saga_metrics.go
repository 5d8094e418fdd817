package app

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/purra/supergraph/subgraphs/orders/internal/order"
)

// SagaOutcomes counts how checkouts end: confirmed (paid and stock committed),
// compensated (payment failed, or the stock was gone when the payment came:
// cancelled and refunded) or timed_out (no payment before the deadline).
// Counted after the change committed, so a redelivered event (skipped as
// processed) or a repeated clock step (a no-op) is not counted twice.
var SagaOutcomes = prometheus.NewCounterVec(prometheus.CounterOpts{
	Name: "orders_saga_outcomes_total",
	Help: "Checkout sagas by outcome (confirmed, compensated, timed_out).",
}, []string{"outcome"})

// onSagaEvent is onEvent counting outcome when the order moved from another status to to.
func (a *App) onSagaEvent(ctx context.Context, tx pgx.Tx, orderID string, to order.Status, outcome string, fn func(*order.Order) error) error {
	moved := false
	err := a.onEvent(ctx, tx, orderID, func(o *order.Order) error {
		before := o.Status
		if err := fn(o); err != nil {
			return err
		}
		moved = before != to && o.Status == to
		return nil
	})
	if err == nil && moved {
		SagaOutcomes.WithLabelValues(outcome).Inc()
	}
	return err
}

// countSettled counts the outcome of one clock step that moved an order
// from before to after.
func countSettled(before, after order.Status) {
	switch {
	case before == after:
	case after == order.Confirmed:
		SagaOutcomes.WithLabelValues("confirmed").Inc()
	case after == order.Cancelled && before == order.Paid:
		SagaOutcomes.WithLabelValues("compensated").Inc()
	case after == order.Cancelled:
		SagaOutcomes.WithLabelValues("timed_out").Inc()
	}
}
