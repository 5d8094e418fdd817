package promo

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/errs"
)

// Limits of free text and lists, in characters or items.
const (
	MaxDescriptionLen = 500
	MaxRestrictionIDs = 100
	MaxAssignedUsers  = 1000
	// MaxAmountPaise bounds every amount an admin can enter (₹10 crore): far
	// above any real coupon, far below int64 overflow in the pricing math.
	MaxAmountPaise = 10_000_000_000
)

var codePattern = regexp.MustCompile(`^[A-Z0-9_-]+$`)

// NormalizeCode trims and upper-cases a coupon code or rule name and checks
// it has min..max characters of A–Z, 0–9, '_' and '-'.
func NormalizeCode(field, s string, min, max int) (string, error) {
	if len(s) > 4*max+64 { // never scan a 10 KB string
		return "", errs.BadInput(field, "must be at most %d characters", max)
	}
	s = strings.ToUpper(strings.TrimSpace(s))
	if n := len(s); n < min || n > max {
		return "", errs.BadInput(field, "must be %d–%d characters", min, max)
	}
	if !codePattern.MatchString(s) {
		return "", errs.BadInput(field, "may contain only A–Z, 0–9, '_' and '-'")
	}
	return s, nil
}

// Text trims s and checks it has 1..max characters of valid UTF-8 without
// control characters or bidi overrides (which can make text display as
// something else).
func Text(field, s string, max int) (string, error) {
	if len(s) > 4*max+64 {
		return "", errs.BadInput(field, "must be at most %d characters", max)
	}
	s = strings.TrimSpace(s)
	if !utf8.ValidString(s) {
		return "", errs.BadInput(field, "is not valid UTF-8")
	}
	n := utf8.RuneCountInString(s)
	if n == 0 {
		return "", errs.BadInput(field, "is required")
	}
	if n > max {
		return "", errs.BadInput(field, "must be at most %d characters", max)
	}
	for _, r := range s {
		if unicode.IsControl(r) || (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069') ||
			r == '\u200E' || r == '\u200F' || r == '\u061C' || r == '\u2028' || r == '\u2029' || r == '\uFEFF' {
			return "", errs.BadInput(field, "must not contain control characters")
		}
	}
	return s, nil
}

// IsUUID reports whether s is a UUID in canonical form.
func IsUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	_, err := uuid.Parse(s)
	return err == nil
}

// IDList checks ids are at most max UUIDs and returns them lower-cased,
// deduplicated, in their first order.
func IDList(field string, ids []string, max int) ([]string, error) {
	if len(ids) > max {
		return nil, errs.BadInput(field, "must list at most %d ids", max)
	}
	out := make([]string, 0, len(ids))
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if !IsUUID(id) {
			return nil, errs.BadInput(field, "must contain only UUIDs")
		}
		id = strings.ToLower(id)
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out, nil
}

// States are the IndianState names (28 states, 8 union territories), the
// spelling of shipping and origin states.
var states = map[string]bool{
	"ANDHRA_PRADESH": true, "ARUNACHAL_PRADESH": true, "ASSAM": true, "BIHAR": true,
	"CHHATTISGARH": true, "GOA": true, "GUJARAT": true, "HARYANA": true,
	"HIMACHAL_PRADESH": true, "JHARKHAND": true, "KARNATAKA": true, "KERALA": true,
	"MADHYA_PRADESH": true, "MAHARASHTRA": true, "MANIPUR": true, "MEGHALAYA": true,
	"MIZORAM": true, "NAGALAND": true, "ODISHA": true, "PUNJAB": true,
	"RAJASTHAN": true, "SIKKIM": true, "TAMIL_NADU": true, "TELANGANA": true,
	"TRIPURA": true, "UTTAR_PRADESH": true, "UTTARAKHAND": true, "WEST_BENGAL": true,
	"ANDAMAN_AND_NICOBAR_ISLANDS": true, "CHANDIGARH": true,
	"DADRA_AND_NAGAR_HAVELI_AND_DAMAN_AND_DIU": true, "DELHI": true,
	"JAMMU_AND_KASHMIR": true, "LADAKH": true, "LAKSHADWEEP": true, "PUDUCHERRY": true,
}

// ShippingState validates an optional IndianState name; "" means unknown.
func ShippingState(s *string) (string, error) {
	if s == nil || *s == "" {
		return "", nil
	}
	if !states[*s] {
		return "", errs.BadInput("shippingState", "must be an IndianState name such as KARNATAKA")
	}
	return *s, nil
}
