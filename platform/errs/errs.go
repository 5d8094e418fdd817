// Package errs defines the errors a client can cause, each with the GraphQL
// extensions.code the error presenter puts on it. Domain code returns these
// (or wraps them); anything else that reaches a client is INTERNAL and its
// message is replaced.
package errs

import (
	"errors"
	"fmt"
)

// Code is the value of extensions.code.
type Code string

const (
	BadUserInput    Code = "BAD_USER_INPUT"
	Unauthenticated Code = "UNAUTHENTICATED"
	Forbidden       Code = "FORBIDDEN"
	NotFound        Code = "NOT_FOUND"
	Conflict        Code = "CONFLICT"
	RateLimited     Code = "RATE_LIMITED"
	// Unavailable: a subgraph this one depends on did not answer in time.
	Unavailable Code = "SERVICE_UNAVAILABLE"
	Internal    Code = "INTERNAL"
)

// Error is a client-facing error: its Message is safe to show.
type Error struct {
	Code    Code
	Message string
	// Field names the input field at fault (BAD_USER_INPUT), in GraphQL spelling.
	Field string
	// Reason is a machine-readable detail, e.g. "EXPIRED" for a coupon.
	Reason string
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s", e.Field, e.Message)
	}
	return e.Message
}

// Is makes errors.Is(err, errs.ErrNotFound)-style comparisons match on code and reason.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	if !ok {
		return false
	}
	return t.Code == e.Code && (t.Reason == "" || t.Reason == e.Reason) && (t.Field == "" || t.Field == e.Field)
}

// WithReason returns a copy carrying a machine-readable reason.
func (e *Error) WithReason(reason string) *Error {
	c := *e
	c.Reason = reason
	return &c
}

func BadInput(field, format string, args ...any) *Error {
	return &Error{Code: BadUserInput, Field: field, Message: fmt.Sprintf(format, args...)}
}

func Unauthorized(msg string) *Error { return &Error{Code: Unauthenticated, Message: msg} }

func Denied(msg string) *Error { return &Error{Code: Forbidden, Message: msg} }

func Missing(what string) *Error { return &Error{Code: NotFound, Message: what + " not found"} }

func Conflicting(format string, args ...any) *Error {
	return &Error{Code: Conflict, Message: fmt.Sprintf(format, args...)}
}

func Limited(msg string) *Error { return &Error{Code: RateLimited, Message: msg} }

// CodeOf returns the code of the first *Error in err's chain, or Internal.
func CodeOf(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}
