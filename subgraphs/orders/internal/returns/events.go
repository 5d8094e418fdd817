package returns

import "time"

// Changed is order.return_changed v1 (docs/marketplace.md): every step of a
// return, on orders.events keyed by the order id. Payments refunds on
// to = RECEIVED, inventory restocks the resaleable items then, promotions
// releases the coupon once OrderFullyReturned.
type Changed struct {
	ReturnID     string    `json:"returnId"`
	OrderID      string    `json:"orderId"`
	StoreID      string    `json:"storeId"`
	FulfilmentID string    `json:"fulfilmentId"`
	UserID       string    `json:"userId"`
	From         *Status   `json:"from"` // null when requested
	To           Status    `json:"to"`
	At           time.Time `json:"at"`
	Reason       Reason    `json:"reason"`
	RefundPaise  int64     `json:"refundPaise"`
	// StoreAmountPaise: what the buyer paid for the store's lines in the
	// order, the ceiling of the store's refunds (payments enforces it).
	StoreAmountPaise int64         `json:"storeAmountPaise"`
	Items            []ChangedItem `json:"items"`
	// RefundTo: where payments pays a cash-on-delivery refund; only on
	// to = RECEIVED of a COD order (payments needs it then, nobody else).
	RefundTo *RefundTo `json:"codRefundTo,omitempty"`
	// OrderFullyReturned: after this step every unit of every line of the
	// order is in a return that was received (or refunded).
	OrderFullyReturned bool `json:"orderFullyReturned"`
}

// ChangedItem is a line of Changed.
type ChangedItem struct {
	OrderItemID string `json:"orderItemId"`
	VariantID   string `json:"variantId"`
	Quantity    int    `json:"quantity"`
	RefundPaise int64  `json:"refundPaise"`
	Resaleable  bool   `json:"resaleable"`
}

func (Changed) EventType() string { return "order.return_changed" }
func (Changed) EventVersion() int { return 1 }

// ChangedEvents describes every move recorded since r was loaded;
// fullyReturned tells whether the order is wholly returned after them.
func (r *Return) ChangedEvents(fullyReturned bool) []Changed {
	items := make([]ChangedItem, len(r.Items))
	for i, it := range r.Items {
		items[i] = ChangedItem{OrderItemID: it.OrderItemID, VariantID: it.VariantID, Quantity: it.Quantity,
			RefundPaise: it.Refund, Resaleable: it.Resaleable != nil && *it.Resaleable}
	}
	out := make([]Changed, 0, len(r.changes))
	for _, c := range r.changes {
		e := Changed{ReturnID: r.ID, OrderID: r.OrderID, StoreID: r.StoreID, FulfilmentID: r.FulfilmentID,
			UserID: r.UserID, To: c.To, At: c.At, Reason: r.Reason, RefundPaise: r.Refund, StoreAmountPaise: r.StoreAmount, Items: items,
			OrderFullyReturned: fullyReturned && (c.To == Received || c.To == Refunded)}
		if c.From != "" {
			from := c.From
			e.From = &from
		}
		if c.To == Received && r.RefundTo != nil {
			rt := *r.RefundTo
			e.RefundTo = &rt
		}
		out = append(out, e)
	}
	return out
}

// PaymentRefunded is the part of payments' payment.refunded orders reads
// for returns: the return a refund paid (returnId, null for others).
type PaymentRefunded struct {
	OrderID  string `json:"orderId"`
	RefundID string `json:"refundId"`
	ReturnID string `json:"returnId"`
}
