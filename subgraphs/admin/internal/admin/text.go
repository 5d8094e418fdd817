package admin

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/purra/supergraph/platform/errs"
)

// Length limits of free-text fields, in characters.
const (
	MaxNameLen        = 100
	MaxDescriptionLen = 500
	MaxDeviceLen      = 300
)

// Text trims s and checks it has min..max characters, is valid UTF-8 and
// holds no control characters or bidi overrides (which can make a name
// display as something else).
func Text(field, s string, min, max int) (string, error) {
	if len(s) > 4*max+64 { // never scan a 10 KB string rune by rune
		return "", errs.BadInput(field, "must be at most %d characters", max)
	}
	s = strings.TrimSpace(s)
	if !utf8.ValidString(s) {
		return "", errs.BadInput(field, "is not valid UTF-8")
	}
	n := utf8.RuneCountInString(s)
	if n < min {
		if min == 1 {
			return "", errs.BadInput(field, "is required")
		}
		return "", errs.BadInput(field, "must be at least %d characters", min)
	}
	if n > max {
		return "", errs.BadInput(field, "must be at most %d characters", max)
	}
	for _, r := range s {
		if unicode.IsControl(r) || isBidiControl(r) || r == '\u2028' || r == '\u2029' || r == '\uFEFF' {
			return "", errs.BadInput(field, "must not contain control characters")
		}
	}
	return s, nil
}

func isBidiControl(r rune) bool {
	return (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069') || r == '\u200E' || r == '\u200F' || r == '\u061C'
}

// Device is the User-Agent kept for a session: printable, cut to
// MaxDeviceLen characters (a client's header is not refused, only shortened).
func Device(ua string) string {
	if len(ua) > 4*MaxDeviceLen {
		ua = ua[:4*MaxDeviceLen]
	}
	ua = strings.ToValidUTF8(ua, "")
	ua = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || isBidiControl(r) {
			return -1
		}
		return r
	}, ua)
	ua = strings.TrimSpace(ua)
	if utf8.RuneCountInString(ua) > MaxDeviceLen {
		ua = string([]rune(ua)[:MaxDeviceLen])
	}
	if ua == "" {
		return "unknown"
	}
	return ua
}
