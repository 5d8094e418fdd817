// Package model holds the GraphQL models: generated ones in models_gen.go and
// the hand-written ones below, which keep foreign keys (OrderID, PaymentID)
// for the field resolvers to load through per-request dataloaders.
package model

import (
	"time"

	"github.com/purra/supergraph/platform/money"
)

// Order is the orders subgraph's entity; payments resolves only its payments.
type Order struct {
	ID string
}

// IsEntity marks Order as a federation entity (fedruntime.Entity).
func (Order) IsEntity() {}

// Payment is a payment row; its refunds are resolved through a loader.
type Payment struct {
	ID                string
	Order             *Order
	OrderNumber       string
	Amount            *money.Money
	Method            PaymentMethodType
	Provider          PaymentProvider
	ProviderOrderID   *string
	ProviderPaymentID *string
	Status            PaymentStatus
	FailureReason     *string
	CapturedAmount    *money.Money
	RefundedAmount    *money.Money
	RefundableAmount  *money.Money
	CreatedAt         time.Time
	CapturedAt        *time.Time
	UpdatedAt         time.Time
}

// Refund is a refund row; its payment is resolved by PaymentID.
type Refund struct {
	ID               string
	PaymentID        string
	Amount           *money.Money
	Reason           string
	Status           RefundStatus
	ProviderRefundID *string
	FailureReason    *string
	StoreID          *string
	CreatedAt        time.Time
	ProcessedAt      *time.Time
}

// Store is the stores subgraph's entity; payments resolves only its
// settlement fields (they take arguments and check access: resolvers).
type Store struct {
	ID string
}

// IsEntity marks Store as a federation entity (fedruntime.Entity).
func (Store) IsEntity() {}
