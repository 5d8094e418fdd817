package graph

import (
	"github.com/purra/supergraph/platform/money"

	"github.com/purra/supergraph/subgraphs/cart/internal/cart"
	"github.com/purra/supergraph/subgraphs/cart/internal/graph/model"
)

func toCart(c *cart.Cart) *model.Cart {
	if c == nil {
		return nil
	}
	items := make([]*model.CartItem, len(c.Lines))
	for i, l := range c.Lines {
		items[i] = &model.CartItem{
			ID: l.ID, VariantID: l.VariantID, Variant: &model.ProductVariant{ID: l.VariantID},
			Quantity: l.Quantity, AddedAt: l.AddedAt,
		}
	}
	return &model.Cart{ID: c.ID, Items: items, ItemCount: c.ItemCount(), CouponCode: optional(c.CouponCode), UpdatedAt: c.UpdatedAt,
		Version: c.Version}
}

// quoteRequest is what pricing needs of a cart already shown to its owner.
func quoteRequest(c *model.Cart) cart.QuoteRequest {
	req := cart.QuoteRequest{Lines: make([]cart.Ordered, len(c.Items))}
	for i, it := range c.Items {
		req.Lines[i] = cart.Ordered{VariantID: it.VariantID, Quantity: it.Quantity}
	}
	if c.CouponCode != nil {
		req.CouponCode = *c.CouponCode
	}
	return req
}

func toPricing(p cart.Pricing) *model.CartPricing {
	out := &model.CartPricing{
		Lines:    make([]*model.CartPricingLine, len(p.Lines)),
		Subtotal: money.Of(p.Subtotal), AutomaticDiscount: money.Of(p.AutomaticDiscount),
		CouponDiscount: money.Of(p.CouponDiscount),
		Gst: &model.CartTaxBreakdown{
			Cgst: money.Of(p.GST.CGST), Sgst: money.Of(p.GST.SGST), Igst: money.Of(p.GST.IGST), Total: money.Of(p.GST.Total),
		},
		Shipping: money.Of(p.Shipping), Total: money.Of(p.Total),
		ShippingAddressID: optional(p.AddressID),
	}
	for i, l := range p.Lines {
		out.Lines[i] = &model.CartPricingLine{
			VariantID: l.VariantID, Quantity: l.Quantity, UnitPrice: money.Of(l.UnitPrice),
			LineSubtotal: money.Of(l.LineSubtotal), Discount: money.Of(l.Discount), Gst: money.Of(l.GST),
			LineTotal: money.Of(l.LineTotal),
		}
	}
	if r := p.Rejection; r != nil {
		reason := model.CartCouponRejectionReason(r.Reason)
		if !reason.IsValid() {
			// A reason newer than this schema: the coupon still does not apply.
			reason = model.CartCouponRejectionReasonNotEligible
		}
		out.CouponRejection = &model.CartCouponRejection{Code: r.Code, Reason: reason, Message: r.Message}
	}
	return out
}

func toWishlist(w *cart.Wishlist) *model.Wishlist {
	if w == nil {
		return nil
	}
	items := make([]*model.WishlistItem, len(w.Items))
	for i, it := range w.Items {
		items[i] = &model.WishlistItem{ID: it.ID, Variant: &model.ProductVariant{ID: it.VariantID}, AddedAt: it.AddedAt}
	}
	return &model.Wishlist{ID: w.ID, Items: items, ItemCount: len(items), UpdatedAt: w.UpdatedAt}
}

// optional maps "" (none) to null.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
