package cache_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/cache"
	"github.com/purra/supergraph/platform/errs"
)

func newCache(t *testing.T, url string) *cache.Cache {
	rdb, err := cache.Connect(url)
	require.NoError(t, err)
	t.Cleanup(func() { _ = rdb.Close() })
	return cache.New(rdb, "cachetest-"+uuid.NewString()[:8], slog.New(slog.NewTextHandler(io.Discard, nil)))
}

func TestGetOrLoad_CachesAndInvalidates(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c := newCache(t, "redis://127.0.0.1:6379/0")
	loads := 0
	load := func(context.Context) (string, error) { loads++; return "v", nil }
	for range 3 {
		v, err := cache.GetOrLoad(ctx, c, "k", time.Minute, load)
		require.NoError(t, err)
		require.Equal(t, "v", v)
	}
	require.Equal(t, 1, loads, "served from Redis after the first load")
	c.Delete(ctx, "k")
	_, err := cache.GetOrLoad(ctx, c, "k", time.Minute, load)
	require.NoError(t, err)
	require.Equal(t, 2, loads, "loaded again after invalidation")
}

func TestGetOrLoad_RedisDownFallsBackQuickly(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c := newCache(t, "redis://127.0.0.1:1/0") // nothing listens there
	start := time.Now()
	for range 50 {
		v, err := cache.GetOrLoad(ctx, c, "k", time.Minute, func(context.Context) (int, error) { return 42, nil })
		require.NoError(t, err)
		require.Equal(t, 42, v)
	}
	require.Less(t, time.Since(start), 2*time.Second, "the open breaker skips Redis instead of timing out each time")
	lim := cache.NewLimiter(c)
	require.NoError(t, lim.Allow(ctx, "login:x", 1), "the limiter fails open while Redis is down")
}

func TestLimiter(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	lim := cache.NewLimiter(newCache(t, "redis://127.0.0.1:6379/0"))
	for range 3 {
		require.NoError(t, lim.Allow(ctx, "login:rahul", 3))
	}
	err := lim.Allow(ctx, "login:rahul", 3)
	require.Equal(t, errs.RateLimited, errs.CodeOf(err))
	require.NoError(t, lim.Allow(ctx, "login:amit", 3), "budgets are per key")
}
