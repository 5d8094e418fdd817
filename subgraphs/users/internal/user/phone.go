package user

import (
	"strings"

	"github.com/purra/supergraph/platform/errs"
)

// NormalizePhone accepts an Indian mobile number written the usual ways
// ("9876543210", "+91 98765 43210", "+91-98765-43210", "09876543210",
// "919876543210") and returns it as +91 followed by 10 digits, the first 6–9.
func NormalizePhone(field, s string) (string, error) {
	if len(s) > 32 {
		return "", errs.BadInput(field, "is not an Indian mobile number")
	}
	digits := strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	if digits == "" {
		return "", errs.BadInput(field, "is required")
	}
	switch {
	case strings.HasPrefix(digits, "+91"):
		digits = digits[3:]
	case len(digits) == 12 && strings.HasPrefix(digits, "91"):
		digits = digits[2:]
	case len(digits) == 11 && digits[0] == '0':
		digits = digits[1:]
	}
	if len(digits) != 10 || digits[0] < '6' || digits[0] > '9' || !allDigits(digits) {
		return "", errs.BadInput(field, "must be an Indian mobile number: +91 and 10 digits starting with 6–9")
	}
	return "+91" + digits, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
