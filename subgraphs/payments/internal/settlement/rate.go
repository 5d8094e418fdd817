// Package settlement holds the rules of the sellers' settlement ledger: what
// a delivered fulfilment earns its store and costs it (commission, GST on the
// commission, TCS, the payment gateway's fee), how a refund reverses part of
// it, and what a payout adds up to. Amounts are integer paise; rates are
// basis points of a percent (1 = 0.01 %). No I/O (docs/settlements.md).
package settlement

import (
	"fmt"
	"math"
	"math/big"
)

// Rate is a percentage in hundredths of a percent: 1250 = 12.5 %.
type Rate int64

// Hundred is 100 %.
const Hundred Rate = 10000

// Percent is the rate as a percentage (12.5).
func (r Rate) Percent() float64 { return float64(r) / 100 }

// String shows the rate as "12.50".
func (r Rate) String() string { return fmt.Sprintf("%d.%02d", r/100, r%100) }

// InputError is input the ledger refuses, naming the offending field.
type InputError struct {
	Field   string
	Message string
}

func (e *InputError) Error() string { return fmt.Sprintf("settlement: %s: %s", e.Field, e.Message) }

// ErrUnknownCategory: a commission rate for a category the catalogue does not know.
var ErrUnknownCategory = &InputError{Field: "categoryId", Message: "no such category"}

// ParsePercent turns an admin's percentage (0–100, at most two decimals) into
// a Rate. Float input is accepted when it is within 1e-6 of a whole number
// of hundredths, which every two-decimal literal is after float parsing.
func ParsePercent(p float64) (Rate, error) {
	if math.IsNaN(p) || math.IsInf(p, 0) || p < 0 || p > 100 {
		return 0, &InputError{Field: "percent", Message: "must be between 0 and 100"}
	}
	h := p * 100
	r := math.Round(h)
	if math.Abs(h-r) > 1e-6 {
		return 0, &InputError{Field: "percent", Message: "at most two decimals"}
	}
	return Rate(r), nil
}

// Of is rate × amount rounded half up to the paisa (amount ≥ 0).
func (r Rate) Of(amount int64) int64 { return mulDiv(amount, int64(r), int64(Hundred)) }

// mulDiv is a × b / c rounded half up, exact for any int64 operands (the
// product may exceed 64 bits); a, b ≥ 0, c > 0.
func mulDiv(a, b, c int64) int64 {
	n := new(big.Int).Mul(big.NewInt(a), big.NewInt(b))
	n.Mul(n, big.NewInt(2)).Add(n, big.NewInt(c))
	return n.Quo(n, big.NewInt(2*c)).Int64()
}
