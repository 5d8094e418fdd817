package review

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/microcosm-cc/bluemonday"

	"github.com/purra/supergraph/platform/errs"
)

// Limits on what a review may hold, in characters after cleaning.
const (
	MaxTitle     = 120
	MaxText      = 5000
	MinReason    = 3
	MaxReason    = 500
	rawPerClean  = 4 // raw input may be this many times the limit (markup to strip); more is refused unread
	maxUnescapes = 4 // entity-encoding levels peeled before markup is refused
)

// Content is validated, cleaned review content.
type Content struct {
	Rating int
	Title  string
	Text   string
}

// Cleaner turns user-supplied strings into plain text: HTML removed with
// bluemonday's strict policy, control and bidi-override characters removed,
// whitespace trimmed. One Cleaner is safe for concurrent use.
type Cleaner struct {
	policy *bluemonday.Policy
}

// NewCleaner returns a Cleaner.
func NewCleaner() *Cleaner { return &Cleaner{policy: bluemonday.StrictPolicy()} }

// NewReview validates a new review's product id and content.
func (c *Cleaner) NewReview(productID string, rating int, title, text string) (string, Content, error) {
	id, err := uuid.Parse(productID)
	if err != nil || len(productID) != 36 {
		return "", Content{}, errs.BadInput("productId", "must be a product id (UUID)")
	}
	content, err := c.Content(rating, title, text)
	return id.String(), content, err
}

// Content validates and cleans rating, title and text.
func (c *Cleaner) Content(rating int, title, text string) (Content, error) {
	if rating < 1 || rating > 5 {
		return Content{}, errs.BadInput("rating", "must be 1–5 stars")
	}
	t, err := c.field("title", title, MaxTitle, false)
	if err != nil {
		return Content{}, err
	}
	b, err := c.field("text", text, MaxText, true)
	if err != nil {
		return Content{}, err
	}
	return Content{Rating: rating, Title: t, Text: b}, nil
}

// Reason validates a moderator's rejection reason.
func (c *Cleaner) Reason(reason string) (string, error) {
	r, err := c.field("reason", reason, MaxReason, false)
	if err != nil {
		return "", err
	}
	if utf8.RuneCountInString(r) < MinReason {
		return "", errs.BadInput("reason", "must be %d–%d characters", MinReason, MaxReason)
	}
	return r, nil
}

// field cleans s and checks it is 1–max characters; multiline keeps line breaks.
func (c *Cleaner) field(name, s string, max int, multiline bool) (string, error) {
	if len(s) > max*rawPerClean*utf8.UTFMax {
		return "", errs.BadInput(name, "must be at most %d characters", max)
	}
	out, ok := c.Plain(s, multiline)
	if !ok {
		return "", errs.BadInput(name, "must be plain text")
	}
	if out == "" {
		return "", errs.BadInput(name, "must not be empty (HTML and control characters are removed)")
	}
	if utf8.RuneCountInString(out) > max {
		return "", errs.BadInput(name, "must be at most %d characters", max)
	}
	return out, nil
}

// Plain returns s as plain text. bluemonday escapes what it keeps ("&" →
// "&amp;"), so the result is unescaped to store text, not HTML; since
// unescaping "&lt;b&gt;" makes a tag again, clean and unescape repeat until
// nothing changes. Input that is still changing after maxUnescapes rounds is
// deliberately obfuscated markup: ok is false.
func (c *Cleaner) Plain(s string, multiline bool) (string, bool) {
	s = strings.ToValidUTF8(s, "")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for range maxUnescapes {
		next := html.UnescapeString(c.policy.Sanitize(s))
		if next == s {
			return strings.TrimSpace(stripControl(s, multiline)), true
		}
		s = next
	}
	return "", false
}

// stripControl removes control characters (keeping newlines and tabs in
// multiline text, turning them into spaces otherwise) and the invisible
// formatting characters used to disguise text (bidi overrides, zero-width).
func stripControl(s string, multiline bool) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			if multiline {
				return r
			}
			return ' '
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r) && r != '\u200d':
			// Cf: bidi overrides, zero-width spaces… but not the zero-width joiner emoji need.
			return -1
		}
		return r
	}, s)
}
