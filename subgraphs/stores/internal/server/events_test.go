package server_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// owner.approved / owner.rejected feed the projection; a redelivered event
// is applied once, an older event never overrides a newer one, and an event
// with a malformed id is skipped without failing the consumer.
func TestOwnerConsumers(t *testing.T) {
	e := newEnv(t)
	const amit = "01937a00-0000-7000-8000-000000000002"
	gstin := "24ABCPP1234F1Z6"
	approvedVars := map[string]any{"in": map[string]any{"name": "Amit Traders", "pickupAddress": map[string]any{
		"line1": "Shop 7, Navrangpura Market", "city": "Ahmedabad", "state": "GUJARAT", "pinCode": "380009"}}}

	t0 := time.Now().UTC()
	env := e.ownerEvent("owner.approved", amit, gstin, "Amit Traders", t0)
	e.redeliver(env) // at-least-once delivery
	require.Equal(t, 1, e.count(`SELECT count(*) FROM store_owners WHERE user_id = $1 AND approved`, amit))
	require.Equal(t, 1, e.count(`SELECT count(*) FROM processed_events WHERE event_id = $1`, env.ID))

	var out struct{ CreateStore storeOut }
	e.mustDo(e.owner(amit), createQ, approvedVars, &out)
	require.Equal(t, gstin, out.CreateStore.Gstin, "the GSTIN comes from the approval")

	// Rejected later; the old approval redelivered does not bring it back.
	rejected := e.ownerEvent("owner.rejected", amit, gstin, "Amit Traders", t0.Add(time.Minute))
	e.redeliver(rejected)
	e.ownerEvent("owner.approved", amit, gstin, "Amit Traders", t0.Add(-time.Minute))
	require.Equal(t, 1, e.count(`SELECT count(*) FROM store_owners WHERE user_id = $1 AND NOT approved`, amit))
	requireError(t, e.do(e.owner(amit), createQ, approvedVars, nil), "FORBIDDEN", "", "OWNER_NOT_APPROVED")

	// Malformed: skipped (marked processed), nothing stored.
	bad := e.deliver("owner.approved", "x", t0, map[string]any{"ownerId": "x", "userId": "not-a-uuid", "gstin": gstin})
	require.Equal(t, 1, e.count(`SELECT count(*) FROM processed_events WHERE event_id = $1`, bad.ID))
	require.Equal(t, 3, e.count(`SELECT count(*) FROM store_owners`), "vikram, neha, amit")
}
