package webserve

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestOrigin(t *testing.T) {
	dist, media := t.TempDir(), t.TempDir()
	write := func(dir, name, body string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	}
	write(dist, "index.html", "<html>shop</html>")
	write(dist, "assets/app-abc123.js", "console.log(1)")
	write(media, "products/p/front-400.webp", "RIFF")
	router := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		_, _ = w.Write([]byte(r.URL.Path + " " + string(body)))
	}))
	defer router.Close()
	h, err := Handler(Options{Dist: dist, MediaDir: media, RouterURL: router.URL})
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	defer srv.Close()

	get := func(p string) (*http.Response, string) {
		resp, err := http.Get(srv.URL + p)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	for _, route := range []string{"/", "/p/apple-iphone-15", "/orders/123"} {
		resp, body := get(route)
		require.Equal(t, 200, resp.StatusCode, route)
		require.Equal(t, "<html>shop</html>", body, route)
		require.Equal(t, revalidate, resp.Header.Get("Cache-Control"), route)
	}
	resp, _ := get("/assets/app-abc123.js")
	require.Equal(t, 200, resp.StatusCode)
	require.Equal(t, immutable, resp.Header.Get("Cache-Control"))
	resp, _ = get("/assets/missing-1.js")
	require.Equal(t, 404, resp.StatusCode, "a missing hashed asset is not the app")
	resp, body := get("/media/products/p/front-400.webp")
	require.Equal(t, 200, resp.StatusCode)
	require.Equal(t, "RIFF", body)
	require.Equal(t, immutable, resp.Header.Get("Cache-Control"))
	resp, _ = get("/media/products/")
	require.Equal(t, 404, resp.StatusCode, "no directory listing")

	post, err := http.Post(srv.URL+"/graphql", "application/json", strings.NewReader(`{"query":"{__typename}"}`))
	require.NoError(t, err)
	b, _ := io.ReadAll(post.Body)
	post.Body.Close()
	require.Equal(t, `/graphql {"query":"{__typename}"}`, string(b))
}
