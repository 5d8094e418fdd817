package returns

import (
	"time"

	"github.com/google/uuid"
)

// Limits of a request.
const (
	MaxItems    = 50
	MaxQuantity = 1000
	MaxComment  = 1000
)

// Request is a shopper's requestReturn, validated by ParseRequest.
type Request struct {
	OrderID string
	// Which fulfilment: by its id, or by its store (a fulfilment is also
	// identified by (order, store)). At least one is set.
	FulfilmentID string
	StoreID      string
	Items        []RequestItem
	Reason       Reason
	Comment      string
	RefundTo     *RefundToInput // required for cash on delivery, refused otherwise
}

// RequestItem is how many units of one order item to return.
type RequestItem struct {
	OrderItemID string
	Quantity    int
}

// ParseRequest checks the request's shape, before anything is read: ids,
// 1–50 distinct items of 1–1000 units, a known reason, a comment of at
// most 1000 characters (trimmed, "" when absent).
func ParseRequest(in Request) (Request, error) {
	if !isUUID(in.OrderID) {
		return in, badInput("orderId", "not a valid order id")
	}
	if in.FulfilmentID == "" && in.StoreID == "" {
		return in, badInput("fulfilmentId", "give the fulfilment's id or its store's id")
	}
	if in.FulfilmentID != "" && !isUUID(in.FulfilmentID) {
		return in, badInput("fulfilmentId", "not a valid fulfilment id")
	}
	if in.StoreID != "" && !isUUID(in.StoreID) {
		return in, badInput("storeId", "not a valid store id")
	}
	if len(in.Items) == 0 || len(in.Items) > MaxItems {
		return in, badInput("items", "give 1–%d items", MaxItems)
	}
	seen := make(map[string]bool, len(in.Items))
	for _, it := range in.Items {
		if !isUUID(it.OrderItemID) {
			return in, badInput("items.orderItemId", "not a valid order item id")
		}
		if seen[it.OrderItemID] {
			return in, badInput("items.orderItemId", "each item at most once")
		}
		seen[it.OrderItemID] = true
		if it.Quantity < 1 || it.Quantity > MaxQuantity {
			return in, badInput("items.quantity", "must be 1–%d", MaxQuantity)
		}
	}
	if !in.Reason.Valid() {
		return in, badInput("reason", "unknown reason")
	}
	if in.Comment != "" {
		c, err := text("comment", in.Comment, 0, MaxComment)
		if err != nil {
			return in, err
		}
		in.Comment = c
	}
	return in, nil
}

// isUUID accepts only canonical UUIDs: anything else can be no id of ours
// and must not reach a ::uuid cast.
func isUUID(s string) bool {
	u, err := uuid.Parse(s)
	return err == nil && u.String() == s
}

// Facts are what a request is decided on, read (and locked) by the store.
type Facts struct {
	OrderUserID  string
	COD          bool // the order is paid cash on delivery
	FulfilmentID string
	StoreID      string
	Delivered    bool       // the fulfilment's status is DELIVERED
	DeliveredAt  *time.Time // when it was
	Lines        map[string]Line
	Windows      Windows
	Now          time.Time
}

// Line is one order item of the fulfilment and how much of it is returned
// already (by returns that still hold their units).
type Line struct {
	OrderItemID string
	VariantID   string
	Title       string
	Quantity    int
	LineTotal   int64
	CategoryIDs []string // nearest first
	Returned    int      // units
	Refunded    int64    // paise of those units
}

// New builds the return a valid request asks for (status REQUESTED), or
// says why it cannot be: the lines must be this fulfilment's, delivered,
// within their category's return window and not returned beyond the
// quantity bought. id names the new return.
func New(id string, in Request, f Facts) (*Return, error) {
	var refundTo *RefundTo
	switch {
	case f.COD && in.RefundTo == nil:
		return nil, badInput("codRefundTo", "cash-on-delivery orders are refunded to a bank account or UPI VPA: give one")
	case !f.COD && in.RefundTo != nil:
		return nil, badInput("codRefundTo", "only for cash-on-delivery orders: prepaid orders are refunded to their payment")
	case f.COD:
		var err error
		if refundTo, err = ParseRefundTo(*in.RefundTo); err != nil {
			return nil, err
		}
	}
	if !f.Delivered || f.DeliveredAt == nil {
		return nil, ErrNotDelivered
	}
	r := &Return{
		ID: id, OrderID: in.OrderID, StoreID: f.StoreID, FulfilmentID: f.FulfilmentID, UserID: f.OrderUserID,
		Status: Requested, Reason: in.Reason, Comment: in.Comment, RefundTo: refundTo,
		RequestedAt: f.Now, UpdatedAt: f.Now,
	}
	for _, it := range in.Items {
		l, ok := f.Lines[it.OrderItemID]
		if !ok {
			return nil, badInput("items.orderItemId", "not an item of this fulfilment")
		}
		if closes := f.Windows.Closes(l.CategoryIDs, *f.DeliveredAt); f.Now.After(closes) {
			return nil, &WindowError{OrderItemID: l.OrderItemID, ClosedAt: closes.Format(time.RFC3339)}
		}
		if l.Returned+it.Quantity > l.Quantity {
			e := badInput("items.quantity", "at most %d more of this item can be returned", max(l.Quantity-l.Returned, 0))
			e.Reason = "QUANTITY_EXCEEDED"
			return nil, e
		}
		refund := l.RefundFor(it.Quantity)
		r.Items = append(r.Items, Item{OrderItemID: l.OrderItemID, VariantID: l.VariantID, Title: l.Title,
			Quantity: it.Quantity, Refund: refund})
		r.Refund += refund
	}
	if r.Refund <= 0 {
		// Free lines (a 100 % discount) have nothing to refund: a return of
		// only those is a matter for the store, not a refund.
		return nil, badInput("items", "these items were free: there is nothing to refund")
	}
	for _, l := range f.Lines {
		r.StoreAmount += l.LineTotal
	}
	r.changes = []Change{{To: Requested, At: f.Now, Note: string(in.Reason)}}
	return r, nil
}

// RefundFor is what returning n more units of l refunds, in paise: the
// line's total is split over its units by largest remainder (the first
// LineTotal mod Quantity units carry one paisa more), and the units
// returned so far have had theirs. Charging n units as "units so far + n"
// minus what was refunded keeps the sum exact: returning every unit, in any
// number of returns, refunds exactly LineTotal.
func (l Line) RefundFor(n int) int64 {
	return share(l.LineTotal, l.Quantity, l.Returned+n) - l.Refunded
}

// share is the sum of the first k unit shares of total split over qty units.
func share(total int64, qty, k int) int64 {
	if qty <= 0 || k <= 0 {
		return 0
	}
	k = min(k, qty)
	base, rem := total/int64(qty), total%int64(qty)
	return base*int64(k) + min(int64(k), rem)
}
