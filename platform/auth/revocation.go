package auth

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// Revocations propagate "this token must stop working" to every subgraph
// through Redis: a banned user (users subgraph) and a revoked admin session
// (admin subgraph). The owning subgraph's database is the source of truth;
// Redis is how the news travels. Each subgraph remembers an answer for
// CacheFor, so a revocation takes effect everywhere within that time (well
// under the one minute promised) at one Redis round trip per caller per
// CacheFor.
type Revocations struct {
	rdb      *redis.Client
	log      *slog.Logger
	CacheFor time.Duration

	mu    sync.Mutex
	known map[string]verdict
}

type verdict struct {
	revoked bool
	until   time.Time
}

const (
	bannedPrefix  = "purra:auth:banned:"  // + subject; value: unix time of the ban
	revokedPrefix = "purra:auth:revoked:" // + session id
)

// NewRevocations uses rdb (shared by every subgraph, unprefixed keys).
func NewRevocations(rdb *redis.Client, log *slog.Logger) *Revocations {
	return &Revocations{rdb: rdb, log: log, CacheFor: 20 * time.Second, known: map[string]verdict{}}
}

// Revoked reports whether id's token must be refused. If Redis cannot be
// reached it fails open (logged): tokens expire on their own within minutes.
func (r *Revocations) Revoked(ctx context.Context, id Identity, _ time.Time) bool {
	key := id.Subject + "|" + id.SessionID
	now := time.Now()
	r.mu.Lock()
	v, ok := r.known[key]
	r.mu.Unlock()
	if ok && now.Before(v.until) {
		return v.revoked
	}
	keys := []string{bannedPrefix + id.Subject}
	if id.SessionID != "" {
		keys = append(keys, revokedPrefix+id.SessionID)
	}
	n, err := r.rdb.Exists(ctx, keys...).Result()
	if err != nil {
		r.log.WarnContext(ctx, "revocation check unavailable, allowing", "err", err)
		return false
	}
	r.mu.Lock()
	if len(r.known) > 100_000 { // bounded: forget everything rather than grow for ever
		r.known = map[string]verdict{}
	}
	r.known[key] = verdict{revoked: n > 0, until: now.Add(r.CacheFor)}
	r.mu.Unlock()
	return n > 0
}

// Ban makes every token of subject stop working (until Unban).
func Ban(ctx context.Context, rdb *redis.Client, subject string) error {
	return rdb.Set(ctx, bannedPrefix+subject, time.Now().Unix(), 0).Err()
}

// Unban lets subject's tokens work again.
func Unban(ctx context.Context, rdb *redis.Client, subject string) error {
	return rdb.Del(ctx, bannedPrefix+subject).Err()
}

// RevokeSession makes tokens carrying sessionID stop working; ttl is the
// longest an access token of that session can still live.
func RevokeSession(ctx context.Context, rdb *redis.Client, sessionID string, ttl time.Duration) error {
	return rdb.Set(ctx, revokedPrefix+sessionID, 1, ttl).Err()
}
