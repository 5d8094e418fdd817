package storage_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
