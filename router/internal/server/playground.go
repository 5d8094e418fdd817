package server

import (
	"bytes"
	"embed"
	"encoding/json"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// playgroundFiles is GraphiQL from npm, copied here by `make playground`
// (router/playground): the router serves the page and its scripts itself,
// so the Playground works offline. Without the copy, a short page says how
// to build it.
//
//go:embed all:playground
var playgroundFiles embed.FS

// playgroundAssets serves /playground/* (the scripts and styles).
func playgroundAssets() http.Handler {
	sub, _ := fs.Sub(playgroundFiles, "playground")
	return http.StripPrefix("/playground/", http.FileServer(http.FS(sub)))
}

// playgroundPage is index.html with the query the page opens with.
func playgroundPage(readmePath string) []byte {
	page, err := fs.ReadFile(playgroundFiles, "playground/index.html")
	if err != nil {
		return []byte(fallbackPlayground)
	}
	q, _ := json.Marshal(defaultQuery(readmePath))
	return bytes.Replace(page, []byte("__PURRA_DEFAULT_QUERY__"), q, 1)
}

func (s *Server) servePlayground(w http.ResponseWriter) {
	// the page runs its own scripts: not the API's default-src 'none'
	w.Header().Set("Content-Security-Policy", playgroundCSP)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(s.playground)
}

// playgroundCSP lets the page load only what the router itself serves.
const playgroundCSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'"

const playgroundIntro = `# Welcome to Purra's GraphQL API.
#
# 1. Run the login mutation below (the ▶ button offers both operations).
# 2. Copy "accessToken" from the answer into the Headers tab (bottom left):
#      { "Authorization": "Bearer <accessToken>" }
# 3. Run the query: your profile, addresses and a product search.
#
# The documents the apps ship are in operations/ in the repository.
`

var (
	firstGraphQLBlock = regexp.MustCompile("(?s)```graphql\n(.*?)```")
	thenWithHeader    = regexp.MustCompile(`(?m)^# then, with the header .*$`)
)

// defaultQuery is the README's first query (as the Hive router's
// playground.mjs), so the two never disagree; "" without a README (a
// container image).
func defaultQuery(readmePath string) string {
	raw, err := os.ReadFile(filepath.Clean(readmePath))
	if err != nil {
		return ""
	}
	m := firstGraphQLBlock.FindSubmatch(raw)
	if m == nil {
		return ""
	}
	q := thenWithHeader.ReplaceAllString(strings.TrimSpace(string(m[1])), "# then, with the Authorization header set (step 2):")
	return playgroundIntro + "\n" + q + "\n"
}

const fallbackPlayground = `<!doctype html><html><head><meta charset="utf-8"><title>Purra GraphQL</title></head>
<body><h1>Purra GraphQL</h1><p>POST GraphQL requests to <code>/graphql</code>. The GraphiQL page is built by <code>make playground</code>.</p></body></html>`
