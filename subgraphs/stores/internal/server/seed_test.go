package server_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/servicetest"

	"github.com/purra/supergraph/subgraphs/stores/internal/seed"
	"github.com/purra/supergraph/subgraphs/stores/internal/server"
)

// The seed makes TechHub exactly as docs/backoffice.md tells, with one
// store.created; running it again writes nothing. Vikram may open more stores.
func TestSeed(t *testing.T) {
	spec := server.Spec()
	iss := servicetest.NewIssuer(t)
	d := servicetest.Deps(t, spec, iss)
	for range 2 {
		require.NoError(t, spec.Seed(context.Background(), d))
	}
	_, h := servicetest.Serve(t, spec, d)
	e := &env{t: t, d: d, h: h, iss: iss}

	var out struct{ Store storeOut }
	e.mustDo("", `query($s: String) { store(slug: $s) { `+storeFields+` } }`, map[string]any{"s": "techhub"}, &out)
	s := out.Store
	require.Equal(t, seed.TechHubID, s.ID)
	require.Equal(t, "TechHub", s.Name)
	require.Equal(t, "ACTIVE", s.Status)
	require.Equal(t, seed.VikramID, s.Owner.ID)
	require.Equal(t, seed.VikramGSTIN, s.Gstin)
	require.Equal(t, "Bengaluru", s.PickupAddress.City)
	require.Equal(t, "KARNATAKA", s.PickupAddress.State)
	require.Equal(t, "560001", s.PickupAddress.PinCode)

	evs := e.events("store.created", seed.TechHubID)
	require.Len(t, evs, 1, "one store.created over two runs")
	require.Equal(t, map[string]any{"storeId": seed.TechHubID, "ownerId": seed.VikramID, "name": "TechHub", "slug": "techhub",
		"state": "KARNATAKA", "status": "ACTIVE", "previousStatus": nil}, evs[0])
	require.Equal(t, 1, e.count(`SELECT count(*) FROM stores`))
	require.Equal(t, 1, e.count(`SELECT count(*) FROM outbox`))

	// Vikram is an approved owner without any owner.approved event.
	created := e.create(seed.VikramID, storeInput("TechHub Indiranagar"))
	require.Equal(t, "techhub-indiranagar", created.Slug)
	require.Equal(t, seed.VikramGSTIN, created.Gstin)
}
