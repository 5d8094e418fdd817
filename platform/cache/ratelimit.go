package cache

import (
	"context"
	"fmt"
	"time"

	"github.com/go-redis/redis_rate/v10"

	"github.com/purra/supergraph/platform/errs"
)

// Limiter is a Redis-backed GCRA rate limiter shared by every instance.
type Limiter struct {
	c *Cache
	l *redis_rate.Limiter
}

// NewLimiter returns a limiter on c's Redis.
func NewLimiter(c *Cache) *Limiter { return &Limiter{c: c, l: redis_rate.NewLimiter(c.rdb)} }

// Allow spends one unit of key's budget of perMinute per minute and returns a
// RATE_LIMITED error when it is spent. If Redis is unreachable it fails open:
// logins keep working while the cache is down.
func (l *Limiter) Allow(ctx context.Context, key string, perMinute int) error {
	var res *redis_rate.Result
	_, err := l.c.cb.Execute(func() ([]byte, error) {
		var err error
		res, err = l.l.Allow(ctx, l.c.prefix+"rl:"+key, redis_rate.PerMinute(perMinute))
		return nil, err
	})
	if err != nil {
		l.c.log.WarnContext(ctx, "rate limiter unavailable, allowing", "err", err)
		return nil
	}
	if res.Allowed == 0 {
		return errs.Limited(fmt.Sprintf("too many attempts, retry in %s", res.RetryAfter.Round(time.Second)))
	}
	return nil
}
