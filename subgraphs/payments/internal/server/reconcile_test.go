package server_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/servicetest"
)

// startWorkers runs the subgraph's workers until the returned stop — a
// "kill" of payments' background work (its database and HTTP stay).
func (e *env) startWorkers() (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for _, w := range e.sg.Workers {
		wg.Go(func() { _ = w(ctx) })
	}
	var once sync.Once
	stop = func() { once.Do(func() { cancel(); wg.Wait() }) }
	e.t.Cleanup(stop)
	return stop
}

func (e *env) logged(action string) int {
	return e.count(`SELECT count(*) FROM reconciliation_log WHERE action = $1`, action)
}

// Payments dies between creating the provider order and recording it, and
// the order is cancelled meanwhile; the buyer pays anyway. After the
// restart the provider order is found and recorded although the order is
// cancelled, the capture is recognised and refunded in full: no money is
// kept for a cancelled order.
func TestCrashAfterProviderOrder_cancelledOrderCaptureRefunded(t *testing.T) {
	t.Parallel()
	e := newEnv(t, map[string]string{"PAYMENTS_FAULT_PAUSE_AFTER_PROVIDER_ORDER": "2s", "SANDBOX_DELAY": "200ms"})
	stop := e.startWorkers()
	o := newOrder("UPI", "rahul@okaxis")
	e.place(o)
	require.Eventually(t, func() bool { return e.count(`SELECT count(*) FROM sandbox_orders`) == 1 }, 5*time.Second, 10*time.Millisecond)
	stop() // killed while paused: the provider order exists, payments never recorded it
	require.Empty(t, e.payment(o.id).ProviderOrderID)

	e.statusChanged(o, "PENDING_PAYMENT", "CANCELLED")
	require.Equal(t, "FAILED", e.payment(o.id).Status)
	_, err := e.d.DB.Exec(context.Background(), `UPDATE provider_calls SET locked_until = now()`) // the dead worker's lease ran out
	require.NoError(t, err)

	e.startWorkers() // restarted
	p := e.waitStatus(o.id, "REFUNDED")
	require.Regexp(t, `^order_sbx_`, p.ProviderOrderID)
	require.Equal(t, p.Captured, p.Refunded)
	require.Len(t, e.events("payment.refunded", o.id), 1)
}

// A capture whose webhook never arrived is found by the reconciliation:
// recorded (payment.succeeded) for a live order; recorded and refunded in
// full for a cancelled one. Each repair is logged and counted.
func TestReconciliation_lostCaptureWebhooks(t *testing.T) {
	t.Parallel()
	e := newEnv(t, map[string]string{"SANDBOX_DELAY": "300ms", "RECONCILE_INTERVAL": "50ms", "RECONCILE_AFTER": "1s"})
	stop := e.startWorkers()
	live, cancelled := newOrder("UPI", "rahul@okaxis"), newOrder("UPI", "priya@okicici")
	e.place(live)
	e.place(cancelled)
	e.waitProviderOrder(live.id)
	e.waitProviderOrder(cancelled.id)
	stop()
	_, err := e.d.DB.Exec(context.Background(), `UPDATE sandbox_callbacks SET gave_up_at = now()`) // lost
	require.NoError(t, err)
	e.statusChanged(cancelled, "PENDING_PAYMENT", "CANCELLED")
	time.Sleep(300 * time.Millisecond) // the buyers pay at the sandbox

	e.startWorkers()
	e.waitStatus(live.id, "CAPTURED")
	require.Len(t, e.events("payment.succeeded", live.id), 1)
	p := e.waitStatus(cancelled.id, "REFUNDED")
	require.Equal(t, p.Captured, p.Refunded)
	require.Equal(t, 2, e.logged("capture_recorded"))
	require.Equal(t, 1, e.logged("refund_started"))
	require.Contains(t, e.metrics(), `payments_reconciliation_actions_total{action="capture_recorded"} 2`)
}

// A capture webhook for no payment of ours is kept (the provider is asked
// to retry meanwhile); if it still matches nothing after RECONCILE_AFTER it
// (ten times over: the reconciliation records a lost provider order well
// before) it is refunded in full through the provider, logged and counted.
func TestReconciliation_orphanCaptureRefunded(t *testing.T) {
	t.Parallel()
	e := newEnv(t, map[string]string{"RECONCILE_INTERVAL": "50ms", "RECONCILE_AFTER": "1s"})
	e.startWorkers()
	status, _ := e.sandboxWebhook("evt_orphan_1", webhookBody("payment.captured", "order_sbx_unknown", "pay_sbx_unknown", 4900))
	require.NotEqual(t, 2, status/100, "unknown: the provider retries")
	require.Equal(t, 1, e.count(`SELECT count(*) FROM unmatched_captures WHERE resolved_at IS NULL`))
	time.Sleep(5 * time.Second)
	require.Zero(t, e.logged("orphan_refunded"), "not before 10 × RECONCILE_AFTER: its payment may still be recorded")
	require.Eventually(t, func() bool { return e.logged("orphan_refunded") == 1 }, 15*time.Second, 50*time.Millisecond)
	require.Equal(t, 1, e.count(`SELECT count(*) FROM unmatched_captures WHERE resolution = 'orphan_refunded'`))
	require.Contains(t, e.metrics(), `payments_reconciliation_actions_total{action="orphan_refunded"} 1`)
}

// orderPaymentState answers orders' clock without a shopper's token.
func TestOrderPaymentState(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	e.runWorkers()
	paid, _ := e.captured(129900)
	waiting := newOrder("UPI", "never@sandbox")
	e.place(waiting)
	q := `query($id: ID!) { orderPaymentState(orderId: $id) { orderId captured capturedPaise } }`
	for id, want := range map[string]map[string]any{
		paid.id:    {"orderId": paid.id, "captured": true, "capturedPaise": 129900.0},
		waiting.id: {"orderId": waiting.id, "captured": false, "capturedPaise": 0.0},
		rahul:      {"orderId": rahul, "captured": false, "capturedPaise": 0.0},
	} {
		var out struct{ OrderPaymentState map[string]any }
		ok(t, servicetest.Do(t, servicetest.As(t, "orders", "payments", e.h), "", q, map[string]any{"id": id}, &out))
		require.Equal(t, want, out.OrderPaymentState)
	}
	// Only orders' clock may ask: the router (and so any client) is refused.
	require.Equal(t, "FORBIDDEN", e.do("", q, map[string]any{"id": paid.id}, nil).Code())
}

// metrics renders the reconciliation counters as Prometheus lines.
func (e *env) metrics() string {
	e.t.Helper()
	mfs, err := e.d.Registry.Gather()
	require.NoError(e.t, err)
	var b strings.Builder
	for _, mf := range mfs {
		if mf.GetName() != "payments_reconciliation_actions_total" {
			continue
		}
		for _, m := range mf.GetMetric() {
			for _, l := range m.GetLabel() {
				fmt.Fprintf(&b, "%s{%s=%q} %g\n", mf.GetName(), l.GetName(), l.GetValue(), m.GetCounter().GetValue())
			}
		}
	}
	return b.String()
}
