package server_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// An admin with inventory:write restocks and sets the alert of any store's
// variant without asking catalog, and each change writes exactly one
// admin.action in its transaction.
func TestAdminStockChanges_areAudited(t *testing.T) {
	e := newEnv(t)
	id := e.variant(techHub, "AUDIT-1", 5)
	calls := e.catalog.calls.Load()

	e.mustDo(e.admin(), restockQ, map[string]any{"v": id, "q": 7}, nil)
	acts := e.events("admin.action", id)
	require.Len(t, acts, 1)
	checkAdminAction(t, acts[0], "stock.restock", id)
	require.Equal(t, map[string]any{"storeId": techHub, "sku": "AUDIT-1", "onHand": 5.0, "reserved": 0.0, "lowThreshold": 5.0}, acts[0]["before"])
	require.Equal(t, map[string]any{"storeId": techHub, "sku": "AUDIT-1", "onHand": 12.0, "reserved": 0.0, "lowThreshold": 5.0}, acts[0]["after"])

	e.mustDo(e.admin(), alertQ, map[string]any{"v": id, "t": 3}, nil)
	acts = e.events("admin.action", id)
	require.Len(t, acts, 2)
	checkAdminAction(t, acts[1], "stock.set_alert", id)
	require.Equal(t, 5.0, acts[1]["before"].(map[string]any)["lowThreshold"])
	require.Equal(t, map[string]any{"storeId": techHub, "sku": "AUDIT-1", "onHand": 12.0, "reserved": 0.0, "lowThreshold": 3.0}, acts[1]["after"])
	require.Equal(t, calls, e.catalog.calls.Load(), "an admin needs no store")
}

func checkAdminAction(t *testing.T, a map[string]any, action, variantID string) {
	t.Helper()
	require.Equal(t, adminID, a["adminId"])
	require.Equal(t, "inventory:write", a["permission"])
	require.Equal(t, action, a["action"])
	require.Equal(t, "StockLevel", a["targetType"])
	require.Equal(t, variantID, a["targetId"])
	require.Equal(t, "inventory", a["service"])
	require.NotEmpty(t, a["at"])
}

// An ADMIN token without inventory:write is refused and writes nothing; the
// owner's own changes and an admin's refused change are not audited.
func TestStockChanges_notAudited(t *testing.T) {
	e := newEnv(t)
	id := e.variant(techHub, "AUDIT-2", 5)
	outbox := e.count(`SELECT count(*) FROM outbox`)

	bare := e.iss.Token(t, adminID, "ADMIN")
	require.Equal(t, "FORBIDDEN", e.do(bare, restockQ, map[string]any{"v": id, "q": 1}, nil).Code())
	require.Equal(t, "FORBIDDEN", e.do(bare, alertQ, map[string]any{"v": id, "t": 1}, nil).Code())
	require.Equal(t, "BAD_USER_INPUT", e.do(e.admin(), restockQ, map[string]any{"v": id, "q": 0}, nil).Code())
	require.Equal(t, outbox, e.count(`SELECT count(*) FROM outbox`))
	onHand, _ := e.level(id)
	require.Equal(t, 5, onHand)

	e.mustDo(e.owner(), restockQ, map[string]any{"v": id, "q": 2}, nil)
	e.mustDo(e.owner(), alertQ, map[string]any{"v": id, "t": 1}, nil)
	require.Zero(t, e.count(`SELECT count(*) FROM outbox WHERE type = 'admin.action'`))
}
