package server_test

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/platform/servicetest"
)

// With the revocation Redis down (a redis-server of the test's own, killed),
// a shopper keeps reading but any mutation is refused as retryable
// SERVICE_UNAVAILABLE before a resolver runs; an admin keeps working during
// the grace period.
func TestRevocationRedisDown_ShoppersReadOnly(t *testing.T) {
	t.Parallel()
	srv := servicetest.StartRedis(t)
	rdb := redis.NewClient(&redis.Options{Addr: srv.Addr, MaxRetries: -1})
	t.Cleanup(func() { _ = rdb.Close() })
	e := newEnv(t, func(d *service.Deps) {
		rev := auth.NewRevocations(rdb, d.Log)
		rev.CacheFor, rev.AdminGrace, rev.ShopperGrace = 0, time.Minute, 0
		rev.Attach(d.Verifier)
	})
	shopper := e.iss.Token(t, uuid.NewString(), auth.RoleCustomer)
	read := func() servicetest.Response {
		return e.do(shopper, activeQ, map[string]any{"p": "HOME_HERO"}, nil)
	}
	require.Empty(t, read().Errors)
	require.Equal(t, "FORBIDDEN", e.do(shopper, createQ, map[string]any{"in": input(nil)}, nil).Code())

	srv.Kill()
	require.Empty(t, read().Errors, "shoppers keep reading")
	r := e.do(shopper, createQ, map[string]any{"in": input(nil)}, nil)
	require.Equal(t, "SERVICE_UNAVAILABLE", r.Code(), "%+v", r.Errors)
	require.Equal(t, "REVOCATION_UNAVAILABLE", r.Errors[0].Extensions["reason"])
	require.Empty(t, e.do(e.admin(), createQ, map[string]any{"in": input(nil)}, nil).Errors, "admins work during the grace period")
}
