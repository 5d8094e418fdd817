package auth_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/auth"
)

func TestRevocations(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	rdb := redis.NewClient(&redis.Options{Addr: "127.0.0.1:6379"})
	defer rdb.Close()
	r := auth.NewRevocations(rdb, slog.New(slog.NewTextHandler(io.Discard, nil)))
	r.CacheFor = 50 * time.Millisecond
	user := auth.Identity{Subject: uuid.NewString(), SessionID: uuid.NewString()}
	require.False(t, r.Revoked(ctx, user, time.Now()))

	require.NoError(t, auth.Ban(ctx, rdb, user.Subject))
	require.Eventually(t, func() bool { return r.Revoked(ctx, user, time.Now()) }, time.Second, 10*time.Millisecond, "a ban reaches verifiers within CacheFor")
	require.NoError(t, auth.Unban(ctx, rdb, user.Subject))
	require.Eventually(t, func() bool { return !r.Revoked(ctx, user, time.Now()) }, time.Second, 10*time.Millisecond)

	admin := auth.Identity{Subject: uuid.NewString(), SessionID: uuid.NewString()}
	require.NoError(t, auth.RevokeSession(ctx, rdb, admin.SessionID, time.Minute))
	require.True(t, r.Revoked(ctx, admin, time.Now()), "a revoked session")
	other := auth.Identity{Subject: admin.Subject, SessionID: uuid.NewString()}
	require.False(t, r.Revoked(ctx, other, time.Now()), "the admin's other sessions still work")

	dead := auth.NewRevocations(redis.NewClient(&redis.Options{Addr: "127.0.0.1:1"}), slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.False(t, dead.Revoked(ctx, user, time.Now()), "fails open when Redis is down")
}
