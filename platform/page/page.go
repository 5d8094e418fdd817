// Package page parses Relay pagination arguments for lists ordered by UUID v7
// ids, newest first: the cursor is the opaque id of the last item shown, so
// "older than the cursor" is "id less than it" and paging stays stable while
// new items arrive.
package page

import (
	"encoding/base64"
	"strings"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/errs"
)

// Max is the largest page any list returns.
const Max = 100

// Request is a validated request for one page.
type Request struct {
	First int
	// After is the id of the last item of the previous page ("" for the first page).
	After string
}

// Kind names what a list holds ("o" orders, "b" banners…); it is part of
// the cursor so that a cursor of one list is refused by another.
type Kind string

// Parse validates first (default 20, 1..Max) and the opaque cursor after.
func (k Kind) Parse(first *int, after *string) (Request, error) {
	r := Request{First: 20}
	if first != nil {
		r.First = *first
	}
	if r.First < 1 || r.First > Max {
		return r, errs.BadInput("first", "must be 1–%d", Max)
	}
	if after == nil || *after == "" {
		return r, nil
	}
	bad := errs.BadInput("after", "invalid cursor")
	if len(*after) > 64 {
		return r, bad
	}
	raw, err := base64.RawURLEncoding.DecodeString(*after)
	if err != nil {
		return r, bad
	}
	id, ok := strings.CutPrefix(string(raw), string(k)+":")
	if !ok || !IsID(id) {
		return r, bad
	}
	r.After = id
	return r, nil
}

// Cursor returns the cursor of the item with id.
func (k Kind) Cursor(id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(string(k) + ":" + id))
}

// IsID reports whether id is a canonical UUID, so a malformed id can be
// answered NOT_FOUND without a query that would fail on the uuid cast.
func IsID(id string) bool {
	_, err := uuid.Parse(id)
	return err == nil && len(id) == 36
}
