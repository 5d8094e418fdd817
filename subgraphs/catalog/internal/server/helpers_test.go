package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"github.com/purra/supergraph/platform/storage"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/purra/supergraph/platform/pg"
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/platform/servicetest"

	"github.com/purra/supergraph/subgraphs/catalog/internal/seed"
	"github.com/purra/supergraph/subgraphs/catalog/internal/server"
	"github.com/purra/supergraph/subgraphs/catalog/internal/store"
)

// Users of the seeded catalogue.
const (
	vikram   = seed.VikramID                          // owner of TechHub
	priya    = "01937a00-0000-7000-8000-000000000001" // a customer
	amit     = "01937a00-0000-7000-8000-000000000002" // a retailer
	otherOwn = "01937a00-0000-7000-8000-000000000009" // owns no seeded store
	admin    = "01937a00-0000-7000-8000-0000000000ad" // an admin (tokens from the admin subgraph)
)

type env struct {
	t   *testing.T
	d   *service.Deps
	h   http.Handler
	iss *servicetest.Issuer
}

// seeded returns the catalog subgraph on a fresh database loaded with the seed.
func seeded(t *testing.T) *env {
	t.Helper()
	spec := server.Spec()
	iss := servicetest.NewIssuer(t)
	d := servicetest.Deps(t, spec, iss)
	if _, err := seed.Run(context.Background(), store.New(d.DB, d.Topic), seedMedia(t)); err != nil {
		t.Fatalf("seed: %v", err)
	}
	_, h := servicetest.Serve(t, spec, d)
	return &env{t: t, d: d, h: h, iss: iss}
}

func (e *env) token(user, role string, scopes ...string) string {
	return e.iss.Token(e.t, user, role, scopes...)
}

// as returns the env called by service (its service credential) instead of
// the router: for what catalog's allow-lists open to other subgraphs only.
func (e *env) as(service string) *env {
	c := *e
	c.h = servicetest.As(e.t, service, "catalog", e.h)
	return &c
}

// do runs an operation as auth ("" for anonymous) and decodes data into out.
func (e *env) do(auth, query string, vars map[string]any, out any) servicetest.Response {
	e.t.Helper()
	return servicetest.Do(e.t, e.h, auth, query, vars, out)
}

// mustDo is do that fails the test on any GraphQL error.
func (e *env) mustDo(auth, query string, vars map[string]any, out any) {
	e.t.Helper()
	if r := e.do(auth, query, vars, out); len(r.Errors) > 0 {
		e.t.Fatalf("unexpected errors: %+v", r.Errors)
	}
}

// counted runs an operation with every SQL query under it counted.
func (e *env) counted(query string, vars map[string]any, out any) int64 {
	e.t.Helper()
	return e.countedAs("", query, vars, out)
}

// countedAs is counted with an Authorization header ("" for none).
func (e *env) countedAs(auth, query string, vars map[string]any, out any) int64 {
	e.t.Helper()
	ctx, n := pg.CountQueries(context.Background())
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body)).WithContext(ctx)
	req.Header.Set("Content-Type", "application/json")
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	var resp servicetest.Response
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil || len(resp.Errors) > 0 {
		e.t.Fatalf("counted request: %v %s", err, rec.Body.String())
	}
	if out != nil {
		if err := json.Unmarshal(resp.Data, out); err != nil {
			e.t.Fatal(err)
		}
	}
	return n.Load()
}

// count returns the number of rows of a table (or of a query's single value).
func (e *env) count(sql string, args ...any) int {
	e.t.Helper()
	var n int
	if err := e.d.DB.QueryRow(context.Background(), sql, args...).Scan(&n); err != nil {
		e.t.Fatalf("%s: %v", sql, err)
	}
	return n
}

func storeOf(e *env) *store.Store { return store.New(e.d.DB, e.d.Topic) }

// seedMedia is where the seed's image URLs point in tests (nothing is drawn:
// seed.Images is tested on its own).
func seedMedia(t *testing.T) storage.Storage {
	t.Helper()
	st, err := storage.NewLocal(t.TempDir(), "https://media.purra.test")
	if err != nil {
		t.Fatal(err)
	}
	return st
}
