package payment

// Event is a domain event payments publishes (topic payments.events, key =
// order id, so that one order's payment events keep their order).
// Payloads follow docs/commerce.md field for field.
type Event interface {
	EventType() string
	EventVersion() int
	Key() string
}

// Succeeded: the money was captured (COD: collected on delivery).
type Succeeded struct {
	PaymentID         string   `json:"paymentId"`
	OrderID           string   `json:"orderId"`
	AmountPaise       int64    `json:"amountPaise"`
	Provider          Provider `json:"provider"`
	ProviderPaymentID string   `json:"providerPaymentId"`
}

func (Succeeded) EventType() string { return "payment.succeeded" }
func (Succeeded) EventVersion() int { return 1 }
func (e Succeeded) Key() string     { return e.OrderID }

// Failed: the payment failed; orders cancels the order.
type Failed struct {
	PaymentID string `json:"paymentId"`
	OrderID   string `json:"orderId"`
	Reason    string `json:"reason"`
}

func (Failed) EventType() string { return "payment.failed" }
func (Failed) EventVersion() int { return 1 }
func (e Failed) Key() string     { return e.OrderID }

// Refunded: a refund was processed; Full when everything captured is refunded.
type Refunded struct {
	PaymentID          string `json:"paymentId"`
	OrderID            string `json:"orderId"`
	RefundID           string `json:"refundId"`
	AmountPaise        int64  `json:"amountPaise"`
	RefundedTotalPaise int64  `json:"refundedTotalPaise"`
	Full               bool   `json:"full"`
	Reason             string `json:"reason"`
	// StoreID: the store whose lines the refund paid back; null for the whole order.
	StoreID *string `json:"storeId"`
	// ReturnID is the return (orders' RMA) the refund paid; absent for others.
	ReturnID string `json:"returnId,omitempty"`
}

func (Refunded) EventType() string { return "payment.refunded" }
func (Refunded) EventVersion() int { return 1 }
func (e Refunded) Key() string     { return e.OrderID }
