package app

import (
	"context"

	"github.com/purra/supergraph/subgraphs/cart/internal/cart"
)

// ApplyCoupon checks code against the caller's cart with a quote and, when
// the promotions engine accepts it, records it on the cart. The quote is
// taken outside the transaction (no remote call holds a row lock); pricing
// re-checks the coupon every time, so a cart changed in between is safe.
func (a *App) ApplyCoupon(ctx context.Context, rawCode string) (*cart.Cart, error) {
	b, err := a.buyer(ctx)
	if err != nil {
		return nil, err
	}
	code, err := cart.NormalizeCouponCode("code", rawCode)
	if err != nil {
		return nil, err
	}
	carts, err := a.store.CartsByUserIDs(ctx, []string{b.ID})
	if err != nil {
		return nil, err
	}
	c := carts[b.ID]
	if c == nil || len(c.Lines) == 0 {
		return nil, cart.ErrCartEmpty
	}
	req := cart.QuoteRequestFor(c, "")
	req.CouponCode = code
	quote, err := a.pricer.Quote(ctx, req)
	if err != nil {
		return nil, err
	}
	if r := quote.Rejection; r != nil {
		return nil, r.Err("code")
	}
	return a.store.UpdateCart(ctx, b.ID, newID(), a.now(), func(c *cart.Cart) error {
		return c.SetCoupon(code)
	})
}

// RemoveCoupon drops the caller's coupon, if any.
func (a *App) RemoveCoupon(ctx context.Context) (*cart.Cart, error) {
	b, err := a.buyer(ctx)
	if err != nil {
		return nil, err
	}
	return a.store.UpdateCart(ctx, b.ID, newID(), a.now(), func(c *cart.Cart) error {
		c.RemoveCoupon()
		return nil
	})
}
