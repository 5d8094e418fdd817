package server_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/servicetest"

	"github.com/purra/supergraph/subgraphs/inventory/internal/server"
)

// RESERVATION_TTL is the default hold; impossible settings stop start-up.
func TestConfig(t *testing.T) {
	e := newEnv(t, "RESERVATION_TTL", "90s")
	v := e.variant(techHub, "CFG-1", 1)
	res := e.reserve(e.customer(), newOrderID(), map[string]int{v: 1}, nil)
	require.WithinDuration(t, time.Now().Add(90*time.Second), res.ExpiresAt, 10*time.Second)

	spec := server.Spec()
	d := servicetest.Deps(t, spec, servicetest.NewIssuer(t))
	for _, bad := range [][2]string{{"RESERVATION_TTL", "2h"}, {"RESERVATION_TTL", "0s"}, {"REAPER_INTERVAL", "0s"}, {"RESERVATION_TTL", "soon"}} {
		d.Getenv = func(k string) string {
			if k == bad[0] {
				return bad[1]
			}
			return ""
		}
		_, err := spec.Build(context.Background(), d)
		require.Error(t, err, "%s=%s", bad[0], bad[1])
	}
}
