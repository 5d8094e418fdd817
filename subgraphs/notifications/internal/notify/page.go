package notify

import "github.com/purra/supergraph/platform/page"

// MaxPage is the largest page a list returns.
const MaxPage = page.Max

// Page is a validated request for a page of notifications, newest first.
type Page struct {
	page.Request
	UnreadOnly bool
}

// Cursors carry the notification id (UUID v7: "older" is "smaller id").
const cursorKind page.Kind = "n"

// ParsePage validates first and the opaque cursor after.
func ParsePage(first *int, after *string, unreadOnly *bool) (Page, error) {
	r, err := cursorKind.Parse(first, after)
	return Page{Request: r, UnreadOnly: unreadOnly != nil && *unreadOnly}, err
}

// Cursor returns the cursor of the notification with id.
func Cursor(id string) string { return cursorKind.Cursor(id) }

// ValidID reports whether id looks like one of our ids (so a malformed id
// is NOT_FOUND without a query that would fail on the uuid cast).
func ValidID(id string) bool { return page.IsID(id) }
