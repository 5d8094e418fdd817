package app

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/purra/supergraph/platform/periodic"
	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
	"github.com/purra/supergraph/subgraphs/payments/internal/provider"
	"github.com/purra/supergraph/subgraphs/payments/internal/store"
)

// Reconciliation (docs/commerce.md): payments compares what it recorded with
// what the provider holds, and repairs the difference, each repair written
// to reconciliation_log in its own transaction and counted in
// payments_reconciliation_actions_total{action}:
//
//   - provider_order_recorded: a provider order created for a payment whose
//     answer was lost (a crash between creating and recording it);
//   - capture_recorded: money the provider captured that payments never
//     heard of (a lost webhook); if the order was cancelled meanwhile the
//     capture is refunded at once (refund_started);
//   - failure_recorded: a payment the provider failed, still waiting here;
//   - unmatched_matched / orphan_refunded: a capture webhook that matched no
//     payment is applied once its payment is known, or refunded in full
//     through the provider when it stays unmatched for orphanAfter ×
//     ReconcileAfter.

// Reconciliation actions (the metric's label and the log's action).
const (
	ActionProviderOrderRecorded = "provider_order_recorded"
	ActionCaptureRecorded       = "capture_recorded"
	ActionRefundStarted         = "refund_started"
	ActionFailureRecorded       = "failure_recorded"
	ActionUnmatchedMatched      = "unmatched_matched"
	ActionOrphanRefunded        = "orphan_refunded"
)

// ReasonOrphanCapture is the refund reason of money captured for no payment of ours.
const ReasonOrphanCapture = "captured for no order of Purra's: refunded by reconciliation"

// reconcileBatch bounds one round.
const reconcileBatch = 100

// orphanAfter (× ReconcileAfter) is how long a capture must stay unmatched
// before it is refunded as an orphan: far longer than it takes the
// reconciliation to record a lost provider order (one round past
// ReconcileAfter), so money of a payment of ours is never refunded twice.
const orphanAfter = 10

// Metrics are the reconciliation's Prometheus metrics.
type Metrics struct {
	actions *prometheus.CounterVec
}

// NewMetrics registers the reconciliation metrics on reg.
func NewMetrics(reg prometheus.Registerer) (*Metrics, error) {
	m := &Metrics{actions: prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "payments_reconciliation_actions_total",
		Help: "Repairs made by comparing payments with their provider, by action.",
	}, []string{"action"})}
	for _, a := range []string{ActionProviderOrderRecorded, ActionCaptureRecorded, ActionRefundStarted,
		ActionFailureRecorded, ActionUnmatchedMatched, ActionOrphanRefunded} {
		m.actions.WithLabelValues(a) // present at 0 from the start
	}
	if err := reg.Register(m.actions); err != nil {
		return nil, err
	}
	return m, nil
}

func (a *App) count(action string) {
	if a.Metrics != nil {
		a.Metrics.actions.WithLabelValues(action).Inc()
	}
}

// RunReconciler reconciles every interval until ctx ends; a failed round is
// logged and retried on the next tick.
func (a *App) RunReconciler(ctx context.Context, interval time.Duration) error {
	return periodic.Every(ctx, a.log, interval, "reconcile payments", func(ctx context.Context) (int, error) {
		return 0, a.Reconcile(ctx)
	})
}

// Reconcile runs one round: payments still without money, then captures
// that matched no payment.
func (a *App) Reconcile(ctx context.Context) error {
	ps, err := a.store.ToReconcile(ctx, a.ReconcileAfter, reconcileBatch)
	if err != nil {
		return err
	}
	for _, p := range ps {
		if err := a.reconcilePayment(ctx, p); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			a.log.WarnContext(ctx, "payment not reconciled (retried next round)", "payment_id", p.ID, "err", err)
		}
	}
	return a.reconcileUnmatched(ctx)
}

// reconcilePayment compares one payment with its provider.
func (a *App) reconcilePayment(ctx context.Context, p *payment.Payment) error {
	prov, ok := a.providers[p.Provider]
	if !ok {
		return fmt.Errorf("provider %s not configured", p.Provider)
	}
	providerOrderID := p.ProviderOrderID
	if providerOrderID == "" {
		o, found, err := prov.FindOrder(ctx, provider.OrderRequest{PaymentID: p.ID, OrderID: p.OrderID,
			OrderNumber: p.OrderNumber, AmountPaise: p.Amount, Currency: "INR", Method: p.Method, UpiVpa: p.UpiVpa})
		if err != nil || !found {
			return err
		}
		if err := a.repair(ctx, p.ID, store.LogEntry{Action: ActionProviderOrderRecorded, ProviderRef: o.ID,
			Detail: "the provider order's creation was never recorded"},
			func(p *payment.Payment) payment.Effects { return p.ProviderOrderCreated(o.ID, a.now()) }); err != nil {
			return err
		}
		providerOrderID = o.ID
	}
	states, err := prov.OrderPayments(ctx, providerOrderID)
	if err != nil {
		return err
	}
	for _, st := range states {
		switch {
		case st.Captured():
			return a.repair(ctx, p.ID, store.LogEntry{Action: ActionCaptureRecorded, ProviderRef: st.ID, AmountPaise: st.AmountPaise,
				Detail: "the provider captured it; its webhook never reached payments"},
				func(p *payment.Payment) payment.Effects { return p.Capture(st.ID, st.AmountPaise, a.now()) })
		case st.Status == "failed":
			return a.repair(ctx, p.ID, store.LogEntry{Action: ActionFailureRecorded, ProviderRef: st.ID,
				Detail: "the provider failed it; its webhook never reached payments"},
				func(p *payment.Payment) payment.Effects {
					return p.Fail("payment failed (found by reconciliation)", a.now())
				})
		}
	}
	return nil
}

// repair applies fn to the locked payment and, when it changed something,
// logs e (and a refund it started) in the same transaction.
func (a *App) repair(ctx context.Context, paymentID string, e store.LogEntry, fn func(*payment.Payment) payment.Effects) error {
	var actions []string
	err := a.store.InTx(ctx, func(tx pgx.Tx) error {
		actions = nil
		p, err := a.store.LockPayment(ctx, tx, paymentID)
		if err != nil || p == nil {
			return err
		}
		eff := fn(p)
		if !eff.Changed {
			return nil
		}
		if _, err := a.store.Save(ctx, tx, p, eff, store.SaveOptions{}); err != nil {
			return err
		}
		e.Provider, e.PaymentID = p.Provider, p.ID
		if err := a.store.LogReconciliation(ctx, tx, e); err != nil {
			return err
		}
		actions = append(actions, e.Action)
		for _, r := range eff.NewRefunds {
			if err := a.store.LogReconciliation(ctx, tx, store.LogEntry{Action: ActionRefundStarted, Provider: p.Provider,
				PaymentID: p.ID, ProviderRef: r.ID, AmountPaise: r.Amount, Detail: r.Reason}); err != nil {
				return err
			}
			actions = append(actions, ActionRefundStarted)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, act := range actions {
		a.count(act)
		a.log.WarnContext(ctx, "payment repaired by reconciliation", "payment_id", paymentID, "action", act)
	}
	return nil
}

// reconcileUnmatched settles the capture webhooks that matched no payment
// and stayed so for ReconcileAfter: applied to their payment if it is known
// by now, else refunded in full through the provider (outside any
// transaction; the refund id is derived from the provider's payment, so
// two instances, or a retry, refund once).
func (a *App) reconcileUnmatched(ctx context.Context) error {
	us, err := a.store.Unmatched(ctx, a.ReconcileAfter, reconcileBatch)
	if err != nil {
		return err
	}
	for _, u := range us {
		if err := a.settleUnmatched(ctx, u); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			a.log.WarnContext(ctx, "unmatched capture not settled (retried next round)", "provider_payment_id", u.ProviderPaymentID, "err", err)
		}
	}
	return nil
}

func (a *App) settleUnmatched(ctx context.Context, u store.UnmatchedCapture) error {
	entry := store.LogEntry{Provider: u.Provider, ProviderRef: u.ProviderPaymentID, AmountPaise: u.AmountPaise}
	matched := false
	err := a.store.InTx(ctx, func(tx pgx.Tx) error {
		p, err := a.store.LockPaymentByProvider(ctx, tx, u.Provider, u.ProviderOrderID, u.ProviderPaymentID)
		if err != nil || p == nil {
			return err
		}
		matched = true
		if _, err := a.store.Save(ctx, tx, p, p.Capture(u.ProviderPaymentID, u.AmountPaise, a.now()), store.SaveOptions{}); err != nil {
			return err
		}
		entry.Action, entry.PaymentID, entry.Detail = ActionUnmatchedMatched, p.ID, "capture webhook matched its payment later"
		return a.resolveUnmatched(ctx, tx, u, entry)
	})
	if err != nil || matched || time.Since(u.SeenAt) < orphanAfter*a.ReconcileAfter {
		return err
	}
	prov, ok := a.providers[u.Provider]
	if !ok {
		return fmt.Errorf("provider %s not configured", u.Provider)
	}
	refundID := uuid.NewSHA1(uuid.NameSpaceURL, []byte("purra:orphan-refund:"+string(u.Provider)+":"+u.ProviderPaymentID)).String()
	res, err := prov.Refund(ctx, provider.RefundRequest{RefundID: refundID, ProviderPaymentID: u.ProviderPaymentID,
		AmountPaise: u.AmountPaise, Reason: ReasonOrphanCapture})
	if err != nil {
		return fmt.Errorf("refund orphan capture %s: %w", u.ProviderPaymentID, err)
	}
	entry.Action, entry.Detail = ActionOrphanRefunded, "refund "+res.ID+" ("+string(res.Status)+")"
	return a.store.InTx(ctx, func(tx pgx.Tx) error { return a.resolveUnmatched(ctx, tx, u, entry) })
}

// resolveUnmatched marks u resolved and logs entry in tx; counted once committed.
func (a *App) resolveUnmatched(ctx context.Context, tx pgx.Tx, u store.UnmatchedCapture, entry store.LogEntry) error {
	done, err := a.store.ResolveUnmatched(ctx, tx, u, entry.Action)
	if err != nil || !done {
		return err // another instance resolved it first
	}
	if err := a.store.LogReconciliation(ctx, tx, entry); err != nil {
		return err
	}
	a.count(entry.Action) // a rolled-back count is an overcount of one at worst, in a dev-only race
	a.log.WarnContext(ctx, "unmatched capture settled by reconciliation", "provider_payment_id", u.ProviderPaymentID, "action", entry.Action)
	return nil
}
