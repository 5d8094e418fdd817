package webserve

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/storage"
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

// TestSignedMedia: a private file (an invoice) is served only through a URL
// that platform/storage signed with the origin's key, before it expires, for
// that very file.
func TestSignedMedia(t *testing.T) {
	media := t.TempDir()
	secret := []byte(strings.Repeat("s", storage.MinSigningKey))
	local, err := storage.NewLocal(media, "http://media.test/media", storage.WithSigningKey(secret))
	require.NoError(t, err)
	ctx := context.Background()
	require.NoError(t, local.Put(ctx, "private/invoices/pur-1.pdf", strings.NewReader("%PDF one"), "application/pdf"))
	require.NoError(t, local.Put(ctx, "private/invoices/pur-2.pdf", strings.NewReader("%PDF two"), "application/pdf"))
	require.NoError(t, local.Put(ctx, "products/p/front-400.webp", strings.NewReader("RIFF"), "image/webp"))

	now := time.Now()
	h, err := Handler(Options{Dist: t.TempDir(), MediaDir: media, RouterURL: "http://127.0.0.1:1", SigningKey: secret,
		Now: func() time.Time { return now }})
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	defer srv.Close()
	get := func(signed string) (int, string, string) {
		resp, err := http.Get(srv.URL + strings.TrimPrefix(signed, "http://media.test"))
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("Cache-Control"), string(b)
	}
	sign := func(st *storage.Local, key string, ttl time.Duration) string {
		u, err := st.SignedURL(key, ttl)
		require.NoError(t, err)
		return u
	}

	valid := sign(local, "private/invoices/pur-1.pdf", time.Minute)
	code, cache, body := get(valid)
	require.Equal(t, 200, code, body)
	require.Equal(t, "%PDF one", body)
	require.Equal(t, private, cache, "a signed download is not kept by caches")

	code, _, _ = get("/media/private/invoices/pur-1.pdf")
	require.Equal(t, 403, code, "a private file without a signature")

	// Tampered: the signature moved to another file, an extended expiry, a
	// flipped signature byte, a missing part.
	code, _, _ = get(strings.Replace(valid, "pur-1.pdf", "pur-2.pdf", 1))
	require.Equal(t, 403, code, "another file")
	u, _ := url.Parse(valid)
	q := u.Query()
	exp, _ := strconv.ParseInt(q.Get(storage.ExpiresParam), 10, 64)
	q.Set(storage.ExpiresParam, strconv.FormatInt(exp+86400, 10))
	code, _, _ = get(u.Path + "?" + q.Encode())
	require.Equal(t, 403, code, "extended expiry")
	q = u.Query()
	sig := []byte(q.Get(storage.SignatureParam))
	sig[3] ^= 1
	q.Set(storage.SignatureParam, string(sig))
	code, _, _ = get(u.Path + "?" + q.Encode())
	require.Equal(t, 403, code, "altered signature")
	q = u.Query()
	q.Del(storage.ExpiresParam)
	code, _, _ = get(u.Path + "?" + q.Encode())
	require.Equal(t, 403, code, "no expiry")

	// Signed with another key (another environment's, or a guess).
	other, err := storage.NewLocal(media, "http://media.test/media", storage.WithSigningKey([]byte(strings.Repeat("o", 32))))
	require.NoError(t, err)
	code, _, _ = get(sign(other, "private/invoices/pur-1.pdf", time.Minute))
	require.Equal(t, 403, code, "another key")

	// Expired: the origin's clock passes the expiry.
	now = now.Add(time.Minute + time.Second)
	code, _, _ = get(valid)
	require.Equal(t, 403, code, "expired")
	code, _, body = get(sign(local, "private/invoices/pur-1.pdf", time.Hour))
	require.Equal(t, 200, code, "a fresh URL works again")
	require.Equal(t, "%PDF one", body)

	// Public files need no signature; a bad one is still refused.
	code, cache, _ = get("/media/products/p/front-400.webp")
	require.Equal(t, 200, code)
	require.Equal(t, immutable, cache)
	code, _, _ = get("/media/products/p/front-400.webp?expires=1&signature=x")
	require.Equal(t, 403, code)

	// An origin without a key serves no private file, even with a valid URL.
	h, err = Handler(Options{Dist: t.TempDir(), MediaDir: media, RouterURL: "http://127.0.0.1:1"})
	require.NoError(t, err)
	keyless := httptest.NewServer(h)
	defer keyless.Close()
	resp, err := http.Get(keyless.URL + strings.TrimPrefix(sign(local, "private/invoices/pur-1.pdf", time.Minute), "http://media.test"))
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, 403, resp.StatusCode)
}
