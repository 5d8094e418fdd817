package model

import (
	"time"

	"github.com/purra/supergraph/platform/money"
)

// Return is a return row; order and statusHistory are resolved (OrderID
// keys the first).
type Return struct {
	ID              string
	OrderID         string
	Store           *Store
	FulfilmentID    string
	Buyer           *User
	Status          ReturnStatus
	Reason          ReturnReason
	Comment         *string
	RejectionReason *string
	Items           []*ReturnItem
	Refund          money.Money
	CodRefundTo     *CodRefundTo
	RequestedAt     time.Time
	DecidedAt       *time.Time
	ReceivedAt      *time.Time
	RefundedAt      *time.Time
	UpdatedAt       time.Time
}

