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
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(page)
}

const fallbackPlayground = `<!doctype html><html><head><meta charset="utf-8"><title>Purra GraphQL</title></head>
<body><h1>Purra GraphQL</h1><p>POST GraphQL requests to <code>/graphql</code>. The GraphiQL page is built by <code>make playground</code>.</p></body></html>`
