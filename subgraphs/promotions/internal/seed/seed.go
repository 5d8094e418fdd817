// Package seed loads the demo coupons and rule of docs/commerce.md. It is
// idempotent: fixed ids, inserted only when missing, and an event only for
// what it inserted.
package seed

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/purra/supergraph/subgraphs/promotions/internal/promo"
	"github.com/purra/supergraph/subgraphs/promotions/internal/store"
)

// Ids of the seeded coupons and rule.
const (
	Welcome10ID      = "01937a00-0000-7000-8006-000000000001"
	Flat500ID        = "01937a00-0000-7000-8006-000000000002"
	Audio15ID        = "01937a00-0000-7000-8006-000000000003"
	Expired50ID      = "01937a00-0000-7000-8006-000000000004"
	RetailerBulk10ID = "01937a00-0000-7000-8006-000000000101"
)

// catalogNamespace is the namespace of the catalog seed's deterministic ids
// (catalog's seed.ID(kind, key) = UUIDv5(namespace, kind+":"+key)): the
// promotions seed refers to the seeded Audio category without asking catalog.
var catalogNamespace = uuid.MustParse("01937a00-0000-7000-8000-00000000ca7a")

// AudioCategoryID is the catalog seed's "audio" category (Headphones,
// Earbuds and Speakers are below it).
var AudioCategoryID = uuid.NewSHA1(catalogNamespace, []byte("category:audio")).String()

// seededAt is the creation time of seeded rows, so that a re-run builds the
// very same rows.
var seededAt = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

func ptr[T any](v T) *T { return &v }

// Coupons are the demo coupons.
func Coupons() []promo.CouponInput {
	return []promo.CouponInput{
		{Code: "WELCOME10", Description: "10% off orders of ₹1,000 or more, up to ₹1,000. Once per customer.",
			Type: promo.Percent, PercentOff: ptr(10), MaxDiscount: ptr[int64](100000), MinOrderValue: ptr[int64](100000),
			PerUserLimit: ptr(1)},
		{Code: "FLAT500", Description: "₹500 off orders of ₹5,000 or more.",
			Type: promo.Flat, AmountOff: ptr[int64](50000), MinOrderValue: ptr[int64](500000), UsageLimit: ptr(1000)},
		{Code: "AUDIO15", Description: "15% off headphones, earbuds and speakers.",
			Type: promo.Percent, PercentOff: ptr(15), CategoryIDs: []string{AudioCategoryID}},
		{Code: "EXPIRED50", Description: "50% off during the 2025 year-end sale (ended).",
			Type: promo.Percent, PercentOff: ptr(50), EndsAt: ptr(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))},
	}
}

var couponIDs = []string{Welcome10ID, Flat500ID, Audio15ID, Expired50ID}

// Rules are the demo automatic rules.
func Rules() []promo.RuleInput {
	return []promo.RuleInput{
		{Name: "RETAILER_BULK_10", Description: "Retailers: 10% off any variant ordered in 50 units or more.",
			Type: promo.RetailerBulk, Percent: 10, MinQuantity: ptr(50)},
	}
}

var ruleIDs = []string{RetailerBulk10ID}

// Run inserts what is missing and returns how many rows it inserted.
func Run(ctx context.Context, st *store.Store) (int, error) {
	n := 0
	for i, in := range Coupons() {
		c, assigned, err := promo.NewCoupon(couponIDs[i], in, seededAt)
		if err != nil {
			return n, fmt.Errorf("seed coupon %s: %w", in.Code, err)
		}
		ok, err := st.SeedCoupon(ctx, c, assigned)
		if err != nil {
			return n, fmt.Errorf("seed coupon %s: %w", in.Code, err)
		}
		if ok {
			n++
		}
	}
	for i, in := range Rules() {
		r, err := promo.NewRule(ruleIDs[i], in, seededAt)
		if err != nil {
			return n, fmt.Errorf("seed rule %s: %w", in.Name, err)
		}
		ok, err := st.SeedRule(ctx, r)
		if err != nil {
			return n, fmt.Errorf("seed rule %s: %w", in.Name, err)
		}
		if ok {
			n++
		}
	}
	return n, nil
}
