package remote

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/purra/supergraph/platform/subgraph"

	"github.com/purra/supergraph/subgraphs/cart/internal/cart"
)

// Promotions asks the promotions subgraph for quotes: the authoritative
// price of a cart for the caller (their role decides retailer prices).
type Promotions struct {
	client *subgraph.Client
}

// NewPromotions returns the promotions client.
func NewPromotions(client *subgraph.Client) *Promotions { return &Promotions{client: client} }

const quoteQuery = `query CartQuote($input: QuoteInput!) {
  quote(input: $input) {
    lines { variantId quantity unitPrice { paise } lineSubtotal { paise } discount { paise } gst { paise } lineTotal { paise } }
    subtotal { paise } automaticDiscount { paise } couponDiscount { paise }
    couponRejection { code reason message }
    gst { cgst { paise } sgst { paise } igst { paise } total { paise } }
    shipping { paise } total { paise }
  }
}`

// money is a Money selection; Paise is a 64-bit scalar, accepted as a JSON
// number or string.
type money struct {
	Paise paise `json:"paise"`
}

type paise int64

func (p *paise) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		b = []byte(s)
	}
	n, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		return fmt.Errorf("paise %s: %w", b, err)
	}
	*p = paise(n)
	return nil
}

type quote struct {
	Lines []struct {
		VariantID    string `json:"variantId"`
		Quantity     int    `json:"quantity"`
		UnitPrice    money  `json:"unitPrice"`
		LineSubtotal money  `json:"lineSubtotal"`
		Discount     money  `json:"discount"`
		GST          money  `json:"gst"`
		LineTotal    money  `json:"lineTotal"`
	} `json:"lines"`
	Subtotal          money `json:"subtotal"`
	AutomaticDiscount money `json:"automaticDiscount"`
	CouponDiscount    money `json:"couponDiscount"`
	CouponRejection   *struct {
		Code    string `json:"code"`
		Reason  string `json:"reason"`
		Message string `json:"message"`
	} `json:"couponRejection"`
	GST struct {
		CGST  money `json:"cgst"`
		SGST  money `json:"sgst"`
		IGST  money `json:"igst"`
		Total money `json:"total"`
	} `json:"gst"`
	Shipping money `json:"shipping"`
	Total    money `json:"total"`
}

// Quote prices req for the caller.
func (p *Promotions) Quote(ctx context.Context, req cart.QuoteRequest) (cart.Pricing, error) {
	lines := make([]map[string]any, len(req.Lines))
	for i, l := range req.Lines {
		lines[i] = map[string]any{"variantId": l.VariantID, "quantity": l.Quantity}
	}
	input := map[string]any{"lines": lines, "couponCode": nil, "shippingState": nil}
	if req.CouponCode != "" {
		input["couponCode"] = req.CouponCode
	}
	if req.ShippingState != "" {
		input["shippingState"] = req.ShippingState
	}
	var out struct {
		Quote *quote `json:"quote"`
	}
	if err := p.client.Do(ctx, quoteQuery, map[string]any{"input": input}, &out, subgraph.Idempotent()); err != nil {
		return cart.Pricing{}, err
	}
	if out.Quote == nil {
		return cart.Pricing{}, fmt.Errorf("promotions returned no quote")
	}
	return out.Quote.pricing(), nil
}

func (q *quote) pricing() cart.Pricing {
	p := cart.Pricing{
		Subtotal: int64(q.Subtotal.Paise), AutomaticDiscount: int64(q.AutomaticDiscount.Paise),
		CouponDiscount: int64(q.CouponDiscount.Paise),
		GST: cart.Tax{CGST: int64(q.GST.CGST.Paise), SGST: int64(q.GST.SGST.Paise), IGST: int64(q.GST.IGST.Paise),
			Total: int64(q.GST.Total.Paise)},
		Shipping: int64(q.Shipping.Paise), Total: int64(q.Total.Paise),
	}
	for _, l := range q.Lines {
		p.Lines = append(p.Lines, cart.PricedLine{
			VariantID: l.VariantID, Quantity: l.Quantity, UnitPrice: int64(l.UnitPrice.Paise),
			LineSubtotal: int64(l.LineSubtotal.Paise), Discount: int64(l.Discount.Paise), GST: int64(l.GST.Paise),
			LineTotal: int64(l.LineTotal.Paise),
		})
	}
	if r := q.CouponRejection; r != nil {
		p.Rejection = &cart.Rejection{Code: r.Code, Reason: r.Reason, Message: r.Message}
	}
	return p
}
