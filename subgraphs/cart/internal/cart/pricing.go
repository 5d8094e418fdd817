package cart

import (
	"github.com/purra/supergraph/platform/errs"
)

// Pricing is the promotions engine's quote for a cart, as the cart shows it.
// Amounts are paise, GST included.
type Pricing struct {
	Lines             []PricedLine
	Subtotal          int64
	AutomaticDiscount int64
	CouponDiscount    int64
	Rejection         *Rejection // the coupon's, nil when it applies or there is none
	GST               Tax
	Shipping          int64
	Total             int64
	// AddressID is the address whose state decided the GST split, "" for none.
	AddressID string
}

// PricedLine is the quote of one cart line.
type PricedLine struct {
	VariantID    string
	Quantity     int
	UnitPrice    int64
	LineSubtotal int64
	Discount     int64
	GST          int64
	LineTotal    int64
}

// Tax is GST split by place of supply.
type Tax struct {
	CGST, SGST, IGST, Total int64
}

// QuoteRequest is what the promotions engine prices.
type QuoteRequest struct {
	Lines      []Ordered
	CouponCode string // "" for none
	// ShippingState is an IndianState name (KARNATAKA), "" for unknown (IGST).
	ShippingState string
}

// QuoteRequestFor is c's lines and coupon, shipped to state.
func QuoteRequestFor(c *Cart, state string) QuoteRequest {
	lines := make([]Ordered, len(c.Lines))
	for i, l := range c.Lines {
		lines[i] = Ordered{VariantID: l.VariantID, Quantity: l.Quantity}
	}
	return QuoteRequest{Lines: lines, CouponCode: c.CouponCode, ShippingState: state}
}

// Address is one of the buyer's delivery addresses (the part pricing needs).
type Address struct {
	ID        string
	State     string
	IsDefault bool
}

// ShippingAddress picks the address that decides GST: wanted when given
// (it must be one of the buyer's: NOT_FOUND otherwise), else the default,
// else none (ok false).
func ShippingAddress(addresses []Address, wanted string) (a Address, ok bool, err error) {
	if wanted != "" {
		for _, a := range addresses {
			if a.ID == wanted {
				return a, true, nil
			}
		}
		return Address{}, false, &errs.Error{Code: errs.NotFound, Field: "shippingAddressId", Message: "address not found"}
	}
	for _, a := range addresses {
		if a.IsDefault {
			return a, true, nil
		}
	}
	return Address{}, false, nil
}
