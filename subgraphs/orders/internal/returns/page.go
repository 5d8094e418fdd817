package returns

import "github.com/purra/supergraph/platform/page"

// Cursors of return lists carry the return id (UUID v7: newest first).
const cursorKind page.Kind = "r"

// ParsePage validates first (1–100, default 20) and the opaque cursor after.
func ParsePage(first *int, after *string) (page.Request, error) {
	return cursorKind.Parse(first, after)
}

// Cursor returns the cursor of the return with id.
func Cursor(id string) string { return cursorKind.Cursor(id) }
