package app

import (
	"context"
	"time"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/cache"

	"github.com/purra/supergraph/subgraphs/promotions/internal/promo"
)

// QuoteInput is what to price (QuoteInput in the schema).
type QuoteInput struct {
	Lines         []promo.LineInput
	CouponCode    *string
	ShippingState *string
}

// rulesKey caches the rules that are switched on.
const rulesKey = "rules:active"

// Quote prices lines for the caller. Input is validated before anything is
// fetched; the variants come from catalog in one call.
func (a *App) Quote(ctx context.Context, in QuoteInput) (promo.Quote, error) {
	id, err := auth.Require(ctx)
	if err != nil {
		return promo.Quote{}, err
	}
	lines, err := promo.ValidateLines(in.Lines)
	if err != nil {
		return promo.Quote{}, err
	}
	state, err := promo.ShippingState(in.ShippingState)
	if err != nil {
		return promo.Quote{}, err
	}
	code, err := promo.CouponCode(in.CouponCode)
	if err != nil {
		return promo.Quote{}, err
	}
	buyer := promo.Buyer{UserID: userID(ctx), Role: id.Role}
	var variants map[string]promo.Variant
	if len(lines) > 0 {
		ids := make([]string, len(lines))
		for i, l := range lines {
			ids[i] = l.VariantID
		}
		if variants, err = a.catalog.Variants(ctx, ids); err != nil {
			return promo.Quote{}, err
		}
	}
	rules, err := a.activeRules(ctx)
	if err != nil {
		return promo.Quote{}, err
	}
	var cand *promo.CouponCandidate
	if code != "" {
		if cand, err = a.candidate(ctx, code, buyer.UserID); err != nil {
			return promo.Quote{}, err
		}
	}
	return promo.Price(promo.PriceRequest{
		Buyer: buyer, Lines: lines, Variants: variants, Rules: rules, Coupon: cand,
		ShippingState: state, Shipping: a.cfg.Shipping, Now: a.now(),
	})
}

// candidate looks up the coupon a quote asks for; a code that names no
// coupon the buyer may see spends the caller's budget of misses.
func (a *App) candidate(ctx context.Context, code, userID string) (*promo.CouponCandidate, error) {
	cand := &promo.CouponCandidate{Code: code}
	if promo.Plausible(code) {
		c, u, err := a.store.CouponForBuyer(ctx, code, userID)
		if err != nil {
			return nil, err
		}
		if c != nil && c.VisibleTo(u.Assigned, false) {
			cand.Coupon, cand.Usage = c, u
		}
	}
	if cand.Coupon == nil {
		if err := a.spendMiss(ctx); err != nil {
			return nil, err
		}
	}
	return cand, nil
}

// activeRules returns the rules that are switched on, through the cache.
func (a *App) activeRules(ctx context.Context) ([]promo.Rule, error) {
	return cache.GetOrLoad(ctx, a.cache, rulesKey, a.cfg.RulesTTL, a.store.ActiveRules)
}

// forgetRules drops the cached rule set now and once more shortly after, so
// that a set read just before a change and cached just after it does not
// survive.
func (a *App) forgetRules(ctx context.Context) {
	a.cache.Delete(ctx, rulesKey)
	later := context.WithoutCancel(ctx)
	time.AfterFunc(time.Second, func() { a.cache.Delete(later, rulesKey) })
}
