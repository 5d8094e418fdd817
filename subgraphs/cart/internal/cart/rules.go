// Package cart is the cart subgraph's domain: carts and their lines,
// wishlists, the quantity rules of shoppers and retailers, coupon codes and
// the priced view of a cart. It knows nothing of SQL, GraphQL or Kafka.
package cart

import (
	"github.com/purra/supergraph/platform/errs"
)

// Role is the buyer's role from their access token.
type Role string

// Roles that may keep a cart. Owners shop like customers.
const (
	RoleCustomer Role = "CUSTOMER"
	RoleRetailer Role = "RETAILER"
	RoleOwner    Role = "OWNER"
)

// IsShopper reports whether r may keep a cart and a wishlist.
func (r Role) IsShopper() bool {
	return r == RoleCustomer || r == RoleRetailer || r == RoleOwner
}

// Rules bound what one cart may hold.
type Rules struct {
	// MaxShopperLine is the most units of one variant a customer (or owner)
	// may buy (MAX_LINE_QUANTITY, default 10).
	MaxShopperLine int
	// MaxRetailerLine is the most units of one variant a retailer may buy.
	MaxRetailerLine int
	// MaxLines is the most lines (distinct variants) in a cart.
	MaxLines int
	// MaxWishlist is the most variants in a wishlist.
	MaxWishlist int
}

// DefaultRules are the rules of docs/commerce.md.
func DefaultRules() Rules {
	return Rules{MaxShopperLine: 10, MaxRetailerLine: 10_000, MaxLines: 50, MaxWishlist: 100}
}

// MaxLine is the most units of one variant role may buy.
func (r Rules) MaxLine(role Role) int {
	if role == RoleRetailer {
		return r.MaxRetailerLine
	}
	return r.MaxShopperLine
}

// Reasons carried by quantity errors (extensions.reason).
const (
	ReasonNotPositive = "NOT_POSITIVE"
	ReasonBelowMOQ    = "BELOW_MOQ"
	ReasonAboveLimit  = "ABOVE_LIMIT"
)

// CheckRequested validates a requested quantity before anything is looked
// up: it must be positive and within the role's per-line limit.
func (r Rules) CheckRequested(role Role, quantity int) error {
	if quantity <= 0 {
		return errs.BadInput("quantity", "must be at least 1").WithReason(ReasonNotPositive)
	}
	if max := r.MaxLine(role); quantity > max {
		return errs.BadInput("quantity", "at most %d units of one item per order", max).WithReason(ReasonAboveLimit)
	}
	return nil
}

// CheckLine validates the quantity a line would end up with: positive,
// within the role's limit, and for retailers at least the variant's minimum
// order quantity.
func (r Rules) CheckLine(role Role, v Variant, quantity int) error {
	if err := r.CheckRequested(role, quantity); err != nil {
		return err
	}
	if role == RoleRetailer && quantity < v.MOQ() {
		return errs.BadInput("quantity", "the minimum order quantity of %s is %d", v.label(), v.MOQ()).WithReason(ReasonBelowMOQ)
	}
	return nil
}

// Variant is what the catalogue says about a variant, as seen by the buyer
// (MinOrderQuantity is revealed to retailers only).
type Variant struct {
	ID               string `json:"id"`
	Found            bool   `json:"found"`
	SKU              string `json:"sku,omitempty"`
	Title            string `json:"title,omitempty"`
	ProductStatus    string `json:"productStatus,omitempty"`
	MinOrderQuantity *int   `json:"minOrderQuantity,omitempty"`
}

// ReasonUnavailable marks a variant that does not exist or is not for sale.
const ReasonUnavailable = "VARIANT_UNAVAILABLE"

// Purchasable reports whether the variant exists and its product is ACTIVE.
func (v Variant) Purchasable() bool { return v.Found && v.ProductStatus == "ACTIVE" }

// CheckPurchasable returns the error for a variant that cannot be bought,
// blaming field (the argument that named it).
func (v Variant) CheckPurchasable(field string) error {
	if !v.Found {
		return errs.BadInput(field, "no such product variant").WithReason(ReasonUnavailable)
	}
	if !v.Purchasable() {
		return errs.BadInput(field, "%s is not for sale", v.label()).WithReason(ReasonUnavailable)
	}
	return nil
}

// MOQ is the minimum order quantity, 1 when unknown.
func (v Variant) MOQ() int {
	if v.MinOrderQuantity == nil || *v.MinOrderQuantity < 1 {
		return 1
	}
	return *v.MinOrderQuantity
}

func (v Variant) label() string {
	if v.SKU != "" {
		return v.SKU
	}
	return "this item"
}
