package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/logx"
	"github.com/purra/supergraph/platform/telemetry"
	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
	"github.com/purra/supergraph/subgraphs/payments/internal/provider"
	"github.com/purra/supergraph/subgraphs/payments/internal/store"
)

// RunCalls is the provider call worker: it makes the calls that committed
// transactions queued (create the provider order, capture, refund), retries
// failures with backoff, and gives a call up after MaxCallAttempts. It runs
// until ctx is cancelled; a call interrupted by shutdown is retried by the
// next worker once its lease ends.
func (a *App) RunCalls(ctx context.Context) error {
	wake := make(chan struct{}, 1)
	listening := make(chan struct{})
	go func() { defer close(listening); a.listen(ctx, wake) }()
	defer func() { <-listening }() // its connection is back in the pool before we return
	ticker := time.NewTicker(a.CallPoll)
	defer ticker.Stop()
	for {
		a.drainCalls(ctx)
		select {
		case <-ctx.Done():
			return nil
		case <-wake:
		case <-ticker.C:
		}
	}
}

// drainCalls makes every due call.
func (a *App) drainCalls(ctx context.Context) {
	for ctx.Err() == nil {
		c, err := a.store.ClaimCall(ctx, a.CallLease)
		if err != nil {
			if ctx.Err() == nil {
				a.log.ErrorContext(ctx, "claim provider call", "err", err)
			}
			return
		}
		if c == nil {
			return
		}
		a.runCall(ctx, *c)
	}
}

// runCall makes one claimed call and records its outcome: done, retry later,
// or given up.
func (a *App) runCall(ctx context.Context, c store.Call) {
	ctx = telemetry.Extract(ctx, c.Trace)
	if c.RequestID != "" {
		ctx = logx.WithRequestID(ctx, c.RequestID)
	}
	err := a.makeCall(ctx, c)
	if err == nil {
		return
	}
	if ctx.Err() != nil {
		return // shutting down: the lease runs out and the call is retried
	}
	if provider.IsPermanent(err) || c.Attempts >= a.MaxCallAttempts {
		if gerr := a.giveUp(ctx, c, err); gerr != nil {
			a.log.ErrorContext(ctx, "give up provider call", "call_id", c.ID, "err", gerr)
		}
		return
	}
	delay := min(time.Second<<min(c.Attempts-1, 20), 5*time.Minute)
	a.log.WarnContext(ctx, "provider call failed, retrying", "call_id", c.ID, "kind", c.Kind,
		"payment_id", c.PaymentID, "attempt", c.Attempts, "in", delay, "err", err)
	if rerr := a.store.RetryCall(ctx, c.ID, delay, clip(err.Error(), 1000)); rerr != nil {
		a.log.ErrorContext(ctx, "reschedule provider call", "call_id", c.ID, "err", rerr)
	}
}

func (a *App) makeCall(ctx context.Context, c store.Call) error {
	ps, err := a.store.PaymentsByIDs(ctx, []string{c.PaymentID})
	if err != nil {
		return err
	}
	p := ps[c.PaymentID]
	if p == nil {
		return a.finish(ctx, c, "", nil) // cannot happen (foreign key); nothing to call about
	}
	prov, ok := a.providers[p.Provider]
	if !ok {
		return &provider.Error{Provider: p.Provider, Code: "NOT_CONFIGURED", Description: "payment provider not configured", Permanent: true}
	}
	switch c.Kind {
	case payment.CallCreateOrder:
		if p.ProviderOrderID != "" {
			return a.finish(ctx, c, "", nil)
		}
		req := provider.OrderRequest{
			PaymentID: p.ID, OrderID: p.OrderID, OrderNumber: p.OrderNumber, AmountPaise: p.Amount, Currency: "INR",
			Method: p.Method, UpiVpa: p.UpiVpa,
		}
		var o provider.Order
		found := false
		if c.Attempts > 1 {
			// An earlier attempt may have created it before its answer was
			// lost (a crash, a timeout): find it rather than create another.
			if o, found, err = prov.FindOrder(ctx, req); err != nil {
				return err
			}
		}
		if !found {
			if p.Status != payment.StatusCreated || p.OrderCancelled {
				return a.finish(ctx, c, "", nil) // nothing to pay for any more, and nothing was created
			}
			if o, err = prov.CreateOrder(ctx, req); err != nil {
				return err
			}
			a.faultPause(ctx, "after creating the provider order", p.ID)
		}
		// Recorded whatever happened to the order meanwhile, so that a
		// capture against it is recognised (and refunded if cancelled).
		return a.finish(ctx, c, "", func(p *payment.Payment, _ *payment.Refund) payment.Effects {
			return p.ProviderOrderCreated(o.ID, a.now())
		})
	case payment.CallCapture:
		if p.Status != payment.StatusAuthorized {
			return a.finish(ctx, c, "", nil)
		}
		if err := prov.Capture(ctx, provider.CaptureRequest{ProviderPaymentID: p.ProviderPaymentID, AmountPaise: p.Amount, Currency: "INR"}); err != nil {
			return err
		}
		return a.finish(ctx, c, "", func(p *payment.Payment, _ *payment.Refund) payment.Effects {
			return p.Capture("", p.Amount, a.now())
		})
	case payment.CallRefund:
		r, err := a.store.Refund(ctx, c.RefundID)
		if err != nil {
			return err
		}
		if r == nil || r.Status != payment.RefundPending {
			return a.finish(ctx, c, "", nil)
		}
		res, err := prov.Refund(ctx, provider.RefundRequest{
			RefundID: r.ID, PaymentID: p.ID, ProviderPaymentID: p.ProviderPaymentID, AmountPaise: r.Amount, Reason: r.Reason,
		})
		if err != nil {
			return err
		}
		return a.finish(ctx, c, r.RequestedBy, func(p *payment.Payment, r *payment.Refund) payment.Effects {
			switch res.Status {
			case payment.RefundProcessed:
				return p.CompleteRefund(r, res.ID, a.now())
			case payment.RefundFailed:
				return p.FailRefund(r, "the payment provider refused the refund", a.now())
			}
			return p.RefundAccepted(r, res.ID, a.now())
		})
	}
	return &provider.Error{Code: "UNKNOWN_CALL", Description: string(c.Kind), Permanent: true}
}

// faultPause holds the call worker for FaultPauseAfterProviderOrder (a
// test-only knob, off by default: PAYMENTS_FAULT_PAUSE_AFTER_PROVIDER_ORDER)
// at a point no outside fault can hit reliably, so that the fault suite can
// kill payments between creating a provider order and recording it.
func (a *App) faultPause(ctx context.Context, where, paymentID string) {
	if a.FaultPauseAfterProviderOrder <= 0 {
		return
	}
	a.log.WarnContext(ctx, "fault injection: pausing "+where, "payment_id", paymentID, "for", a.FaultPauseAfterProviderOrder)
	select {
	case <-ctx.Done():
	case <-time.After(a.FaultPauseAfterProviderOrder):
	}
}

// finish applies fn (nil: no change) to the locked payment (and the call's
// refund) and marks the call done, in one transaction.
func (a *App) finish(ctx context.Context, c store.Call, actor string, fn func(*payment.Payment, *payment.Refund) payment.Effects) error {
	return a.store.InTx(ctx, func(tx pgx.Tx) error {
		if fn != nil {
			p, r, err := a.lockCallTargets(ctx, tx, c)
			if err != nil {
				return err
			}
			if p == nil {
				return a.store.FinishCall(ctx, tx, c.ID, "payment not found")
			}
			if _, err := a.store.Save(ctx, tx, p, fn(p, r), store.SaveOptions{Actor: actor}); err != nil {
				return err
			}
		}
		return a.store.FinishCall(ctx, tx, c.ID, "")
	})
}

// giveUp ends a call that cannot succeed: a provider order that cannot be
// created fails the payment (payment.failed: orders cancels the order); a
// refund that cannot be made is FAILED and its amount refundable again; a
// capture is left for the provider, which returns uncaptured money itself.
func (a *App) giveUp(ctx context.Context, c store.Call, cause error) error {
	reason := "the payment provider is unavailable"
	var pe *provider.Error
	if errors.As(cause, &pe) && pe.Permanent {
		reason = "the payment provider refused the request: " + pe.Description
	}
	a.log.ErrorContext(ctx, "provider call given up", "call_id", c.ID, "kind", c.Kind, "payment_id", c.PaymentID,
		"refund_id", c.RefundID, "attempts", c.Attempts, "err", cause)
	return a.store.InTx(ctx, func(tx pgx.Tx) error {
		p, r, err := a.lockCallTargets(ctx, tx, c)
		if err != nil {
			return err
		}
		var eff payment.Effects
		actor := ""
		switch {
		case p == nil:
		case c.Kind == payment.CallCreateOrder:
			eff = p.Fail(reason, a.now())
		case c.Kind == payment.CallRefund && r != nil:
			eff, actor = p.FailRefund(r, reason, a.now()), r.RequestedBy
		}
		if p != nil {
			if _, err := a.store.Save(ctx, tx, p, eff, store.SaveOptions{Actor: actor}); err != nil {
				return err
			}
		}
		return a.store.FinishCall(ctx, tx, c.ID, clip(cause.Error(), 1000))
	})
}

// lockCallTargets locks the call's payment, then its refund (if any).
func (a *App) lockCallTargets(ctx context.Context, tx pgx.Tx, c store.Call) (*payment.Payment, *payment.Refund, error) {
	p, err := a.store.LockPayment(ctx, tx, c.PaymentID)
	if err != nil || p == nil || c.RefundID == "" {
		return p, nil, err
	}
	r, err := a.store.LockRefund(ctx, tx, c.RefundID)
	if err != nil {
		return nil, nil, err
	}
	if r == nil {
		return nil, nil, fmt.Errorf("refund %s of call %d not found", c.RefundID, c.ID)
	}
	return p, r, nil
}

// listen turns NOTIFY on the calls channel into wake-ups; on connection loss
// it reconnects, and the poll ticker covers the gap.
func (a *App) listen(ctx context.Context, wake chan<- struct{}) {
	for ctx.Err() == nil {
		err := a.listenOnce(ctx, wake)
		if ctx.Err() != nil {
			return
		}
		a.log.WarnContext(ctx, "provider call listen", "err", err)
		select {
		case <-ctx.Done():
		case <-time.After(time.Second):
		}
	}
}

func (a *App) listenOnce(ctx context.Context, wake chan<- struct{}) error {
	conn, err := a.store.DB().Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "LISTEN "+store.CallsChannel); err != nil {
		return err
	}
	defer func() {
		unlistenCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
		defer cancel()
		_, _ = conn.Exec(unlistenCtx, "UNLISTEN "+store.CallsChannel) // best effort before release
	}()
	for {
		if _, err := conn.Conn().WaitForNotification(ctx); err != nil {
			return err
		}
		select {
		case wake <- struct{}{}:
		default:
		}
	}
}

// clip shortens s to at most n bytes, on a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && (s[n]&0xC0) == 0x80 {
		n--
	}
	return s[:n]
}
