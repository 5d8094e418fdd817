package server_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// An admin with payments:refund refunds any payment without owning a store
// (catalog is not asked), and the refund request writes exactly one
// admin.action in its transaction. An ADMIN token without the permission is
// refused, and a store owner's own refund is not an admin action.
func TestRefund_adminIsAudited(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	e.runWorkers()
	o, p := e.captured(50000)
	before := e.rows()

	_, resp := e.refund(e.token(admin, "ADMIN"), p.ID, 100, "goodwill")
	wantErr(t, resp, "FORBIDDEN", "", "")
	_, resp = e.refund(e.token(admin, "ADMIN", "orders:update"), p.ID, 100, "goodwill")
	wantErr(t, resp, "FORBIDDEN", "", "")
	require.Equal(t, before, e.rows(), "a refused admin wrote something")

	_, resp = e.refund(e.token(vikram, "OWNER"), p.ID, 1000, "damaged item")
	ok(t, resp)
	require.Empty(t, e.events("admin.action", p.ID), "an owner's own refund is not an admin action")
	calls := e.catalog.calls.Load()

	r, resp := e.refund(e.token(admin, "ADMIN", "payments:refund"), p.ID, 2500, "  goodwill gesture ")
	ok(t, resp)
	require.Equal(t, "PROCESSED", r.Status)
	require.Equal(t, calls, e.catalog.calls.Load(), "an admin needs no store")

	acts := e.events("admin.action", p.ID)
	require.Len(t, acts, 1)
	a := acts[0]
	require.Equal(t, admin, a["adminId"])
	require.Equal(t, "payments:refund", a["permission"])
	require.Equal(t, "payment.refund", a["action"])
	require.Equal(t, "Payment", a["targetType"])
	require.Equal(t, p.ID, a["targetId"])
	require.Equal(t, "payments", a["service"])
	require.NotEmpty(t, a["at"])
	require.Equal(t, map[string]any{"orderId": o.id, "status": "CAPTURED", "capturedPaise": 50000.0,
		"refundedPaise": 1000.0, "refundingPaise": 0.0}, a["before"])
	require.Equal(t, map[string]any{"orderId": o.id, "status": "CAPTURED", "capturedPaise": 50000.0,
		"refundedPaise": 1000.0, "refundingPaise": 2500.0,
		"refund": map[string]any{"id": r.ID, "amountPaise": 2500.0, "status": "PENDING", "reason": "goodwill gesture"}},
		a["after"])
	require.Equal(t, 1, e.count(`SELECT count(*) FROM outbox WHERE type = 'admin.action'`))

	// A refused admin refund (more than is left) audits nothing.
	_, resp = e.refund(e.token(admin, "ADMIN", "payments:refund"), p.ID, 50000, "too much")
	wantErr(t, resp, "BAD_USER_INPUT", "amountPaise", "")
	require.Len(t, e.events("admin.action", p.ID), 1)
}
