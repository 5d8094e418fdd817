package server_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

const (
	approveQ    = `mutation($id: ID!) { approveStore(id: $id) { id status suspensionReason } }`
	suspendQ    = `mutation($id: ID!, $r: String!) { suspendStore(id: $id, reason: $r) { id status suspensionReason } }`
	reactivateQ = `mutation($id: ID!) { reactivateStore(id: $id) { id status suspensionReason } }`
)

type adminOut struct {
	ID, Status       string
	SuspensionReason *string
}

// auditRows returns the admin.action payloads recorded for store id.
func (e *env) auditRows(id string) []map[string]any { return e.events("admin.action", id) }

// Approve, suspend and reactivate need stores:approve; each writes the new
// status, store.status_changed and exactly one admin.action in one go.
func TestAdminTransitions(t *testing.T) {
	e := newEnv(t)
	s := e.create(vikram, storeInput("Gadget Corner"))
	id := s.ID
	reasonVars := map[string]any{"id": id, "r": "Counterfeit listings"}

	for _, c := range []struct {
		q    string
		vars map[string]any
	}{
		{approveQ, map[string]any{"id": id}}, {suspendQ, reasonVars}, {reactivateQ, map[string]any{"id": id}},
	} {
		requireError(t, e.do("", c.q, c.vars, nil), "UNAUTHENTICATED", "", "")
		requireError(t, e.do(e.owner(vikram), c.q, c.vars, nil), "FORBIDDEN", "", "")
		requireError(t, e.do(e.customer(), c.q, c.vars, nil), "FORBIDDEN", "", "")
		requireError(t, e.do(e.iss.Token(t, adminID, "ADMIN", "catalog:write"), c.q, c.vars, nil), "FORBIDDEN", "", "")
	}
	require.Empty(t, e.auditRows(id))
	require.Empty(t, e.events("store.status_changed", id))

	// Illegal moves from PENDING: CONFLICT, nothing written.
	requireError(t, e.do(e.admin(), reactivateQ, map[string]any{"id": id}, nil), "CONFLICT", "", "ILLEGAL_TRANSITION")
	require.Empty(t, e.auditRows(id))

	var out struct{ ApproveStore, SuspendStore, ReactivateStore adminOut }
	e.mustDo(e.admin(), approveQ, map[string]any{"id": id}, &out)
	require.Equal(t, "ACTIVE", out.ApproveStore.Status)
	requireError(t, e.do(e.admin(), approveQ, map[string]any{"id": id}, nil), "CONFLICT", "", "ILLEGAL_TRANSITION")

	audits := e.auditRows(id)
	require.Len(t, audits, 1, "exactly one audit entry for one approval")
	a := audits[0]
	require.Equal(t, adminID, a["adminId"])
	require.Equal(t, "stores:approve", a["permission"])
	require.Equal(t, "store.approve", a["action"])
	require.Equal(t, "Store", a["targetType"])
	require.Equal(t, id, a["targetId"])
	require.Equal(t, "stores", a["service"])
	require.Equal(t, map[string]any{"status": "PENDING"}, a["before"])
	require.Equal(t, map[string]any{"status": "ACTIVE"}, a["after"])

	// Bad reasons are refused before anything is written.
	requireError(t, e.do(e.admin(), suspendQ, map[string]any{"id": id, "r": " "}, nil), "BAD_USER_INPUT", "reason", "")
	requireError(t, e.do(e.admin(), suspendQ, map[string]any{"id": id, "r": string(make([]byte, 10240))}, nil), "BAD_USER_INPUT", "reason", "")
	require.Len(t, e.auditRows(id), 1)

	e.mustDo(e.admin(), suspendQ, reasonVars, &out)
	require.Equal(t, "SUSPENDED", out.SuspendStore.Status)
	require.Equal(t, "Counterfeit listings", *out.SuspendStore.SuspensionReason)
	requireError(t, e.do(e.admin(), suspendQ, reasonVars, nil), "CONFLICT", "", "ILLEGAL_TRANSITION")
	requireError(t, e.do(e.admin(), approveQ, map[string]any{"id": id}, nil), "CONFLICT", "", "ILLEGAL_TRANSITION")
	audits = e.auditRows(id)
	require.Len(t, audits, 2)
	require.Equal(t, "store.suspend", audits[1]["action"])
	require.Equal(t, map[string]any{"status": "SUSPENDED", "suspensionReason": "Counterfeit listings"}, audits[1]["after"])

	e.mustDo(e.admin(), reactivateQ, map[string]any{"id": id}, &out)
	require.Equal(t, "ACTIVE", out.ReactivateStore.Status)
	require.Nil(t, out.ReactivateStore.SuspensionReason)
	require.Len(t, e.auditRows(id), 3)
	require.Equal(t, "store.reactivate", e.auditRows(id)[2]["action"])

	changes := e.events("store.status_changed", id)
	require.Len(t, changes, 3)
	base := map[string]any{"storeId": id, "ownerId": vikram, "name": "Gadget Corner", "slug": "gadget-corner", "state": "KARNATAKA"}
	for i, want := range [][2]string{{"PENDING", "ACTIVE"}, {"ACTIVE", "SUSPENDED"}, {"SUSPENDED", "ACTIVE"}} {
		exp := map[string]any{"status": want[1], "previousStatus": want[0]}
		for k, v := range base {
			exp[k] = v
		}
		require.Equal(t, exp, changes[i], "status change %d", i)
	}
	// The actor of each event is the admin.
	require.Equal(t, 3, e.count(`SELECT count(*) FROM outbox WHERE type = 'store.status_changed' AND envelope->>'actor' = $1`, adminID))
}

// A pending store can be refused by suspending it; unknown stores are NOT_FOUND.
func TestAdminTransitions_pendingAndUnknown(t *testing.T) {
	e := newEnv(t)
	s := e.create(vikram, storeInput("Gadget Corner"))
	var out struct{ SuspendStore adminOut }
	e.mustDo(e.admin(), suspendQ, map[string]any{"id": s.ID, "r": "Incomplete documents"}, &out)
	require.Equal(t, "SUSPENDED", out.SuspendStore.Status)
	for _, id := range []string{"01937a00-0000-7000-8000-0000000000ff", "not-a-uuid"} {
		requireError(t, e.do(e.admin(), approveQ, map[string]any{"id": id}, nil), "NOT_FOUND", "", "")
	}
	require.Equal(t, 1, e.count(`SELECT count(*) FROM outbox WHERE type = 'admin.action'`))
}
