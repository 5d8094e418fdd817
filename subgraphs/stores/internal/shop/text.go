package shop

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/purra/supergraph/platform/errs"
)

// Length limits, in characters.
const (
	MinNameLen        = 2
	MaxNameLen        = 80
	MinSlugLen        = 2
	MaxSlugLen        = 60
	MaxDescriptionLen = 2000
	MaxURLLen         = 2048
	MaxLineLen        = 200
	MaxCityLen        = 100
	MaxReasonLen      = 500
)

// Text trims s and checks it has min..max characters of valid UTF-8 without
// control characters or bidi overrides (which can make a name display as
// something else). multiline allows newlines and tabs (descriptions).
func Text(field, s string, min, max int, multiline bool) (string, error) {
	// Cheap guard first: never scan a 10 KB string rune by rune.
	if len(s) > 4*max+64 {
		return "", errs.BadInput(field, "must be at most %d characters", max)
	}
	s = strings.TrimSpace(s)
	if !utf8.ValidString(s) {
		return "", errs.BadInput(field, "is not valid UTF-8")
	}
	n := utf8.RuneCountInString(s)
	switch {
	case n < min && min == 1:
		return "", errs.BadInput(field, "is required")
	case n < min:
		return "", errs.BadInput(field, "must be at least %d characters", min)
	case n > max:
		return "", errs.BadInput(field, "must be at most %d characters", max)
	}
	for _, r := range s {
		if multiline && (r == '\n' || r == '\t') {
			continue
		}
		if unicode.IsControl(r) || isBidiControl(r) || r == '\u2028' || r == '\u2029' || r == '\uFEFF' {
			return "", errs.BadInput(field, "must not contain control characters")
		}
	}
	return s, nil
}

// optionalText is Text for an optional field: nil or blank gives "".
func optionalText(field string, s *string, max int, multiline bool) (string, error) {
	if s == nil || strings.TrimSpace(*s) == "" {
		return "", nil
	}
	return Text(field, *s, 1, max, multiline)
}

func isBidiControl(r rune) bool {
	return (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069') || r == '\u200E' || r == '\u200F' || r == '\u061C'
}

// LogoURL checks an optional logo URL: absolute https with a host, no
// credentials, at most MaxURLLen characters. "" means none.
func LogoURL(field, s string) (string, error) {
	if len(s) > MaxURLLen {
		return "", errs.BadInput(field, "must be at most %d characters", MaxURLLen)
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil || u.Opaque != "" ||
		strings.ContainsFunc(s, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
		return "", errs.BadInput(field, "must be an https:// URL")
	}
	return s, nil
}

var (
	slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	nonSlug     = regexp.MustCompile(`[^a-z0-9]+`)
)

// Slug checks a slug given by a client.
func Slug(field, s string) (string, error) {
	if len(s) > MaxSlugLen+64 {
		return "", errs.BadInput(field, "must be at most %d characters", MaxSlugLen)
	}
	s = strings.TrimSpace(s)
	if len(s) < MinSlugLen || len(s) > MaxSlugLen || !slugPattern.MatchString(s) {
		return "", errs.BadInput(field, "must be %d–%d lower-case letters, digits and single hyphens (like tech-hub)", MinSlugLen, MaxSlugLen)
	}
	return s, nil
}

// SlugOf derives a slug from a store name: ASCII letters and digits kept,
// everything else a hyphen. A name with too few of them (one in Devanagari,
// say) gives "store"; the store then finds a free suffix (-2, -3…).
func SlugOf(name string) string {
	s := strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(name), "-"), "-")
	// Room for a "-NNN" suffix within MaxSlugLen.
	if len(s) > MaxSlugLen-4 {
		s = strings.TrimRight(s[:MaxSlugLen-4], "-")
	}
	if len(s) < MinSlugLen {
		return "store"
	}
	return s
}
