package order

import "github.com/purra/supergraph/platform/page"

// MaxPage is the largest page of orders a list returns.
const MaxPage = page.Max

// Page is a validated request for a page of orders, newest first.
type Page = page.Request

// Cursors carry the order id (UUID v7: "older" is "smaller id").
const cursorKind page.Kind = "o"

// ParsePage validates first and the opaque cursor after.
func ParsePage(first *int, after *string) (Page, error) { return cursorKind.Parse(first, after) }

// Cursor returns the cursor of the order with id.
func Cursor(id string) string { return cursorKind.Cursor(id) }
