package notify

import (
	"encoding/base64"
	"strings"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/errs"
)

// MaxPage is the largest page a list returns.
const MaxPage = 100

// Page is a validated request for a page, newest first.
type Page struct {
	First int
	// After is the id of the last item of the previous page ("" for the first page).
	After      string
	UnreadOnly bool
}

// ParsePage validates first and the opaque cursor after.
func ParsePage(first *int, after *string, unreadOnly *bool) (Page, error) {
	p := Page{First: 20, UnreadOnly: unreadOnly != nil && *unreadOnly}
	if first != nil {
		p.First = *first
	}
	if p.First < 1 || p.First > MaxPage {
		return p, errs.BadInput("first", "must be 1–%d", MaxPage)
	}
	if after == nil || *after == "" {
		return p, nil
	}
	bad := errs.BadInput("after", "invalid cursor")
	if len(*after) > 64 {
		return p, bad
	}
	raw, err := base64.RawURLEncoding.DecodeString(*after)
	if err != nil {
		return p, bad
	}
	id, ok := strings.CutPrefix(string(raw), cursorPrefix)
	if _, perr := uuid.Parse(id); !ok || perr != nil || len(id) != 36 {
		return p, bad
	}
	p.After = id
	return p, nil
}

// Cursors are the notification id (UUID v7: "older" is "smaller id").
const cursorPrefix = "n:"

// Cursor returns the cursor of the notification with id.
func Cursor(id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + id))
}

// ValidID reports whether id looks like one of our ids (so a malformed id
// is NOT_FOUND without a query that would fail on the uuid cast).
func ValidID(id string) bool {
	_, err := uuid.Parse(id)
	return err == nil && len(id) == 36
}
