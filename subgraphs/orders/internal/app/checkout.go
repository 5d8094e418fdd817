package app

import (
	"context"
	"errors"
	"time"

	"github.com/google/uuid"
	"golang.org/x/sync/errgroup"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/orders/internal/order"
	"github.com/purra/supergraph/subgraphs/orders/internal/remote"
	"github.com/purra/supergraph/subgraphs/orders/internal/store"
)

// compensationTimeout bounds the undo of a failed checkout.
const compensationTimeout = 15 * time.Second

// takeoverCompensation bounds the undo of a dead checkout by the retry that
// takes over its key: the retry must answer within the router's timeout,
// and the abandoned event releases the rest anyway.
const takeoverCompensation = 1500 * time.Millisecond

// ErrCheckoutInProgress: a checkout with the same idempotency key is still
// running after DuplicateWait; retrying later returns its order.
var ErrCheckoutInProgress = errs.Conflicting("a checkout with this idempotency key is still in progress; retry shortly").
	WithReason("CHECKOUT_IN_PROGRESS")

// Checkout places the caller's cart as an order, the saga of
// docs/commerce.md steps 1–4. replayed is true when the idempotency key had
// already placed the returned order. On failure nothing stays behind: no
// order, no stock reservation, no coupon hold.
func (a *App) Checkout(ctx context.Context, in order.CheckoutInput) (o *order.Order, replayed bool, err error) {
	id, err := auth.Require(ctx)
	if err != nil {
		return nil, false, err
	}
	c, err := order.ParseCheckout(in)
	if err != nil {
		return nil, false, err
	}
	// 1. The same key again: the same order.
	if o, err := a.store.OrderByKey(ctx, id.Subject, c.IdempotencyKey); err != nil || o != nil {
		return o, o != nil, err
	}
	if err := a.limiter.Allow(ctx, "checkout:"+id.Subject, a.cfg.CheckoutPerMinute); err != nil {
		return nil, false, err
	}
	orderID, existing, err := a.claim(ctx, id.Subject, c.IdempotencyKey)
	if err != nil || existing != nil {
		return existing, existing != nil, err
	}
	// From here the saga runs to its end even if the client goes away:
	// stopping half-way would leave a reservation behind.
	tctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), a.cfg.CheckoutTimeout)
	defer cancel()
	sctx, stopSaga := context.WithCancelCause(tctx)
	defer stopSaga(nil)
	stop := a.heartbeat(sctx, stopSaga, id.Subject, c.IdempotencyKey, orderID)
	o, err = a.place(sctx, id, c, orderID)
	stop()
	if err != nil && errors.Is(context.Cause(sctx), errClaimLost) {
		err = errClaimLost
	}
	if err == nil {
		return o, false, nil
	}
	rctx, rcancel := context.WithTimeout(context.WithoutCancel(ctx), compensationTimeout)
	defer rcancel()
	if rerr := a.store.ReleaseClaim(rctx, id.Subject, c.IdempotencyKey, orderID); rerr != nil {
		a.log.ErrorContext(rctx, "checkout claim not released", "order_id", orderID, "err", rerr)
	}
	if errors.Is(err, store.ErrDuplicateKey) || errors.Is(err, store.ErrClaimLost) || errors.Is(err, errClaimLost) {
		// Declared dead (stalled past the staleness) and taken over: the
		// call that took over answers with the order.
		o, lerr := a.store.OrderByKey(rctx, id.Subject, c.IdempotencyKey)
		if lerr == nil && o != nil {
			return o, true, nil
		}
		return nil, false, ErrCheckoutInProgress
	}
	return nil, false, err
}

// errClaimLost: the heartbeat found the claim taken over and stopped the saga.
var errClaimLost = errors.New("checkout claim taken over while running")

// heartbeat refreshes the claim of (user, key) for orderID every quarter of
// ClaimStaleAfter while the saga runs, so that only a checkout that really
// stopped (crashed, or its process paused) looks dead. If the claim was
// taken over meanwhile it cancels the saga (with errClaimLost as the cause).
// The returned stop ends it.
func (a *App) heartbeat(ctx context.Context, cancel context.CancelCauseFunc, userID, key, orderID string) (stop func()) {
	hctx, hcancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(a.cfg.ClaimStaleAfter / 4)
		defer t.Stop()
		for {
			select {
			case <-hctx.Done():
				return
			case <-t.C:
			}
			alive, err := a.store.HeartbeatClaim(hctx, userID, key, orderID)
			if err == nil && !alive {
				a.log.WarnContext(hctx, "checkout claim taken over: stopping", "order_id", orderID)
				cancel(errClaimLost)
				return
			}
		}
	}()
	return func() { hcancel(); <-done }
}

// claim makes this call the only checkout running for (user, key) and
// returns the id its order will have. When another call holds the key, it
// waits for that call's order (returned as existing), takes over when the
// holder died, or gives up with ErrCheckoutInProgress.
func (a *App) claim(ctx context.Context, userID, key string) (orderID string, existing *order.Order, err error) {
	deadline := time.Now().Add(a.cfg.DuplicateWait)
	for {
		newID, err := uuid.NewV7()
		if err != nil {
			return "", nil, err
		}
		cl, ok, err := a.store.ClaimCheckout(ctx, userID, key, newID.String(), a.cfg.ClaimStaleAfter)
		if err != nil {
			return "", nil, err
		}
		if ok && cl.Won {
			// The previous holder may have finished between our first look and now.
			if o, err := a.store.OrderByKey(ctx, userID, key); err != nil || o != nil {
				_ = a.store.ReleaseClaim(ctx, userID, key, cl.OrderID)
				return "", o, err
			}
			return cl.OrderID, nil, nil
		}
		if o, err := a.store.OrderByKey(ctx, userID, key); err != nil || o != nil {
			return "", o, err
		}
		if ok && cl.Stale {
			took, err := a.store.TakeOverClaim(ctx, userID, key, cl.OrderID, newID.String(), a.now())
			if err != nil {
				return "", nil, err
			}
			if took {
				// Its checkout died mid-way: order.checkout_abandoned (written
				// with the takeover) releases what it held; releasing it here
				// too, briefly, frees a once-per-user coupon for this retry.
				a.compensateWithin(ctx, takeoverCompensation, cl.OrderID, true)
				return newID.String(), nil, nil
			}
			continue
		}
		if time.Now().After(deadline) {
			return "", nil, ErrCheckoutInProgress
		}
		select {
		case <-ctx.Done():
			return "", nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// place runs saga steps 2–4 for the order orderID.
func (a *App) place(ctx context.Context, id auth.Identity, c order.Checkout, orderID string) (*order.Order, error) {
	// 2. What is bought, where to, at what price.
	var cart remote.Cart
	var addrs []order.Address
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() (err error) { cart, err = a.remote.MyCart(gctx); return err })
	g.Go(func() (err error) { addrs, err = a.remote.MyAddresses(gctx); return err })
	if err := g.Wait(); err != nil {
		return nil, err
	}
	if len(cart.Lines) == 0 {
		return nil, order.ErrEmptyCart
	}
	addr, ok := findAddress(addrs, c.AddressID)
	if !ok {
		return nil, &errs.Error{Code: errs.NotFound, Message: "address not found", Field: "addressId"}
	}
	coupon := c.CouponCode
	if c.UseCartCoupon {
		coupon = cart.CouponCode
	}
	q, err := a.remote.Quote(ctx, cart.Lines, coupon, addr.State)
	if err != nil {
		return nil, err
	}
	if coupon != "" && q.Rejection != nil {
		return nil, order.CouponError(*q.Rejection)
	}
	now := a.now()
	o, err := order.New(id.Subject, c, coupon, cart.Lines, addr, q, a.cfg.cod(), now)
	if err != nil {
		return nil, err
	}
	o.ID, o.CartVersion = orderID, cart.Version
	if o.Status == order.PendingPayment {
		due := now.Add(a.cfg.ReservationTTL)
		settle := due.Add(order.SettleMargin)
		o.PaymentDueBy, o.SettleAt = &due, &settle
	}

	// 3. Hold the stock, then the coupon; undo on failure.
	if err := a.remote.ReserveStock(ctx, orderID, cart.Lines, a.cfg.ReservationTTL); err != nil {
		if !refused(err) { // no answer: it may have reserved
			a.compensate(ctx, orderID, false)
		}
		return nil, err
	}
	if coupon != "" {
		if err := a.remote.HoldCoupon(ctx, orderID, coupon, q.Totals.Subtotal); err != nil {
			a.compensate(ctx, orderID, !refused(err))
			return nil, err
		}
	}

	if d := a.cfg.FaultPauseBeforePlace; d > 0 { // test-only: see Config
		a.log.WarnContext(ctx, "fault injection: pausing before placing the order", "order_id", orderID, "for", d)
		select {
		case <-ctx.Done():
		case <-time.After(d):
		}
	}

	// 4. One transaction: the order, its items, order.placed (+ COD's confirmation).
	if err := a.store.Place(ctx, o, id.Subject); err != nil {
		a.compensate(ctx, orderID, coupon != "")
		return nil, err
	}
	return o, nil
}

// refused reports whether the other subgraph answered with a client error
// (CONFLICT, BAD_USER_INPUT…): it then did nothing. Any other failure leaves
// the outcome unknown.
func refused(err error) bool {
	switch errs.CodeOf(err) {
	case errs.BadUserInput, errs.Conflict, errs.NotFound, errs.Forbidden, errs.Unauthenticated, errs.RateLimited:
		return true
	}
	return false
}

// compensate releases what a failed checkout holds for orderID: the coupon
// hold (when one may exist) and the stock reservation. Both are idempotent,
// so releasing something never held is harmless. Should inventory stay
// unreachable, the reservation still expires with its TTL.
func (a *App) compensate(ctx context.Context, orderID string, coupon bool) {
	a.compensateWithin(ctx, compensationTimeout, orderID, coupon)
}

// compensateWithin is compensate with its own deadline d (the saga's may be
// what just ran out).
func (a *App) compensateWithin(ctx context.Context, d time.Duration, orderID string, coupon bool) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), d)
	defer cancel()
	if coupon {
		if err := a.remote.ReleaseCouponHold(ctx, orderID); err != nil {
			a.log.ErrorContext(ctx, "checkout compensation failed: coupon hold not released", "order_id", orderID, "err", err)
		}
	}
	if err := a.remote.ReleaseStock(ctx, orderID); err != nil {
		a.log.ErrorContext(ctx, "checkout compensation failed: stock not released (expires with its TTL)", "order_id", orderID, "err", err)
	}
}

func findAddress(addrs []order.Address, id string) (order.Address, bool) {
	for _, a := range addrs {
		if a.ID == id {
			return a, true
		}
	}
	return order.Address{}, false
}
