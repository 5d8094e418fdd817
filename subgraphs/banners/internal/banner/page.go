package banner

import (
	"encoding/base64"
	"strings"

	"github.com/purra/supergraph/platform/errs"
)

// MaxPage is the largest page of the admin list.
const MaxPage = 100

// Page is a validated request for a page of the admin list, newest first.
type Page struct {
	First int
	// After is the id of the last banner of the previous page ("" for the first page).
	After string
}

// ParsePage validates first and the opaque cursor after.
func ParsePage(first *int, after *string) (Page, error) {
	p := Page{First: 20}
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
	if !ok || !IsID(id) {
		return p, bad
	}
	p.After = id
	return p, nil
}

// Cursors are opaque to clients; inside they are the id of the banner (ids
// are UUID v7, so "older than" is "id less than").
const cursorPrefix = "b:"

// Cursor returns the cursor of the banner with id.
func Cursor(id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + id))
}
