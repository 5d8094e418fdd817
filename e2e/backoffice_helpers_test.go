package e2e

import (
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// Seed admins (docs/backoffice.md), all with the seed password.
const (
	priyaEmail = "priya@purra.in" // SUPER_ADMIN
	meeraEmail = "meera@purra.in" // CATALOG_MANAGER: catalog:write inventory:write
	arjunEmail = "arjun@purra.in" // SUPPORT: orders:update payments:refund users:ban reviews:moderate audit:read
	kavyaEmail = "kavya@purra.in" // MARKETING: promotions:write banners:write notifications:send
)

// adminTokens keeps one token per admin for the whole run, as an admin panel
// would: logging in for every request would (rightly) hit the login rate limit.
var adminTokens sync.Map

// adminLogin returns a client carrying an admin access token.
func adminLogin(t *testing.T, email string) client {
	t.Helper()
	if tok, ok := adminTokens.Load(email); ok {
		return client{}.withToken(tok.(string))
	}
	var out struct {
		AdminLogin struct{ AccessToken string }
	}
	client{}.must(t, `mutation($in: AdminLoginInput!) { adminLogin(input: $in) { accessToken } }`,
		map[string]any{"in": map[string]any{"email": email, "password": seedPassword}}, &out)
	adminTokens.Store(email, out.AdminLogin.AccessToken)
	return client{}.withToken(out.AdminLogin.AccessToken)
}

type auditEntry struct {
	AdminID, Permission, Action, TargetType, TargetID, Service string
}

// auditEntries returns the audit log entries for a target, read by Priya
// (audit:read) through the router.
func auditEntries(t *testing.T, targetID, action string) []auditEntry {
	t.Helper()
	var out struct {
		AuditLogs struct {
			Edges []struct{ Node auditEntry }
		}
	}
	filter := map[string]any{"targetId": targetID}
	if action != "" {
		filter["action"] = action
	}
	adminLogin(t, priyaEmail).must(t, `query($f: AuditLogFilter) { auditLogs(filter: $f, first: 50) {
		edges { node { adminId permission action targetType targetId service } } } }`, map[string]any{"f": filter}, &out)
	entries := make([]auditEntry, 0, len(out.AuditLogs.Edges))
	for _, e := range out.AuditLogs.Edges {
		entries = append(entries, e.Node)
	}
	return entries
}

// awaitAudit waits until exactly want entries exist for the target and action
// (entries travel through Kafka), then checks no more arrive.
func awaitAudit(t *testing.T, targetID, action string, want int) []auditEntry {
	t.Helper()
	var got []auditEntry
	require.Eventually(t, func() bool {
		got = auditEntries(t, targetID, action)
		return len(got) >= want
	}, 15*time.Second, 100*time.Millisecond, "audit entries for %s %s", action, targetID)
	time.Sleep(300 * time.Millisecond)
	got = auditEntries(t, targetID, action)
	require.Len(t, got, want, "exactly %d audit entries for %s %s", want, action, targetID)
	return got
}
