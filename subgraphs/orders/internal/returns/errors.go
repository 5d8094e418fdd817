package returns

import (
	"errors"
	"fmt"
)

// What can go wrong with a return. graph/returns_errors.go gives each its
// GraphQL code; nothing here knows about GraphQL.

// InputError: a field of the request is malformed (BAD_USER_INPUT).
type InputError struct {
	Field   string // in GraphQL spelling, e.g. "items.quantity"
	Message string
	Reason  string // machine-readable, optional
}

func (e *InputError) Error() string { return e.Field + ": " + e.Message }

func badInput(field, format string, args ...any) *InputError {
	return &InputError{Field: field, Message: fmt.Sprintf(format, args...)}
}

// TransitionError: the return's status does not allow the move (CONFLICT).
type TransitionError struct{ From, To Status }

func (e *TransitionError) Error() string {
	return fmt.Sprintf("a return in %s cannot become %s", e.From, e.To)
}

// Refusals of a request that is well-formed but not possible now (CONFLICT).
var (
	// ErrNotDelivered: the fulfilment has not been delivered (or was
	// cancelled, or everything in it is returned already).
	ErrNotDelivered = errors.New("only delivered items can be returned")
	// ErrWindowClosed: the return window of a line has passed.
	ErrWindowClosed = errors.New("the return window of this item has closed")
)

// ErrNotFound: no such return (NOT_FOUND).
var ErrNotFound = errors.New("return not found")

// ErrFulfilmentNotFound: the order has no such fulfilment (NOT_FOUND).
var ErrFulfilmentNotFound = errors.New("fulfilment not found")

// WindowError is ErrWindowClosed for one line, with when it closed.
type WindowError struct {
	OrderItemID string
	ClosedAt    string // RFC 3339
}

func (e *WindowError) Error() string {
	return fmt.Sprintf("the return window of item %s closed at %s", e.OrderItemID, e.ClosedAt)
}

func (e *WindowError) Unwrap() error { return ErrWindowClosed }
