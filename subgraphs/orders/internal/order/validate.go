package order

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/purra/supergraph/platform/errs"
)

var trackingRe = regexp.MustCompile(`^[A-Z0-9/-]{1,64}$`)

// ParseShipment validates a tracking number (upper-cased) and carrier name.
func ParseShipment(trackingNumber, carrier string) (string, string, error) {
	tn := strings.ToUpper(strings.TrimSpace(trackingNumber))
	if !trackingRe.MatchString(tn) {
		return "", "", errs.BadInput("trackingNumber", "must be 1–64 characters of A–Z, 0–9, '-' or '/'")
	}
	c, err := text("carrier", carrier, 1, 64)
	return tn, c, err
}

// ParseReason validates a cancellation reason.
func ParseReason(reason string) (string, error) { return text("reason", reason, 3, 500) }

// text trims s and checks its length in characters and that it has no
// control characters.
func text(field, s string, min, max int) (string, error) {
	if len(s) > 4*max { // cheap bound before counting runes of a huge string
		return "", errs.BadInput(field, "must be at most %d characters", max)
	}
	s = strings.TrimSpace(s)
	if !utf8.ValidString(s) {
		return "", errs.BadInput(field, "must be valid UTF-8")
	}
	n := utf8.RuneCountInString(s)
	if n < min || n > max {
		return "", errs.BadInput(field, "must be %d–%d characters", min, max)
	}
	if strings.IndexFunc(s, unicode.IsControl) >= 0 {
		return "", errs.BadInput(field, "must not contain control characters")
	}
	return s, nil
}
