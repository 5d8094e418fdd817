package graph

import (
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/purra/supergraph/platform/money"

	"github.com/purra/supergraph/subgraphs/promotions/internal/app"
	"github.com/purra/supergraph/subgraphs/promotions/internal/graph/model"
	"github.com/purra/supergraph/subgraphs/promotions/internal/promo"
)

func toCoupon(c *promo.Coupon, now time.Time) *model.Coupon {
	if c == nil {
		return nil
	}
	out := &model.Coupon{
		ID: c.ID, Code: c.Code, Description: c.Description, Type: model.CouponType(c.Type),
		MinOrderValue: money.Money{Paise: c.MinOrder}, StartsAt: c.StartsAt, EndsAt: c.EndsAt,
		Status: model.CouponStatus(c.StatusAt(now)), PerUserLimit: c.PerUserLimit, UsageLimit: c.UsageLimit,
		CategoryIds: nonNil(c.CategoryIDs), BrandIds: nonNil(c.BrandIDs), BuyerRoles: make([]model.BuyerRole, len(c.BuyerRoles)),
		Personal: c.AssignedOnly, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt,
	}
	for i, r := range c.BuyerRoles {
		out.BuyerRoles[i] = model.BuyerRole(r)
	}
	switch c.Type {
	case promo.Percent:
		pct := c.PercentOff
		out.PercentOff = &pct
		if c.MaxDiscount != nil {
			out.MaxDiscount = money.Of(*c.MaxDiscount)
		}
	case promo.Flat:
		out.AmountOff = money.Of(c.AmountOff)
	}
	return out
}

func toCouponInput(in model.CreateCouponInput) promo.CouponInput {
	return promo.CouponInput{
		Code: in.Code, Description: in.Description, Type: promo.CouponType(in.Type), PercentOff: in.PercentOff,
		AmountOff: in.AmountOff, MaxDiscount: in.MaxDiscount, MinOrderValue: in.MinOrderValue, StartsAt: in.StartsAt,
		EndsAt: in.EndsAt, UsageLimit: in.UsageLimit, PerUserLimit: in.PerUserLimit, CategoryIDs: in.CategoryIds,
		BrandIDs: in.BrandIds, BuyerRoles: roles(in.BuyerRoles), AssignedUsers: in.AssignedUserIds, Active: in.Active,
	}
}

func toCouponPatch(in model.UpdateCouponInput) promo.CouponPatch {
	return promo.CouponPatch{
		Description: in.Description, PercentOff: in.PercentOff, AmountOff: in.AmountOff,
		MaxDiscount: change(in.MaxDiscount), MinOrderValue: in.MinOrderValue, StartsAt: in.StartsAt,
		EndsAt: change(in.EndsAt), UsageLimit: change(in.UsageLimit), PerUserLimit: change(in.PerUserLimit),
		CategoryIDs: list(in.CategoryIds), BrandIDs: list(in.BrandIds), BuyerRoles: list(roles(in.BuyerRoles)),
		AssignedUsers: list(in.AssignedUserIds), Active: in.Active,
	}
}

// change maps an omittable input field: omitted leaves the value, null clears it.
func change[T any](o graphql.Omittable[*T]) promo.Change[*T] {
	v, set := o.ValueOK()
	if !set {
		return promo.Change[*T]{}
	}
	return promo.To(v)
}

// list maps a list input: null or omitted leaves the value, [] clears it.
func list(l []string) promo.Change[[]string] {
	if l == nil {
		return promo.Change[[]string]{}
	}
	return promo.To(l)
}

func roles(in []model.BuyerRole) []string {
	if in == nil {
		return nil
	}
	out := make([]string, len(in))
	for i, r := range in {
		out[i] = string(r)
	}
	return out
}

func toRule(r promo.Rule) *model.DiscountRule {
	out := &model.DiscountRule{
		ID: r.ID, Name: r.Name, Description: r.Description, Type: model.DiscountRuleType(r.Type), Percent: r.Percent,
		StartsAt: r.StartsAt, EndsAt: r.EndsAt, Active: r.Active, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
	}
	if r.MinQuantity > 0 {
		q := r.MinQuantity
		out.MinQuantity = &q
	}
	if r.CategoryID != "" {
		c := r.CategoryID
		out.CategoryID = &c
	}
	return out
}

func toRuleInput(in model.CreateDiscountRuleInput) promo.RuleInput {
	return promo.RuleInput{
		Name: in.Name, Description: in.Description, Type: promo.RuleType(in.Type), Percent: in.Percent,
		MinQuantity: in.MinQuantity, CategoryID: in.CategoryID, StartsAt: in.StartsAt, EndsAt: in.EndsAt, Active: in.Active,
	}
}

func toRulePatch(in model.UpdateDiscountRuleInput) promo.RulePatch {
	return promo.RulePatch{
		Description: in.Description, Percent: in.Percent, MinQuantity: in.MinQuantity, CategoryID: in.CategoryID,
		StartsAt: change(in.StartsAt), EndsAt: change(in.EndsAt), Active: in.Active,
	}
}

func toQuoteInput(in model.QuoteInput) app.QuoteInput {
	lines := make([]promo.LineInput, len(in.Lines))
	for i, l := range in.Lines {
		lines[i] = promo.LineInput{VariantID: l.VariantID, Quantity: l.Quantity}
	}
	return app.QuoteInput{Lines: lines, CouponCode: in.CouponCode, ShippingState: in.ShippingState}
}

func toQuote(q promo.Quote) *model.Quote {
	out := &model.Quote{
		Lines: make([]*model.QuoteLine, len(q.Lines)), Subtotal: money.Of(q.Subtotal),
		AutomaticDiscount: money.Of(q.AutomaticDiscount), CouponDiscount: money.Of(q.CouponDiscount),
		Gst: toTax(q.Tax), Shipping: money.Of(q.Shipping), Total: money.Of(q.Total),
	}
	for i, l := range q.Lines {
		v := l.Variant
		out.Lines[i] = &model.QuoteLine{
			VariantID: v.ID, ProductID: v.ProductID, Sku: v.SKU, Title: v.DisplayTitle(), StoreID: v.StoreID,
			HsnCode: v.HSNCode, CategoryIds: v.CategoryIDs(), Quantity: l.Quantity, UnitPrice: money.Of(l.UnitPrice), LineSubtotal: money.Of(l.Subtotal),
			AutomaticDiscount: money.Of(l.AutomaticDiscount), AutomaticRule: optional(l.Rule),
			CouponDiscount: money.Of(l.CouponDiscount), Discount: money.Of(l.Discount()), GstRatePercent: v.GSTRatePercent,
			Gst: money.Of(l.GST), Tax: toTax(l.Tax), LineTotal: money.Of(l.Total),
		}
	}
	if c := q.Coupon; c != nil {
		out.Coupon = &model.AppliedCoupon{Code: c.Code, Description: c.Description, Discount: money.Of(c.Discount)}
	}
	if r := q.Rejection; r != nil {
		out.CouponRejection = &model.CouponRejection{Code: r.Code, Reason: model.CouponRejectionReason(r.Reason), Message: r.Message}
	}
	return out
}

func toTax(t promo.Tax) *model.TaxBreakdown {
	return &model.TaxBreakdown{Cgst: money.Of(t.CGST), Sgst: money.Of(t.SGST), Igst: money.Of(t.IGST), Total: money.Of(t.Total())}
}

func toHold(h promo.Hold) *model.CouponHold {
	return &model.CouponHold{
		ID: h.ID, OrderID: h.OrderID, CouponID: h.CouponID, Code: h.Code, UserID: h.UserID,
		Status: model.CouponHoldStatus(h.Status), CreatedAt: h.CreatedAt,
	}
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
