package user

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/purra/supergraph/platform/errs"
)

// Length limits of free-text fields, in characters.
const (
	MaxNameLen         = 100
	MaxLineLen         = 200
	MaxLandmarkLen     = 100
	MaxCityLen         = 100
	MaxBusinessNameLen = 200
)

// Text trims s and checks it has min..max characters, is valid UTF-8 and
// holds no control characters (newlines, NUL, escape sequences) or bidi
// overrides (which can make a name display as something else). Zero-width
// joiners stay allowed: Indic scripts need them.
func Text(field, s string, min, max int) (string, error) {
	// Cheap guard first: never scan a 10 KB string rune by rune.
	if len(s) > 4*max+64 {
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

// OptionalText is Text for an optional field: nil or blank gives "".
func OptionalText(field string, s *string, max int) (string, error) {
	if s == nil || strings.TrimSpace(*s) == "" {
		return "", nil
	}
	return Text(field, *s, 1, max)
}

func isBidiControl(r rune) bool {
	return (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069') || r == '\u200E' || r == '\u200F' || r == '\u061C'
}
