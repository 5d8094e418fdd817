package storage_test

import (
	"context"
	"io"
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

func TestLocalPutGetURL(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := storage.NewLocal(dir, "http://localhost:8080/media/")
	require.NoError(t, err)

	ok, err := st.Exists(ctx, "products/p/front-400.webp")
	require.NoError(t, err)
	require.False(t, ok)
	_, err = st.Get(ctx, "products/p/front-400.webp")
	require.ErrorIs(t, err, storage.ErrNotFound)

	require.NoError(t, st.Put(ctx, "products/p/front-400.webp", strings.NewReader("one"), "image/webp"))
	require.NoError(t, st.Put(ctx, "products/p/front-400.webp", strings.NewReader("two"), "image/webp"), "replaces")
	rc, err := st.Get(ctx, "products/p/front-400.webp")
	require.NoError(t, err)
	b, _ := io.ReadAll(rc)
	rc.Close()
	require.Equal(t, "two", string(b))
	ok, err = st.Exists(ctx, "products/p/front-400.webp")
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, "http://localhost:8080/media/products/p/front-400.webp", st.URL("products/p/front-400.webp"))

	entries, err := os.ReadDir(filepath.Join(dir, "products", "p"))
	require.NoError(t, err)
	require.Len(t, entries, 1, "no temporary files left behind")
}

func TestKeysAreSafe(t *testing.T) {
	st, err := storage.NewLocal(t.TempDir(), "https://media.purra.in")
	require.NoError(t, err)
	for _, bad := range []string{"", "/abs", "../up", "a/../b", "A/upper", "a//b", ".hidden", "a/.x", "sp ace", "a\\b", strings.Repeat("a", 513)} {
		require.Error(t, st.Put(context.Background(), bad, strings.NewReader("x"), "text/plain"), bad)
	}
	for _, bad := range []string{"", "ftp://x", "/media", "localhost:8080"} {
		_, err := storage.NewLocal(t.TempDir(), bad)
		require.Error(t, err, bad)
	}
}

func TestLocalSignedURL(t *testing.T) {
	secret := []byte(strings.Repeat("k", storage.MinSigningKey))
	st, err := storage.NewLocal(t.TempDir(), "http://localhost:8080/media", storage.WithSigningKey(secret))
	require.NoError(t, err)
	before := time.Now()
	signed, err := st.SignedURL("private/invoices/pur-1.pdf", 10*time.Minute)
	require.NoError(t, err)
	u, err := url.Parse(signed)
	require.NoError(t, err)
	require.Equal(t, "/media/private/invoices/pur-1.pdf", u.Path)
	q := u.Query()
	exp, err := strconv.ParseInt(q.Get(storage.ExpiresParam), 10, 64)
	require.NoError(t, err)
	require.InDelta(t, before.Add(10*time.Minute).Unix(), exp, 2)

	require.NoError(t, storage.VerifySigned(secret, "private/invoices/pur-1.pdf", q, before))
	require.ErrorIs(t, storage.VerifySigned(secret, "private/invoices/pur-2.pdf", q, before), storage.ErrBadSignature, "another file")
	require.ErrorIs(t, storage.VerifySigned(secret, "private/invoices/pur-1.pdf", q, time.Unix(exp, 0)), storage.ErrBadSignature, "expired")
	require.ErrorIs(t, storage.VerifySigned([]byte(strings.Repeat("x", 32)), "private/invoices/pur-1.pdf", q, before), storage.ErrBadSignature, "another key")
	require.ErrorIs(t, storage.VerifySigned(nil, "private/invoices/pur-1.pdf", q, before), storage.ErrBadSignature, "no key")
	longer := url.Values{storage.ExpiresParam: {strconv.FormatInt(exp+3600, 10)}, storage.SignatureParam: {q.Get(storage.SignatureParam)}}
	require.ErrorIs(t, storage.VerifySigned(secret, "private/invoices/pur-1.pdf", longer, before), storage.ErrBadSignature, "extended")

	for _, ttl := range []time.Duration{0, time.Millisecond, storage.MaxSignedTTL + time.Second} {
		_, err := st.SignedURL("private/invoices/pur-1.pdf", ttl)
		require.Error(t, err, ttl)
	}
	unsigned, err := storage.NewLocal(t.TempDir(), "http://localhost:8080/media")
	require.NoError(t, err)
	_, err = unsigned.SignedURL("private/invoices/pur-1.pdf", time.Minute)
	require.Error(t, err, "no signing key configured")
	_, err = storage.NewLocal(t.TempDir(), "http://localhost:8080/media", storage.WithSigningKey([]byte("short")))
	require.Error(t, err, "a key shorter than 32 bytes")
}
