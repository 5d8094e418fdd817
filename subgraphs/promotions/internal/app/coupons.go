package app

import (
	"context"
	"strings"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/promotions/internal/promo"
)

// MyCouponsLimit is the most myCoupons lists.
const MyCouponsLimit = 50

// Coupon returns the coupon with code for anyone to check, or nil when no
// coupon has it or it is reserved for other users. Unknown codes spend the
// caller's budget of misses.
func (a *App) Coupon(ctx context.Context, code string) (*promo.Coupon, error) {
	norm, err := promo.CouponCode(&code)
	if err != nil {
		return nil, errs.BadInput("code", "must be at most %d characters", promo.MaxCouponCodeInput)
	}
	var found *promo.SeenCoupon
	if promo.Plausible(norm) {
		if found, err = a.store.CouponByCode(ctx, norm, userID(ctx)); err != nil {
			return nil, err
		}
	}
	if found == nil || !found.VisibleTo(found.Assigned, IsAdmin(ctx)) {
		return nil, a.spendMiss(ctx)
	}
	return &found.Coupon, nil
}

// MyCoupons lists the coupons the caller can use now.
func (a *App) MyCoupons(ctx context.Context) ([]promo.Coupon, error) {
	id, err := auth.Require(ctx)
	if err != nil {
		return nil, err
	}
	uid := userID(ctx)
	if uid == "" {
		return nil, nil // an admin token: no shopper, no coupons
	}
	list, err := a.store.UsableCoupons(ctx, uid, id.Role, a.now(), MyCouponsLimit)
	if err != nil {
		return nil, err
	}
	out := make([]promo.Coupon, len(list))
	for i, c := range list {
		out[i] = c.Coupon
	}
	return out, nil
}

// CouponsByIDs loads coupons (the Coupon entity) in one query; coupons the
// caller may not see are left out, as if they did not exist.
func (a *App) CouponsByIDs(ctx context.Context, ids []string) (map[string]*promo.Coupon, error) {
	valid := validIDs(ids)
	out := make(map[string]*promo.Coupon, len(valid))
	if len(valid) == 0 {
		return out, nil
	}
	found, err := a.store.CouponsByIDs(ctx, valid, userID(ctx))
	if err != nil {
		return nil, err
	}
	admin := IsAdmin(ctx)
	for _, id := range ids {
		if c, ok := found[strings.ToLower(id)]; ok && c.VisibleTo(c.Assigned, admin) {
			out[id] = &c.Coupon
		}
	}
	return out, nil
}

// CouponCounts returns usage figures (admin fields; the schema checks the scope).
func (a *App) CouponCounts(ctx context.Context, ids []string) (map[string]promo.CouponCounts, error) {
	return a.store.CouponCounts(ctx, validIDs(ids))
}

// AssignedUsers returns the users assigned to coupons (admin field).
func (a *App) AssignedUsers(ctx context.Context, ids []string) (map[string][]promo.CouponUser, error) {
	return a.store.AssignedUsers(ctx, validIDs(ids))
}

// CreateCoupon validates and creates a coupon (admins; the schema checks the scope).
func (a *App) CreateCoupon(ctx context.Context, in promo.CouponInput) (promo.Coupon, error) {
	id, err := auth.Require(ctx)
	if err != nil {
		return promo.Coupon{}, err
	}
	now := a.now()
	c, assigned, err := promo.NewCoupon(newID(), in, now)
	if err != nil {
		return promo.Coupon{}, err
	}
	if c.EndsAt != nil {
		if err := promo.CheckFuture(*c.EndsAt, now); err != nil {
			return promo.Coupon{}, err
		}
	}
	if err := a.store.CreateCoupon(ctx, c, assigned, id.Subject, adminAction("coupon.create")); err != nil {
		return promo.Coupon{}, err
	}
	return c, nil
}

// UpdateCoupon changes a coupon (admins).
func (a *App) UpdateCoupon(ctx context.Context, couponID string, p promo.CouponPatch) (promo.Coupon, error) {
	return a.updateCoupon(ctx, couponID, p, "coupon.update")
}

// DeactivateCoupon switches a coupon off (admins).
func (a *App) DeactivateCoupon(ctx context.Context, couponID string) (promo.Coupon, error) {
	off := false
	return a.updateCoupon(ctx, couponID, promo.CouponPatch{Active: &off}, "coupon.deactivate")
}

// updateCoupon applies p to coupon couponID, audited as action.
func (a *App) updateCoupon(ctx context.Context, couponID string, p promo.CouponPatch, action string) (promo.Coupon, error) {
	id, err := auth.Require(ctx)
	if err != nil {
		return promo.Coupon{}, err
	}
	if !promo.IsUUID(couponID) {
		return promo.Coupon{}, errs.BadInput("id", "must be a coupon id (UUID)")
	}
	now := a.now()
	return a.store.UpdateCoupon(ctx, strings.ToLower(couponID), id.Subject, adminAction(action), func(c promo.Coupon) (promo.CouponEdit, error) {
		return c.Apply(p, now)
	})
}

// validIDs keeps the UUIDs, lower-cased: anything else names no row, and
// Postgres would refuse it in a uuid[] parameter.
func validIDs(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if promo.IsUUID(id) {
			out = append(out, strings.ToLower(id))
		}
	}
	return out
}
