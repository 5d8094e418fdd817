package catalog

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/errs"
)

// Limits on client-supplied values.
const (
	MaxTitle       = 200
	MaxDescription = 10_000
	MaxSlug        = 220
	MaxSKU         = 64
	MaxAlt         = 300
	MaxURL         = 2048
	MaxNameLen     = 50 // attribute names and values
	MaxValues      = 100
	MaxMediaURLs   = 12
	MaxWidth       = 10_000
	// MaxPaise caps a price at ₹100 crore, far above any product, so that
	// sums over carts cannot overflow and typos with extra zeros are caught.
	MaxPaise = 1_000_000_000_00
	MaxMOQ   = 100_000
	// MaxInitialStock bounds the stock a new variant can start with.
	MaxInitialStock = 1_000_000
)

// ParseID returns id in canonical UUID form, or false. Ids from clients go
// through it before they reach SQL.
func ParseID(id string) (string, bool) {
	if len(id) != 36 {
		return "", false
	}
	u, err := uuid.Parse(id)
	if err != nil {
		return "", false
	}
	return u.String(), true
}

// RefID checks a reference to another row in an input field.
func RefID(field, id, what string) (string, error) {
	if s, ok := ParseID(id); ok {
		return s, nil
	}
	return "", errs.BadInput(field, "unknown %s", what)
}

// Text trims s and checks it is 1..max characters of printable text
// (newlines and tabs allowed when multiline).
func Text(field, s string, max int, multiline bool) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errs.BadInput(field, "must not be empty")
	}
	return s, checkText(field, s, max, multiline)
}

// OptionalText is Text for a value that may be empty.
func OptionalText(field, s string, max int, multiline bool) (string, error) {
	s = strings.TrimSpace(s)
	return s, checkText(field, s, max, multiline)
}

func checkText(field, s string, max int, multiline bool) error {
	// Byte length first: a huge string is refused before counting runes.
	if len(s) > 4*max || utf8.RuneCountInString(s) > max {
		return errs.BadInput(field, "must be at most %d characters", max)
	}
	if !utf8.ValidString(s) {
		return errs.BadInput(field, "must be valid UTF-8")
	}
	for _, r := range s {
		if multiline && (r == '\n' || r == '\r' || r == '\t') {
			continue
		}
		if unicode.IsControl(r) {
			return errs.BadInput(field, "must not contain control characters")
		}
	}
	return nil
}

// Slug checks an explicit slug: lowercase letters, digits and single hyphens.
func Slug(field, s string, max int) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > max || !IsSlug(s) {
		return "", errs.BadInput(field, "must be 1-%d characters of a-z, 0-9 and single hyphens", max)
	}
	return s, nil
}

// IsSlug reports whether s has the shape of a slug (any length).
func IsSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// Slugify derives a slug from a title: ASCII letters and digits, other runs
// become one hyphen; at most max bytes, cut at a hyphen. "" when nothing is left.
func Slugify(title string, max int) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	s := b.String()
	if len(s) > max {
		s = s[:max]
		if i := strings.LastIndexByte(s, '-'); i > 0 {
			s = s[:i]
		}
		s = strings.Trim(s, "-")
	}
	return s
}

// SKU normalises a SKU to upper case and checks [A-Z0-9-]{1,64}.
func SKU(field, s string) (string, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if s == "" || len(s) > MaxSKU {
		return "", errs.BadInput(field, "must be 1-%d characters of A-Z, 0-9 and '-'", MaxSKU)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return "", errs.BadInput(field, "must be 1-%d characters of A-Z, 0-9 and '-'", MaxSKU)
		}
	}
	return s, nil
}

// HSN checks an HSN code: 4, 6 or 8 digits.
func HSN(field, s string) (string, error) {
	s = strings.TrimSpace(s)
	n := len(s)
	if n != 4 && n != 6 && n != 8 {
		return "", errs.BadInput(field, "must be 4, 6 or 8 digits")
	}
	for i := 0; i < n; i++ {
		if s[i] < '0' || s[i] > '9' {
			return "", errs.BadInput(field, "must be 4, 6 or 8 digits")
		}
	}
	return s, nil
}

// Prices checks a variant's prices together: 0 < price <= mrp, and
// 0 < retailer price <= price when there is one, and MOQ >= 1.
func Prices(mrp, price int64, retailer *int64, moq int) error {
	if mrp <= 0 || mrp > MaxPaise {
		return errs.BadInput("mrp", "must be between 1 and %d paise", int64(MaxPaise))
	}
	if price <= 0 || price > MaxPaise {
		return errs.BadInput("price", "must be between 1 and %d paise", int64(MaxPaise))
	}
	if price > mrp {
		return errs.BadInput("price", "must not exceed the MRP")
	}
	if retailer != nil {
		if *retailer <= 0 {
			return errs.BadInput("retailerPrice", "must be positive")
		}
		if *retailer > price {
			return errs.BadInput("retailerPrice", "must not exceed the selling price")
		}
	}
	if moq < 1 || moq > MaxMOQ {
		return errs.BadInput("minOrderQuantity", "must be between 1 and %d", MaxMOQ)
	}
	return nil
}
