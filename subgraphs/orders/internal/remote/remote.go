// Package remote is how orders asks other subgraphs synchronously, with the
// operations docs/commerce.md fixes (platform/subgraph: timeout, retries for
// idempotent calls, circuit breaker, the shopper's own Authorization). Coded
// errors of the other subgraph come back unchanged (*errs.Error).
package remote

import (
	"context"
	"fmt"
	"time"

	"github.com/purra/supergraph/platform/subgraph"

	"github.com/purra/supergraph/subgraphs/orders/internal/order"
)

// Clients are the subgraphs orders calls.
type Clients struct {
	cart, users, promotions, inventory, catalog, payments, stores *subgraph.Client
}

// New returns clients for the subgraphs; client (service.Deps.Subgraph)
// makes one that carries orders' service credential.
func New(client func(name string) *subgraph.Client) *Clients {
	c := client
	return &Clients{cart: c("cart"), users: c("users"), promotions: c("promotions"), inventory: c("inventory"), catalog: c("catalog"),
		payments: c("payments"), stores: c("stores")}
}

type money struct {
	Paise int64 `json:"paise"`
}

// Cart is the caller's cart: its lines, applied coupon and version (which
// order.placed carries back to the cart).
type Cart struct {
	Lines      []order.Line
	CouponCode string
	Version    int
}

// MyCart reads the caller's cart.
func (c *Clients) MyCart(ctx context.Context) (Cart, error) {
	var out struct {
		MyCart *struct {
			Items []struct {
				VariantID string `json:"variantId"`
				Quantity  int    `json:"quantity"`
			} `json:"items"`
			CouponCode *string `json:"couponCode"`
			Version    int     `json:"version"`
		} `json:"myCart"`
	}
	if err := c.cart.Do(ctx, `query { myCart { items { variantId quantity } couponCode version } }`, nil, &out, subgraph.Idempotent()); err != nil {
		return Cart{}, err
	}
	var cart Cart
	if out.MyCart == nil {
		return cart, nil
	}
	cart.Version = out.MyCart.Version
	for _, it := range out.MyCart.Items {
		cart.Lines = append(cart.Lines, order.Line{VariantID: it.VariantID, Quantity: it.Quantity})
	}
	if out.MyCart.CouponCode != nil {
		cart.CouponCode = *out.MyCart.CouponCode
	}
	return cart, nil
}

// MyAddresses reads the caller's address book, each address with the
// caller's GSTIN (a RETAILER's; invoices to them are B2B).
func (c *Clients) MyAddresses(ctx context.Context) ([]order.Address, error) {
	var out struct {
		Me *struct {
			GSTIN     *string `json:"gstin"`
			Addresses []struct {
				ID       string  `json:"id"`
				Name     string  `json:"name"`
				Phone    string  `json:"phone"`
				Line1    string  `json:"line1"`
				Line2    *string `json:"line2"`
				Landmark *string `json:"landmark"`
				City     string  `json:"city"`
				State    string  `json:"state"`
				PinCode  string  `json:"pinCode"`
			} `json:"addresses"`
		} `json:"me"`
	}
	if err := c.users.Do(ctx, `query { me { gstin addresses { id name phone line1 line2 landmark city state pinCode } } }`,
		nil, &out, subgraph.Idempotent()); err != nil {
		return nil, err
	}
	if out.Me == nil {
		return nil, nil
	}
	addrs := make([]order.Address, len(out.Me.Addresses))
	for i, a := range out.Me.Addresses {
		addrs[i] = order.Address{ID: a.ID, Name: a.Name, Phone: a.Phone, Line1: a.Line1, Line2: deref(a.Line2),
			Landmark: deref(a.Landmark), City: a.City, State: a.State, PinCode: a.PinCode, BuyerGSTIN: deref(out.Me.GSTIN)}
	}
	return addrs, nil
}

const quoteQuery = `query($input: QuoteInput!) { quote(input: $input) {
	lines { variantId productId hsnCode categoryIds sku title storeId quantity unitPrice { paise }
	        lineSubtotal { paise } discount { paise } automaticDiscount { paise } couponDiscount { paise }
	        gstRatePercent gst { paise } lineTotal { paise } }
	subtotal { paise } automaticDiscount { paise } couponDiscount { paise }
	couponRejection { code reason message }
	gst { cgst { paise } sgst { paise } igst { paise } total { paise } }
	shipping { paise } total { paise } } }`

// Quote asks promotions for the authoritative price of lines delivered to
// shippingState, with coupon ("" for none).
func (c *Clients) Quote(ctx context.Context, lines []order.Line, coupon, shippingState string) (order.Quote, error) {
	in := map[string]any{"lines": linesInput(lines)}
	if coupon != "" {
		in["couponCode"] = coupon
	}
	if shippingState != "" {
		in["shippingState"] = shippingState
	}
	var out struct {
		Quote struct {
			Lines []struct {
				VariantID         string   `json:"variantId"`
				ProductID         string   `json:"productId"`
				HSNCode           string   `json:"hsnCode"`
				CategoryIDs       []string `json:"categoryIds"`
				SKU               string   `json:"sku"`
				Title             string   `json:"title"`
				StoreID           string   `json:"storeId"`
				Quantity          int      `json:"quantity"`
				UnitPrice         money    `json:"unitPrice"`
				LineSubtotal      money    `json:"lineSubtotal"`
				Discount          money    `json:"discount"`
				AutomaticDiscount money    `json:"automaticDiscount"`
				CouponDiscount    money    `json:"couponDiscount"`
				GSTRatePercent    float64  `json:"gstRatePercent"`
				GST               money    `json:"gst"`
				LineTotal         money    `json:"lineTotal"`
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
		} `json:"quote"`
	}
	if err := c.promotions.Do(ctx, quoteQuery, map[string]any{"input": in}, &out, subgraph.Idempotent()); err != nil {
		return order.Quote{}, err
	}
	q := out.Quote
	res := order.Quote{Totals: order.Totals{
		Subtotal: q.Subtotal.Paise, AutomaticDiscount: q.AutomaticDiscount.Paise, CouponDiscount: q.CouponDiscount.Paise,
		CGST: q.GST.CGST.Paise, SGST: q.GST.SGST.Paise, IGST: q.GST.IGST.Paise, GST: q.GST.Total.Paise,
		Shipping: q.Shipping.Paise, Total: q.Total.Paise,
	}}
	for _, l := range q.Lines {
		res.Lines = append(res.Lines, order.Item{
			VariantID: l.VariantID, StoreID: l.StoreID, SKU: l.SKU, Title: l.Title, UnitPrice: l.UnitPrice.Paise,
			Quantity: l.Quantity, LineSubtotal: l.LineSubtotal.Paise, Discount: l.Discount.Paise,
			GSTRatePercent: l.GSTRatePercent, GST: l.GST.Paise, LineTotal: l.LineTotal.Paise,
			ProductID: l.ProductID, HSNCode: l.HSNCode, CategoryIDs: l.CategoryIDs,
			AutomaticDiscount: l.AutomaticDiscount.Paise, CouponDiscount: l.CouponDiscount.Paise,
		})
	}
	if r := q.CouponRejection; r != nil {
		res.Rejection = &order.CouponRejection{Code: r.Code, Reason: r.Reason, Message: r.Message}
	}
	return res, nil
}

// The input types of reserveStock and holdCoupon are not named by the
// contract, only their fields: their arguments are written as literals
// (every value is encoded by literal, never spliced in raw).

// ReserveStock reserves every line for orderID or none (CONFLICT OUT_OF_STOCK).
// Idempotent per order id, so a retried call cannot reserve twice.
func (c *Clients) ReserveStock(ctx context.Context, orderID string, lines []order.Line, ttl time.Duration) error {
	in := map[string]any{"orderId": orderID, "lines": linesInput(lines), "ttlSeconds": int(ttl / time.Second)}
	return c.inventory.Do(ctx, `mutation { reserveStock(input: `+literal(in)+`) { __typename } }`,
		nil, nil, subgraph.Idempotent())
}

// ReleaseStock releases orderID's reservation; releasing none is not an error.
func (c *Clients) ReleaseStock(ctx context.Context, orderID string) error {
	return c.inventory.Do(ctx, `mutation($orderId: ID!) { releaseStock(orderId: $orderId) }`,
		map[string]any{"orderId": orderID}, nil, subgraph.Idempotent())
}

// HoldCoupon reserves one use of code for orderID. Idempotent per order id.
func (c *Clients) HoldCoupon(ctx context.Context, orderID, code string, subtotalPaise int64) error {
	in := map[string]any{"orderId": orderID, "code": code, "subtotalPaise": subtotalPaise}
	return c.promotions.Do(ctx, `mutation { holdCoupon(input: `+literal(in)+`) { __typename } }`,
		nil, nil, subgraph.Idempotent())
}

// ReleaseCouponHold releases orderID's coupon hold; releasing none is not an error.
func (c *Clients) ReleaseCouponHold(ctx context.Context, orderID string) error {
	return c.promotions.Do(ctx, `mutation($orderId: ID!) { releaseCouponHold(orderId: $orderId) }`,
		map[string]any{"orderId": orderID}, nil, subgraph.Idempotent())
}

// Orders' clock asks these without a shopper (As("")): the fields are
// internal (@inaccessible), answered to subgraphs only.

// CommitStock asks inventory to commit orderID's reservation before the
// paid order is confirmed: nil when committed; a CONFLICT (STOCK_UNAVAILABLE,
// RESERVATION_CLOSED) or NOT_FOUND when it never will be. Idempotent.
func (c *Clients) CommitStock(ctx context.Context, orderID string) error {
	return c.inventory.Do(ctx, `mutation($orderId: ID!) { commitStock(orderId: $orderId) { status } }`,
		map[string]any{"orderId": orderID}, nil, subgraph.Idempotent(), subgraph.As(""))
}

// PaymentState asks payments whether money was captured for orderID.
func (c *Clients) PaymentState(ctx context.Context, orderID string) (order.PaymentState, error) {
	var out struct {
		State struct {
			Captured      bool  `json:"captured"`
			CapturedPaise int64 `json:"capturedPaise"`
		} `json:"orderPaymentState"`
	}
	if err := c.payments.Do(ctx, `query($orderId: ID!) { orderPaymentState(orderId: $orderId) { captured capturedPaise } }`,
		map[string]any{"orderId": orderID}, &out, subgraph.Idempotent(), subgraph.As("")); err != nil {
		return order.PaymentState{}, fmt.Errorf("payment state of order %s: %w", orderID, err)
	}
	return order.PaymentState{Captured: out.State.Captured, AmountPaise: out.State.CapturedPaise}, nil
}

// StoreIDsOwnedBy lists the stores ownerID owns (catalog).
func (c *Clients) StoreIDsOwnedBy(ctx context.Context, ownerID string) ([]string, error) {
	var out struct {
		IDs []string `json:"storeIdsOwnedBy"`
	}
	if err := c.catalog.Do(ctx, `query($ownerId: ID!) { storeIdsOwnedBy(ownerId: $ownerId) }`,
		map[string]any{"ownerId": ownerID}, &out, subgraph.Idempotent()); err != nil {
		return nil, fmt.Errorf("stores of %s: %w", ownerID, err)
	}
	return out.IDs, nil
}

func linesInput(lines []order.Line) []map[string]any {
	out := make([]map[string]any, len(lines))
	for i, l := range lines {
		out[i] = map[string]any{"variantId": l.VariantID, "quantity": l.Quantity}
	}
	return out
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
