package server

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"
)

// rateLimiter counts requests per client address and per credential in
// Redis, so every router replica shares the buckets (fixed windows: one
// INCR per bucket per request; keys and limits as router/ratelimit.mjs).
// Redis trouble lets requests through (logged at most every 30 s): the
// subgraphs keep their own limits on logins and other sensitive operations.
type rateLimiter struct {
	rdb              *redis.Client
	prefix           string
	perIP, perClient int
	window           time.Duration
	log              *slog.Logger
	lastWarn         atomic.Int64
}

type verdict struct {
	limited     bool
	retryAfterS int
	bucket      string // "ip" or "client"
}

func newRateLimiter(s *Settings, log *slog.Logger) (*rateLimiter, error) {
	if s.RateLimitPerIP <= 0 && s.RateLimitPerClient <= 0 {
		return nil, nil
	}
	opts, err := redis.ParseURL(s.RateLimitRedisURL)
	if err != nil {
		return nil, err
	}
	// Fail fast when Redis is away: a request waits at most this long for
	// its verdict, then goes through unlimited.
	opts.DialTimeout = 500 * time.Millisecond
	opts.ReadTimeout = 250 * time.Millisecond
	opts.WriteTimeout = 250 * time.Millisecond
	opts.MaxRetries = -1
	opts.DialerRetries = 1
	return &rateLimiter{rdb: redis.NewClient(opts), prefix: s.RateLimitPrefix, perIP: s.RateLimitPerIP,
		perClient: s.RateLimitPerClient, window: s.RateLimitWindow, log: log}, nil
}

// hit counts one request of ip and credential (the Authorization header,
// hashed: the key must not hold a token).
func (l *rateLimiter) hit(ctx context.Context, ip, credential string) verdict {
	now := time.Now()
	win := now.UnixMilli() / l.window.Milliseconds()
	end := time.UnixMilli((win + 1) * l.window.Milliseconds())
	retry := max(1, int((end.Sub(now)+time.Second-1)/time.Second))
	type bucket struct {
		kind, id string
		limit    int
	}
	var buckets []bucket
	if l.perIP > 0 && ip != "" {
		buckets = append(buckets, bucket{"ip", ip, l.perIP})
	}
	if l.perClient > 0 && credential != "" {
		sum := sha256.Sum256([]byte(credential))
		buckets = append(buckets, bucket{"client", hex.EncodeToString(sum[:16]), l.perClient})
	}
	if len(buckets) == 0 {
		return verdict{}
	}
	counts := make([]*redis.IntCmd, len(buckets))
	_, err := l.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		for i, b := range buckets {
			key := l.prefix + b.kind + ":" + b.id + ":" + strconv.FormatInt(win, 10)
			counts[i] = p.Incr(ctx, key)
			p.PExpire(ctx, key, 2*l.window)
		}
		return nil
	})
	if err != nil {
		if last := l.lastWarn.Load(); now.UnixMilli()-last > 30_000 && l.lastWarn.CompareAndSwap(last, now.UnixMilli()) {
			l.log.Warn("rate limit Redis unavailable: not limiting", "err", err)
		}
		return verdict{}
	}
	for i, b := range buckets {
		if counts[i].Val() > int64(b.limit) {
			return verdict{limited: true, retryAfterS: retry, bucket: b.kind}
		}
	}
	return verdict{}
}

func (l *rateLimiter) close() { _ = l.rdb.Close() }
