// Package cache is a read-through Redis cache that never takes the service
// down with it: when Redis fails, a circuit breaker opens and reads go
// straight to Postgres until Redis answers again.
package cache

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/sony/gobreaker/v2"

	"github.com/purra/supergraph/platform/metrics"
)

// Cache wraps a Redis client with a breaker.
type Cache struct {
	rdb    *redis.Client
	cb     *gobreaker.CircuitBreaker[[]byte]
	log    *slog.Logger
	prefix string
}

// Connect parses url and returns a client with short timeouts: a slow Redis
// must cost milliseconds, not seconds.
func Connect(url string) (*redis.Client, error) {
	opt, err := redis.ParseURL(url)
	if err != nil {
		return nil, err
	}
	opt.DialTimeout = 300 * time.Millisecond
	opt.ReadTimeout = 200 * time.Millisecond
	opt.WriteTimeout = 200 * time.Millisecond
	opt.MaxRetries = -1 // a cache miss is cheaper than a retry: no retries
	rdb := redis.NewClient(opt)
	rdb.AddHook(tracingHook{})
	return rdb, nil
}

// New returns a cache whose keys start with prefix (the service name).
func New(rdb *redis.Client, prefix string, log *slog.Logger) *Cache {
	cb := gobreaker.NewCircuitBreaker[[]byte](gobreaker.Settings{
		Name:    "redis-" + prefix,
		Timeout: 5 * time.Second, // half-open after this long
		ReadyToTrip: func(c gobreaker.Counts) bool {
			return c.ConsecutiveFailures >= 3
		},
		IsSuccessful: func(err error) bool { return err == nil || errors.Is(err, redis.Nil) },
		OnStateChange: func(name string, from, to gobreaker.State) {
			log.Warn("cache circuit", "breaker", name, "from", from.String(), "to", to.String())
			metrics.BreakerChanged(name, to)
		},
	})
	metrics.BreakerChanged("redis-"+prefix, gobreaker.StateClosed)
	return &Cache{rdb: rdb, cb: cb, log: log, prefix: prefix + ":"}
}

// Redis exposes the client for rate limiting.
func (c *Cache) Redis() *redis.Client { return c.rdb }

// GetOrLoad returns the cached value at key, or calls load, caches its
// result for ttl and returns it. A Redis failure only means a cache miss.
func GetOrLoad[T any](ctx context.Context, c *Cache, key string, ttl time.Duration, load func(ctx context.Context) (T, error)) (T, error) {
	k := c.prefix + key
	raw, err := c.cb.Execute(func() ([]byte, error) { return c.rdb.Get(ctx, k).Bytes() })
	if err == nil {
		var v T
		if json.Unmarshal(raw, &v) == nil {
			metrics.CacheRequests.WithLabelValues(c.prefix[:len(c.prefix)-1], "hit").Inc()
			return v, nil
		}
	}
	result := "miss"
	if err != nil && !errors.Is(err, redis.Nil) {
		result = "error"
	}
	metrics.CacheRequests.WithLabelValues(c.prefix[:len(c.prefix)-1], result).Inc()
	v, err := load(ctx)
	if err != nil {
		return v, err
	}
	if b, merr := json.Marshal(v); merr == nil {
		_, _ = c.cb.Execute(func() ([]byte, error) { return nil, c.rdb.Set(ctx, k, b, ttl).Err() })
	}
	return v, nil
}

// Delete invalidates keys. It is best effort: entries also expire by TTL, so
// a missed invalidation while Redis is down heals itself.
func (c *Cache) Delete(ctx context.Context, keys ...string) {
	if len(keys) == 0 {
		return
	}
	full := make([]string, len(keys))
	for i, k := range keys {
		full[i] = c.prefix + k
	}
	if _, err := c.cb.Execute(func() ([]byte, error) { return nil, c.rdb.Del(ctx, full...).Err() }); err != nil {
		c.log.WarnContext(ctx, "cache invalidation failed", "keys", len(keys), "err", err)
	}
}
