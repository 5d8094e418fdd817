package e2e

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/purra/supergraph/platform/auth"
)

// usersSigner loads the users subgraph's own signing key from its database
// (encrypted at rest with the stack's development key), as an attacker who
// stole that key and the encryption key would have it.
func usersSigner(t *testing.T) *auth.Signer {
	t.Helper()
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, "postgres://postgres@127.0.0.1:5432/purra_e2e_users?sslmode=disable")
	require.NoError(t, err)
	t.Cleanup(pool.Close)
	enc, err := auth.NewKeyEncryption(auth.DevKeyEncryptionKey)
	require.NoError(t, err)
	s, err := auth.LoadSigner(ctx, pool, auth.IssuerUsers, 15*time.Minute, enc)
	require.NoError(t, err)
	return s
}

// A token signed with the users key that claims the admin issuer, or the
// ADMIN role from the users issuer, is refused by every subgraph: for each
// subgraph, an authenticated query it owns (derived from the supergraph)
// answers UNAUTHENTICATED through the router, while a real admin token is
// not refused.
func TestForgedIssuerTokensAreRefusedEverywhere(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "supergraph", "supergraph.graphql"))
	require.NoError(t, err)
	doc, gqlErr := parser.ParseSchema(&ast.Source{Input: string(raw)})
	require.Nil(t, gqlErr)
	s := newSchemaIndex(doc)
	var perms []string
	for _, m := range regexp.MustCompile(`"([a-z]+:[a-z]+)"`).FindAllStringSubmatch(string(raw), -1) {
		perms = append(perms, m[1])
	}
	signer := usersSigner(t)
	adminClaim, _, err := signer.WithIssuer(auth.IssuerAdmin).Issue("01937a00-0000-7000-8000-0000000000b1", auth.RoleAdmin, perms, "forged-session")
	require.NoError(t, err)
	adminRole, _, err := signer.Issue("01937a00-0000-7000-8000-0000000000b1", auth.RoleAdmin, perms, "")
	require.NoError(t, err)
	real := adminLogin(t, priyaEmail)

	covered := map[string]string{}
	for _, f := range s.objects["Query"].Fields {
		graph := joinGraph(f.Directives)
		if graph == "" || covered[graph] != "" || inaccessible(f.Directives) ||
			(f.Directives.ForName("authenticated") == nil && f.Directives.ForName("requiresScopes") == nil) {
			continue
		}
		query, vars := s.operation("Query", f, "", nil, nil)
		r := real.do(t, query, vars, nil)
		if strings.HasPrefix(r.code(), "GRAPHQL_") {
			t.Errorf("%s: the test built an invalid document: %s %+v", graph, query, r.Errors)
			continue
		}
		if r.code() == "UNAUTHENTICATED" {
			continue // not for admins; another field of the subgraph will do
		}
		for name, tok := range map[string]string{"users key as purra-admin": adminClaim, "ADMIN from purra-users": adminRole} {
			r := client{}.withToken(tok).do(t, query, vars, nil)
			assert.Equal(t, "UNAUTHENTICATED", r.code(), "%s: %s: %+v", graph, name, r.Errors)
		}
		covered[graph] = f.Name
	}
	t.Logf("checked through: %v", covered)
	require.GreaterOrEqual(t, len(covered), 10, "subgraphs with an authenticated query")
}

func joinGraph(ds ast.DirectiveList) string {
	if d := ds.ForName("join__field"); d != nil {
		if a := d.Arguments.ForName("graph"); a != nil {
			return a.Value.Raw
		}
	}
	return ""
}

// A direct caller's X-Forwarded-For neither becomes the IP recorded in its
// admin session nor picks its per-IP login rate-limit bucket. Without a
// service credential a direct caller is refused outright (docs/security.md);
// with one (a peer that holds the router's key but is not a trusted proxy,
// as every caller of a local stack is) its X-Forwarded-For is still ignored.
func TestDirectCallerCannotChooseItsIP(t *testing.T) {
	spoofed := "203.0.113.77"
	serviceToken := func(subgraph string) string {
		tok, err := sys.ServiceToken("router", subgraph)
		require.NoError(t, err)
		return tok
	}
	send := func(port int, query string, vars map[string]any, credential string) response {
		body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
		req, _ := http.NewRequest(http.MethodPost, fmt.Sprintf("http://127.0.0.1:%d/graphql", port), strings.NewReader(string(body)))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Forwarded-For", spoofed)
		if credential != "" {
			req.Header.Set("X-Service-Token", credential)
		}
		resp, err := httpClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		var out response
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
		return out
	}
	login := `mutation($in: AdminLoginInput!) { adminLogin(input: $in) { accessToken } }`
	kavya := map[string]any{"in": map[string]any{"email": kavyaEmail, "password": seedPassword}}
	require.Equal(t, "UNAUTHENTICATED", send(3012, login, kavya, "").code())
	r := send(3012, login, kavya, serviceToken("admin"))
	require.Empty(t, r.Errors)
	var ip string
	require.NoError(t, db(t, "admin").QueryRow(context.Background(),
		`SELECT s.ip FROM admin_sessions s JOIN admin_users a ON a.id = s.admin_id WHERE a.email = $1 ORDER BY s.created_at DESC LIMIT 1`, kavyaEmail).Scan(&ip))
	assert.Equal(t, "127.0.0.1", ip)

	// Each spoofed address would be a fresh bucket; the caller's own fills up.
	limited := false
	for i := 0; i < 40 && !limited; i++ {
		body, _ := json.Marshal(map[string]any{"query": `mutation($in: LoginInput!) { login(input: $in) { accessToken } }`,
			"variables": map[string]any{"in": map[string]any{"email": fmt.Sprintf("nobody-%d@example.in", i), "password": "Wrong-pass-1"}}})
		req, _ := http.NewRequest(http.MethodPost, "http://127.0.0.1:3001/graphql", strings.NewReader(string(body)))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Forwarded-For", fmt.Sprintf("198.51.100.%d", i))
		req.Header.Set("X-Service-Token", serviceToken("users"))
		resp, err := httpClient.Do(req)
		require.NoError(t, err)
		var out response
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
		resp.Body.Close()
		limited = out.code() == "RATE_LIMITED"
	}
	assert.True(t, limited, "the per-IP login limit applies to the caller's own address")
	time.Sleep(61 * time.Second) // let the local address's login bucket drain for the other tests
}

// `make rotate-keys` (auth.RotateSigningKey) signs nobody out: a token issued
// before still works, new logins carry the new kid.
func TestKeyRotationKeepsSessions(t *testing.T) {
	shopper, before := newShopper(t)
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, "postgres://postgres@127.0.0.1:5432/purra_e2e_users?sslmode=disable")
	require.NoError(t, err)
	defer pool.Close()
	enc, err := auth.NewKeyEncryption(auth.DevKeyEncryptionKey)
	require.NoError(t, err)
	newKid, err := auth.RotateSigningKey(ctx, pool, enc, 0)
	require.NoError(t, err)
	require.NotEqual(t, newKid, kidOf(t, before.AccessToken))

	var after authPayload
	require.Eventually(t, func() bool {
		_, after = newShopper(t)
		return kidOf(t, after.AccessToken) == newKid
	}, 30*time.Second, time.Second, "new tokens carry the new kid once the users subgraph rereads its keys")
	for _, c := range []client{shopper, client{}.withToken(after.AccessToken)} {
		var me struct{ Me struct{ ID string } }
		c.must(t, `{ me { id } }`, nil, &me)
		require.NotEmpty(t, me.Me.ID)
	}
}

func kidOf(t *testing.T, token string) string {
	head, _, _ := strings.Cut(token, ".")
	raw, err := base64.RawURLEncoding.DecodeString(head)
	require.NoError(t, err)
	var h struct{ Kid string }
	require.NoError(t, json.Unmarshal(raw, &h))
	return h.Kid
}

// While a subgraph is down the router answers the retryable
// SERVICE_UNAVAILABLE naming it (not production), and recovers when it is back.
func TestSubgraphDownIsServiceUnavailable(t *testing.T) {
	shopper, _ := newShopper(t)
	query := `query($p: BannerPlacement!) { activeBanners(placement: $p) { id } }`
	vars := map[string]any{"p": "HOME_HERO"}
	require.Empty(t, shopper.do(t, query, vars, nil).Errors)
	require.NoError(t, sys.KillAndHold("banners")) // down until started again, not restarted by the supervisor
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := sys.StartSubgraph(ctx, "banners"); err == nil {
			_ = sys.WaitReady(ctx, "banners")
		}
	})
	require.Eventually(t, func() bool { return shopper.do(t, query, vars, nil).code() == "SERVICE_UNAVAILABLE" }, 5*time.Second, 100*time.Millisecond)
	r := shopper.do(t, query, vars, nil)
	assert.Equal(t, "banners", r.Errors[0].Extensions["subgraph"])
	assert.Equal(t, true, r.Errors[0].Extensions["retryable"])

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	require.NoError(t, sys.StartSubgraph(ctx, "banners"))
	require.NoError(t, sys.WaitReady(ctx, "banners"))
	require.Empty(t, shopper.do(t, query, vars, nil).Errors)
}
