package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/pg"
	"github.com/purra/supergraph/subgraphs/users/internal/server"
	"github.com/purra/supergraph/subgraphs/users/internal/store"
	"github.com/purra/supergraph/subgraphs/users/internal/user"
)

const entitiesQuery = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id name email phone role addresses { id } } } }`

type entity struct {
	ID        string     `json:"id"`
	Name      string     `json:"name"`
	Email     *string    `json:"email"`
	Phone     *string    `json:"phone"`
	Role      string     `json:"role"`
	Addresses *[]address `json:"addresses"`
}

// insertUsers creates n users straight through the store (no argon2 per
// user: the hash is not what this test is about).
func insertUsers(t *testing.T, e *env, n int) []string {
	t.Helper()
	st := store.New(e.d.DB)
	ids := make([]string, n)
	for i := range n {
		ids[i] = uuid.Must(uuid.NewV7()).String()
		u := user.New(ids[i], user.Registration{
			Name: fmt.Sprint("User ", i), Email: fmt.Sprintf("user%d@example.in", i), Phone: "+919876500000", Role: user.RoleCustomer,
		}, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", time.Now().UTC())
		if _, err := st.CreateUser(context.Background(), u, nil); err != nil {
			t.Fatal(err)
		}
	}
	return ids
}

// _entities for 20 users is one SQL query, results in representation order,
// null for unknown keys.
func TestEntitiesBatchInOneQuery(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ids := insertUsers(t, e, 20)
	reps := make([]map[string]any, 0, 22)
	for _, id := range ids {
		reps = append(reps, map[string]any{"__typename": "User", "id": id})
	}
	reps = append(reps,
		map[string]any{"__typename": "User", "id": uuid.NewString()}, // unknown
		map[string]any{"__typename": "User", "id": "not-a-uuid"},     // garbage
	)
	ctx, queries := pg.CountQueries(context.Background())
	var out struct {
		Entities []*entity `json:"_entities"`
	}
	resp := e.gql(req{ctx: ctx}, `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id name role } } }`,
		map[string]any{"reps": reps}, &out)
	ok(t, resp)
	if n := queries.Load(); n != 1 {
		t.Fatalf("_entities for 20 users ran %d SQL queries, want 1", n)
	}
	if len(out.Entities) != 22 {
		t.Fatalf("entities = %d", len(out.Entities))
	}
	for i, id := range ids {
		if out.Entities[i] == nil || out.Entities[i].ID != id || out.Entities[i].Name != fmt.Sprint("User ", i) {
			t.Fatalf("entity %d = %+v, want %s", i, out.Entities[i], id)
		}
	}
	if out.Entities[20] != nil || out.Entities[21] != nil {
		t.Fatalf("unknown keys resolved: %+v %+v", out.Entities[20], out.Entities[21])
	}
}

// Email, phone and addresses of a user are visible to that user only;
// everybody else (another user, or nobody) reads null, not an error.
func TestPersonalFieldsOnlyForTheUser(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.register("Rahul Sharma", "rahul@example.in")
	other := e.register("Other", "other@example.in")
	e.addAddress(bearer(rahul.AccessToken), addressInput())
	reps := map[string]any{"reps": []map[string]any{{"__typename": "User", "id": rahul.User.ID}}}

	for name, token := range map[string]string{"another user": bearer(other.AccessToken), "anonymous": ""} {
		var out struct {
			Entities []entity `json:"_entities"`
		}
		ok(t, e.do(token, entitiesQuery, reps, &out))
		got := out.Entities[0]
		if got.Name != "Rahul Sharma" || got.Role != "CUSTOMER" {
			t.Fatalf("%s: public fields = %+v", name, got)
		}
		if got.Email != nil || got.Phone != nil || got.Addresses != nil {
			t.Fatalf("%s sees personal fields: %+v", name, got)
		}
	}
	var out struct {
		Entities []entity `json:"_entities"`
	}
	ok(t, e.do(bearer(rahul.AccessToken), entitiesQuery, reps, &out))
	if got := out.Entities[0]; got.Email == nil || *got.Email != "rahul@example.in" || got.Phone == nil || got.Addresses == nil || len(*got.Addresses) != 1 {
		t.Fatalf("the user's own view = %+v", got)
	}
	// register/login payloads show the new user their own details.
	if other.User.Email == nil || *other.User.Email != "other@example.in" {
		t.Fatalf("register payload email = %v", other.User.Email)
	}
}

// The JWKS route serves the public key that verifies issued tokens, and
// nothing private.
func TestJWKSVerifiesIssuedTokens(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	reg := e.register("Rahul Sharma", "rahul@example.in")

	res, err := http.Get(e.url + server.JWKSPath)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("GET jwks: %d %s", res.StatusCode, body)
	}
	var set struct {
		Keys []map[string]any `json:"keys"`
	}
	if err := json.Unmarshal(body, &set); err != nil || len(set.Keys) != 1 {
		t.Fatalf("jwks = %s (%v)", body, err)
	}
	k := set.Keys[0]
	if k["kty"] != "RSA" || k["alg"] != "RS256" || k["use"] != "sig" || k["kid"] == "" || k["d"] != nil || k["p"] != nil {
		t.Fatalf("key = %v", k)
	}

	// A verifier that knows nothing but this JWKS URL accepts the token.
	jwks := httptest.NewServer(e.h)
	t.Cleanup(jwks.Close)
	v, err := auth.NewVerifier(context.Background(), []string{jwks.URL + server.JWKSPath}, []string{"purra-users"})
	if err != nil {
		t.Fatal(err)
	}
	id, err := v.Verify(context.Background(), reg.AccessToken)
	if err != nil || id.Subject != reg.User.ID || id.Role != "CUSTOMER" {
		t.Fatalf("verify issued token: %+v, %v", id, err)
	}
	// ...and a token signed by another key is refused.
	if _, err := v.Verify(context.Background(), e.iss.Token(t, reg.User.ID, "CUSTOMER")[len("Bearer "):]); err == nil {
		t.Fatal("a token from another key verified")
	}
}

func TestPurgeExpiredRefreshTokens(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.register("Rahul Sharma", "rahul@example.in")
	e.register("Other", "other@example.in")
	ctx := context.Background()
	if _, err := e.d.DB.Exec(ctx, `UPDATE refresh_tokens SET expires_at = now() - interval '2 days'
		WHERE user_id = (SELECT id FROM users WHERE email = 'other@example.in')`); err != nil {
		t.Fatal(err)
	}
	n, err := store.New(e.d.DB).DeleteExpiredRefreshTokens(ctx, time.Now().Add(-24*time.Hour))
	if err != nil || n != 1 {
		t.Fatalf("purged %d, %v; want 1", n, err)
	}
	if left := count(t, e.d.DB, `SELECT count(*) FROM refresh_tokens`); left != 1 {
		t.Fatalf("tokens left = %d", left)
	}
}
