// Package money is the Money value every price-bearing subgraph exposes:
// integer paise, formatted the Indian way (₹1,29,900.00).
package money

import (
	"strconv"
	"strings"
)

// Money is an amount in paise (1 ₹ = 100 paise), always INR.
type Money struct {
	Paise int64 `json:"paise"`
}

// Of returns p paise.
func Of(p int64) *Money { return &Money{Paise: p} }

// Currency is always INR.
func (m Money) Currency() string { return "INR" }

// Formatted renders the amount with lakh/crore grouping: ₹12,34,567.50.
func (m Money) Formatted() string {
	p := m.Paise
	sign := ""
	if p < 0 {
		sign, p = "-", -p
	}
	rupees, paise := p/100, p%100
	return sign + "₹" + group(strconv.FormatInt(rupees, 10)) + "." + pad2(paise)
}

// group inserts separators after the last three digits, then every two.
func group(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	head, tail := digits[:len(digits)-3], digits[len(digits)-3:]
	var parts []string
	for len(head) > 2 {
		parts = append([]string{head[len(head)-2:]}, parts...)
		head = head[:len(head)-2]
	}
	if head != "" {
		parts = append([]string{head}, parts...)
	}
	return strings.Join(parts, ",") + "," + tail
}

func pad2(n int64) string {
	if n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}
