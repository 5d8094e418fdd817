// Package webserve is the origin shoppers' browsers talk to in `make run` and
// the browser tests: it serves the built storefront (web/storefront/dist) as a
// single-page app, proxies /graphql (HTTP and websocket) to the router on the
// same origin, so the app needs no CORS, and serves /media/ from the local
// media directory that platform/storage's local adapter writes, checking the
// signature of signed URLs (storage.Local.SignedURL) and refusing private
// files (storage.PrivatePrefix) without one.
package webserve

import (
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/purra/supergraph/platform/storage"
)

// Options configure Handler.
type Options struct {
	Dist      string // the built app: index.html and assets/
	MediaDir  string // root of the local media store, served under /media/
	RouterURL string // the router's origin, e.g. http://localhost:4000
	// SigningKey verifies signed media URLs: the subgraphs' MEDIA_SIGNING_KEY.
	// Without it no signed URL is accepted and private files are never served.
	SigningKey []byte
	Now        func() time.Time // the clock signed URLs expire by; nil is time.Now
}

// Cache policies. Vite names every built asset after its content hash and the
// media store never rewrites a key (a new image gets a new key), so both can
// be cached for a year; index.html must be revalidated so a new build is seen.
const (
	immutable  = "public, max-age=31536000, immutable"
	revalidate = "no-cache"
	// A signed download (an invoice) must not outlive its URL in any cache.
	private = "private, no-store"
)

// Handler returns the origin's handler.
func Handler(o Options) (http.Handler, error) {
	router, err := url.Parse(o.RouterURL)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	// ReverseProxy passes websocket upgrades through (graphql-ws subscriptions)
	// and appends the browser's address to X-Forwarded-For.
	proxy := httputil.NewSingleHostReverseProxy(router)
	proxy.FlushInterval = -1 // stream SSE and incremental delivery as it comes
	mux.Handle("/graphql", proxy)
	mux.Handle("/media/", http.StripPrefix("/media/", media(o)))
	mux.Handle("/", spa(o.Dist))
	return mux, nil
}

// spa serves files from dist and answers every other path with index.html, so
// client-side routes (/p/<slug>, /orders/<id>) survive a reload.
func spa(dist string) http.Handler {
	files := http.FileServer(http.Dir(dist))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		clean := path.Clean("/" + r.URL.Path)
		if clean != "/" {
			if st, err := os.Stat(filepath.Join(dist, filepath.FromSlash(clean))); err == nil && !st.IsDir() {
				policy := revalidate
				if strings.HasPrefix(clean, "/assets/") {
					policy = immutable
				}
				cached(policy, files).ServeHTTP(w, r)
				return
			}
			if strings.HasPrefix(clean, "/assets/") { // a missing hashed asset is a real 404
				http.NotFound(w, r)
				return
			}
		}
		index := filepath.Join(dist, "index.html")
		if _, err := os.Stat(index); err != nil {
			http.Error(w, "the storefront is not built: run `make web`", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Cache-Control", revalidate)
		http.ServeFile(w, r, index)
	})
}

// media serves the local media store. A request carrying a signature, and
// every request for a private file, is served only when the signature is the
// one the signing key makes for this key and expiry, and it has not expired:
// otherwise 403, the same for every reason, so a prober learns nothing.
func media(o Options) http.Handler {
	now := o.Now
	if now == nil {
		now = time.Now
	}
	files := noListing(http.FileServer(http.Dir(o.MediaDir)))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.URL.Path
		q := r.URL.Query()
		signed := q.Has(storage.SignatureParam) || q.Has(storage.ExpiresParam)
		if !signed && !storage.IsPrivate(key) {
			cached(immutable, files).ServeHTTP(w, r)
			return
		}
		if storage.CheckKey(key) != nil || storage.VerifySigned(o.SigningKey, key, q, now()) != nil {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		cached(private, files).ServeHTTP(w, r)
	})
}

func cached(policy string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", policy)
		h.ServeHTTP(w, r)
	})
}

// noListing refuses directory paths: the media store is not browsable.
func noListing(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "" || strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r)
			return
		}
		h.ServeHTTP(w, r)
	})
}
