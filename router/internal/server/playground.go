package server

import (
	"embed"
	"io/fs"
	"net/http"
)

// playgroundFiles is GraphiQL, built from npm by `make playground` into
// playground/dist (see router/playground): it works offline.
//
//go:embed all:playground
var playgroundFiles embed.FS

func servePlayground(w http.ResponseWriter) {
	page, err := fs.ReadFile(playgroundFiles, "playground/index.html")
	if err != nil {
		page = []byte(fallbackPlayground)
	}
	// the page runs its own scripts: not the API's default-src 'none'
	w.Header().Set("Content-Security-Policy", playgroundCSP)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(page)
}

const fallbackPlayground = `<!doctype html><html><head><meta charset="utf-8"><title>Purra GraphQL</title></head>
<body><h1>Purra GraphQL</h1><p>POST GraphQL requests to <code>/graphql</code>. The GraphiQL page is built by <code>make playground</code>.</p></body></html>`

// playgroundCSP lets the page load only what the router itself serves.
const playgroundCSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'"
