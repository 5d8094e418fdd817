package payment

import (
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Placed is what order.placed tells payments about a new order.
type Placed struct {
	OrderID     string
	OrderNumber string
	UserID      string
	StoreIDs    []string
	// StoreAmounts: the sum of each store's lineTotals.
	StoreAmounts map[string]int64
	Amount       int64
	Method       Method
	UpiVpa       string
}

// Validate checks an order.placed payload. orders is trusted, but a payload
// payments cannot honour (no amount, an unknown method) must be parked for
// inspection rather than turned into a payment.
func (in *Placed) Validate() error {
	if _, err := uuid.Parse(in.OrderID); err != nil {
		return fmt.Errorf("orderId %q: not a UUID", in.OrderID)
	}
	if _, err := uuid.Parse(in.UserID); err != nil {
		return fmt.Errorf("userId %q: not a UUID", in.UserID)
	}
	// Razorpay's receipt (the order number) is at most 40 characters.
	if n := utf8.RuneCountInString(in.OrderNumber); n < 1 || n > 40 {
		return fmt.Errorf("orderNumber: %d characters, want 1–40", n)
	}
	if in.Amount < 1 {
		return fmt.Errorf("totalPaise %d: must be positive", in.Amount)
	}
	if !in.Method.Valid() {
		return fmt.Errorf("paymentMethod %q: unknown", in.Method)
	}
	if len(in.UpiVpa) > 255 {
		return fmt.Errorf("upiVpa: longer than 255 bytes")
	}
	ids := make([]string, 0, len(in.StoreIDs))
	for _, id := range in.StoreIDs {
		if _, err := uuid.Parse(id); err != nil {
			return fmt.Errorf("storeId %q: not a UUID", id)
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	in.StoreIDs = ids
	return nil
}
