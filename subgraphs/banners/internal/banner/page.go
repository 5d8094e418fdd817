package banner

import "github.com/purra/supergraph/platform/page"

// MaxPage is the largest page of the admin list.
const MaxPage = page.Max

// Page is a validated request for a page of the admin list, newest first.
type Page = page.Request

// Cursors carry the banner id (UUID v7: "older" is "smaller id").
const cursorKind page.Kind = "b"

// ParsePage validates first and the opaque cursor after.
func ParsePage(first *int, after *string) (Page, error) { return cursorKind.Parse(first, after) }

// Cursor returns the cursor of the banner with id.
func Cursor(id string) string { return cursorKind.Cursor(id) }
