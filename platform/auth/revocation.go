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
//
// When Redis cannot answer, the decision (docs/security.md) is:
//   - admin sessions keep working for AdminGrace after Redis last answered,
//     then are refused (ErrRevocationUnknown) until it answers again: an
//     admin can do too much to be let in on an unconfirmed session;
//   - shoppers keep working for reads only once Redis has not answered for
//     ShopperGrace (one slow answer under load is a blip, not an outage):
//     their identity is marked RevocationUnchecked and platform/gql refuses
//     their mutations with a retryable SERVICE_UNAVAILABLE. Their tokens expire within 15 minutes
//     anyway, and the shop stays browsable through a Redis outage.
//
// While Redis is down it is asked again at most once per RetryEvery, so a
// dead Redis does not add a connect timeout to every request.
type Revocations struct {
	rdb          *redis.Client
	log          *slog.Logger
	CacheFor     time.Duration
	AdminGrace   time.Duration
	ShopperGrace time.Duration
	RetryEvery   time.Duration

	mu       sync.Mutex
	known    map[string]verdict
	lastOK   time.Time // Redis last answered
	downTill time.Time // do not ask Redis again before this
	down     bool
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
	return &Revocations{rdb: rdb, log: log, CacheFor: 20 * time.Second, AdminGrace: 30 * time.Second,
		ShopperGrace: 5 * time.Second, RetryEvery: time.Second, known: map[string]verdict{}, lastOK: time.Now()}
}

// Attach makes v consult r for every token it verifies.
func (r *Revocations) Attach(v *Verifier) {
	v.Revoked = r.Revoked
	v.Unchecked = r.Unchecked
}

// Revoked reports whether id's token must be refused. With Redis down it
// answers by the rules above: false for shoppers, false for admins during
// AdminGrace and true after (Unchecked then says why).
func (r *Revocations) Revoked(ctx context.Context, id Identity, _ time.Time) bool {
	key := id.Subject + "|" + id.SessionID
	now := time.Now()
	r.mu.Lock()
	v, ok := r.known[key]
	skip := r.down && now.Before(r.downTill)
	r.mu.Unlock()
	if ok && now.Before(v.until) {
		return v.revoked
	}
	if skip {
		return r.unavailable(ctx, id, now)
	}
	keys := []string{bannedPrefix + id.Subject}
	if id.SessionID != "" {
		keys = append(keys, revokedPrefix+id.SessionID)
	}
	n, err := r.rdb.Exists(ctx, keys...).Result()
	if err != nil {
		r.mu.Lock()
		if !r.down {
			r.log.WarnContext(ctx, "revocation check unavailable: admins refused after the grace period, shoppers read-only", "err", err, "adminGrace", r.AdminGrace)
		}
		r.down, r.downTill = true, now.Add(r.RetryEvery)
		r.mu.Unlock()
		return r.unavailable(ctx, id, now)
	}
	r.mu.Lock()
	if r.down {
		r.log.InfoContext(ctx, "revocation check available again")
	}
	r.down, r.lastOK = false, now
	if len(r.known) > 100_000 { // bounded: forget everything rather than grow for ever
		r.known = map[string]verdict{}
	}
	r.known[key] = verdict{revoked: n > 0, until: now.Add(r.CacheFor)}
	r.mu.Unlock()
	return n > 0
}

func (r *Revocations) unavailable(_ context.Context, id Identity, now time.Time) bool {
	if id.Issuer != IssuerAdmin {
		return false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return now.Sub(r.lastOK) > r.AdminGrace
}

// Unchecked reports whether Redis has been down for longer than
// ShopperGrace, so id's verdict could not be confirmed.
func (r *Revocations) Unchecked(_ context.Context, _ Identity) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.down && time.Since(r.lastOK) > r.ShopperGrace
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
