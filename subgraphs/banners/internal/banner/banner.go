// Package banner is the banners' domain: what a valid banner is, when it is
// live, the order the storefront shows banners in, and the events a change
// publishes. It does no I/O.
package banner

import (
	"cmp"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/errs"
)

// Placement is where the storefront shows a banner.
type Placement string

const (
	HomeHero  Placement = "HOME_HERO"
	HomeStrip Placement = "HOME_STRIP"
	Category  Placement = "CATEGORY"
)

// Valid reports whether p is a known placement.
func (p Placement) Valid() bool { return p == HomeHero || p == HomeStrip || p == Category }

// Limits of a banner's fields.
const (
	MaxTitle    = 120
	MaxSubtitle = 200
	MaxURL      = 2048
	MaxPriority = 1000
)

// Banner is a promotional banner. It is live while Active and
// StartsAt ≤ now < EndsAt. The JSON form is what the cache holds.
type Banner struct {
	ID         string    `json:"id"`
	Title      string    `json:"title"`
	Subtitle   string    `json:"subtitle,omitempty"` // "" when none
	ImageURL   string    `json:"imageUrl"`
	LinkURL    string    `json:"linkUrl"`
	Placement  Placement `json:"placement"`
	CategoryID string    `json:"categoryId,omitempty"` // CATEGORY only
	Priority   int       `json:"priority"`
	StartsAt   time.Time `json:"startsAt"`
	EndsAt     time.Time `json:"endsAt"`
	Active     bool      `json:"active"`
	CreatedAt  time.Time `json:"createdAt"`
	UpdatedAt  time.Time `json:"updatedAt"`
}

// LiveAt reports whether the storefront shows b at now.
func (b Banner) LiveAt(now time.Time) bool {
	return b.Active && !now.Before(b.StartsAt) && now.Before(b.EndsAt)
}

// Live returns the banners of bs live at now, in display order: highest
// priority first, then newest, then by id (so the order is total).
func Live(bs []Banner, now time.Time) []Banner {
	out := make([]Banner, 0, len(bs))
	for _, b := range bs {
		if b.LiveAt(now) {
			out = append(out, b)
		}
	}
	slices.SortStableFunc(out, func(a, b Banner) int {
		return cmp.Or(
			cmp.Compare(b.Priority, a.Priority),
			b.CreatedAt.Compare(a.CreatedAt),
			strings.Compare(b.ID, a.ID),
		)
	})
	return out
}

// Validate checks every rule of a banner and normalises its text (trims
// spaces, rounds times to what Postgres stores). The first broken rule is
// returned as BAD_USER_INPUT naming the GraphQL input field.
func (b *Banner) Validate() error {
	b.Title = strings.TrimSpace(b.Title)
	b.Subtitle = strings.TrimSpace(b.Subtitle)
	b.CategoryID = strings.ToLower(b.CategoryID)
	if err := text("title", b.Title, 1, MaxTitle); err != nil {
		return err
	}
	if err := text("subtitle", b.Subtitle, 0, MaxSubtitle); err != nil {
		return err
	}
	if err := ImageURL(b.ImageURL); err != nil {
		return err
	}
	if err := LinkURL(b.LinkURL); err != nil {
		return err
	}
	if err := Target(b.Placement, b.CategoryID); err != nil {
		return err
	}
	if b.Priority < 0 || b.Priority > MaxPriority {
		return errs.BadInput("priority", "must be 0–%d", MaxPriority)
	}
	if b.StartsAt.IsZero() {
		return errs.BadInput("startsAt", "is required")
	}
	if b.EndsAt.IsZero() {
		return errs.BadInput("endsAt", "is required")
	}
	b.StartsAt = b.StartsAt.UTC().Truncate(time.Microsecond)
	b.EndsAt = b.EndsAt.UTC().Truncate(time.Microsecond)
	if !b.EndsAt.After(b.StartsAt) {
		return errs.BadInput("endsAt", "must be after startsAt")
	}
	return nil
}

// Target checks a placement and its category: CATEGORY needs a category id
// (a UUID), the other placements must not have one.
func Target(p Placement, categoryID string) error {
	if !p.Valid() {
		return errs.BadInput("placement", "unknown placement")
	}
	if p == Category {
		if categoryID == "" {
			return errs.BadInput("categoryId", "is required for CATEGORY banners")
		}
		if !IsID(categoryID) {
			return errs.BadInput("categoryId", "is not a valid id")
		}
		return nil
	}
	if categoryID != "" {
		return errs.BadInput("categoryId", "only CATEGORY banners have a category")
	}
	return nil
}

// IsID reports whether s is a UUID in the hyphenated form (either case;
// callers lower-case ids they use as cache keys, as Postgres prints them).
func IsID(s string) bool {
	if len(s) != 36 {
		return false
	}
	_, err := uuid.Parse(s)
	return err == nil
}

// text checks a trimmed string's length in characters and refuses control
// characters (they have no place in a headline and break some renderers).
func text(field, s string, minLen, maxLen int) error {
	if !utf8.ValidString(s) {
		return errs.BadInput(field, "is not valid UTF-8")
	}
	n := utf8.RuneCountInString(s)
	if n < minLen {
		return errs.BadInput(field, "is required")
	}
	if n > maxLen {
		return errs.BadInput(field, "must be at most %d characters", maxLen)
	}
	if strings.ContainsFunc(s, unicode.IsControl) {
		return errs.BadInput(field, "must not contain control characters")
	}
	return nil
}

// ImageURL checks an image address: an absolute https URL with a host, or
// an http URL on this machine (the local media origin of `make run`, which
// browsers treat as secure: no mixed-content warning on an https page).
func ImageURL(s string) error {
	if err := rawURL("imageUrl", s); err != nil {
		return err
	}
	if !isHTTPS(s) && !isLoopbackHTTP(s) {
		return errs.BadInput("imageUrl", "must be an https URL")
	}
	return nil
}

func isLoopbackHTTP(s string) bool {
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "http" || u.User != nil {
		return false
	}
	switch u.Hostname() {
	case "localhost", "127.0.0.1", "::1":
		return true
	}
	return false
}

// LinkURL checks a click target: an absolute https URL, or a storefront
// path starting with a single "/". "//host" and "/\host" are refused:
// browsers treat them as links to another site.
func LinkURL(s string) error {
	if err := rawURL("linkUrl", s); err != nil {
		return err
	}
	if isHTTPS(s) {
		return nil
	}
	if strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") && !strings.HasPrefix(s, `/\`) {
		if _, err := url.Parse(s); err == nil {
			return nil
		}
	}
	return errs.BadInput("linkUrl", `must be an https URL or a path starting with "/"`)
}

// rawURL checks what every URL field shares: present, bounded, no spaces or
// control characters.
func rawURL(field, s string) error {
	if s == "" {
		return errs.BadInput(field, "is required")
	}
	if len(s) > MaxURL {
		return errs.BadInput(field, "must be at most %d characters", MaxURL)
	}
	if !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) {
		return errs.BadInput(field, "must not contain spaces or control characters")
	}
	return nil
}

func isHTTPS(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme == "https" && u.Host != "" && u.User == nil
}
