package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/purra/supergraph/platform/pg"
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/platform/servicetest"

	"github.com/purra/supergraph/subgraphs/banners/internal/app"
	"github.com/purra/supergraph/subgraphs/banners/internal/server"
)

// Callers of the tests.
const (
	kavya  = "01937a00-0000-7000-8000-0000000000b4" // admin, MARKETING (banners:write)
	meera  = "01937a00-0000-7000-8000-0000000000b2" // admin, CATALOG_MANAGER (no banners:write)
	rahul  = "01937a00-0000-7000-8000-000000000001" // a customer
	mobile = "f5b52a6b-037a-5856-a88c-cafe119ea1e5" // the catalog seed's Mobiles category
)

type env struct {
	t   *testing.T
	d   *service.Deps
	h   http.Handler
	app *app.App
	iss *servicetest.Issuer
}

// newEnv serves the banners subgraph on a fresh database; edit may change
// the dependencies (e.g. a Redis that is down) before it is built.
func newEnv(t *testing.T, edit ...func(*service.Deps)) *env {
	t.Helper()
	spec := server.Spec()
	iss := servicetest.NewIssuer(t)
	d := servicetest.Deps(t, spec, iss)
	for _, f := range edit {
		f(d)
	}
	sg, a := server.Build(d)
	// Tests read right after writing: recheck the invalidation quickly so
	// that it never lands in the middle of a test's cached reads.
	a.RecheckAfter = time.Millisecond
	return &env{t: t, d: d, h: servicetest.AsRouter(t, "banners", service.Routes(d, sg)), app: a, iss: iss}
}

// admin is a token of Kavya (MARKETING: banners:write).
func (e *env) admin() string {
	return e.iss.Token(e.t, kavya, "ADMIN", "promotions:write", "banners:write")
}

func (e *env) do(auth, query string, vars map[string]any, out any) servicetest.Response {
	e.t.Helper()
	return servicetest.Do(e.t, e.h, auth, query, vars, out)
}

func (e *env) mustDo(auth, query string, vars map[string]any, out any) {
	e.t.Helper()
	if r := e.do(auth, query, vars, out); len(r.Errors) > 0 {
		e.t.Fatalf("unexpected errors: %+v", r.Errors)
	}
}

// counted runs an operation with every SQL query under it counted.
func (e *env) counted(auth, query string, vars map[string]any, out any) int64 {
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

// count returns a single integer from sql.
func (e *env) count(sql string, args ...any) int {
	e.t.Helper()
	var n int
	if err := e.d.DB.QueryRow(context.Background(), sql, args...).Scan(&n); err != nil {
		e.t.Fatalf("%s: %v", sql, err)
	}
	return n
}

// Banner is the JSON of a Banner in answers.
type Banner struct {
	ID         string    `json:"id"`
	Title      string    `json:"title"`
	Subtitle   *string   `json:"subtitle"`
	ImageURL   string    `json:"imageUrl"`
	LinkURL    string    `json:"linkUrl"`
	Placement  string    `json:"placement"`
	CategoryID *string   `json:"categoryId"`
	Priority   int       `json:"priority"`
	StartsAt   time.Time `json:"startsAt"`
	EndsAt     time.Time `json:"endsAt"`
	Active     bool      `json:"active"`
	CreatedAt  time.Time `json:"createdAt"`
	UpdatedAt  time.Time `json:"updatedAt"`
}

const bannerFields = `id title subtitle imageUrl linkUrl placement categoryId priority startsAt endsAt active createdAt updatedAt`

const createQ = `mutation($in: CreateBannerInput!) { createBanner(input: $in) { banner { ` + bannerFields + ` } } }`

// input is a valid CreateBannerInput, live from an hour ago for a day, with edits.
func input(edits map[string]any) map[string]any {
	now := time.Now().UTC()
	in := map[string]any{
		"title": "Great Indian Electronics Sale", "subtitle": "Up to 40% off",
		"imageUrl": "https://cdn.purra.in/banners/sale.webp", "linkUrl": "/sale",
		"placement": "HOME_HERO", "priority": 100,
		"startsAt": now.Add(-time.Hour).Format(time.RFC3339Nano), "endsAt": now.Add(24 * time.Hour).Format(time.RFC3339Nano),
	}
	for k, v := range edits {
		if v == nil {
			delete(in, k)
			continue
		}
		in[k] = v
	}
	return in
}

// window returns startsAt/endsAt edits relative to now.
func window(from, to time.Duration) map[string]any {
	now := time.Now().UTC()
	return map[string]any{"startsAt": now.Add(from).Format(time.RFC3339Nano), "endsAt": now.Add(to).Format(time.RFC3339Nano)}
}

// with merges edit maps.
func with(ms ...map[string]any) map[string]any {
	out := map[string]any{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

// create makes a banner as Kavya and returns it.
func (e *env) create(edits map[string]any) Banner {
	e.t.Helper()
	var out struct{ CreateBanner struct{ Banner Banner } }
	e.mustDo(e.admin(), createQ, map[string]any{"in": input(edits)}, &out)
	return out.CreateBanner.Banner
}

const activeQ = `query($p: BannerPlacement!, $c: ID) { activeBanners(placement: $p, categoryId: $c) { ` + bannerFields + ` } }`

// active returns the ids of the live banners at placement p (category c, "" for none).
func (e *env) active(p, c string) []string {
	e.t.Helper()
	var out struct{ ActiveBanners []Banner }
	e.mustDo("", activeQ, activeVars(p, c), &out)
	return ids(out.ActiveBanners)
}

func activeVars(p, c string) map[string]any {
	vars := map[string]any{"p": p}
	if c != "" {
		vars["c"] = c
	}
	return vars
}

func ids(bs []Banner) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = b.ID
	}
	return out
}
