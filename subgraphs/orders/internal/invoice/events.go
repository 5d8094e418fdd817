package invoice

import "time"

// Issued: a store issued a tax invoice or a credit note (orders topic,
// keyed by order id); notifications can send it to the buyer.
type Issued struct {
	InvoiceID      string    `json:"invoiceId"`
	Kind           Kind      `json:"kind"`
	Number         string    `json:"number"`
	OrderID        string    `json:"orderId"`
	OrderNumber    string    `json:"orderNumber"`
	StoreID        string    `json:"storeId"`
	OriginalNumber string    `json:"originalNumber,omitempty"`
	RefundID       string    `json:"refundId,omitempty"`
	TotalPaise     int64     `json:"totalPaise"`
	IssuedAt       time.Time `json:"issuedAt"`
}

func (Issued) EventType() string { return "invoice.issued" }
func (Issued) EventVersion() int { return 1 }

// IssuedEvent describes inv as just issued.
func IssuedEvent(inv Invoice) Issued {
	return Issued{InvoiceID: inv.ID, Kind: inv.Kind, Number: inv.Number, OrderID: inv.OrderID,
		OrderNumber: inv.OrderNumber, StoreID: inv.StoreID, OriginalNumber: inv.OriginalNumber,
		RefundID: inv.RefundID, TotalPaise: inv.Total, IssuedAt: inv.IssuedAt}
}
