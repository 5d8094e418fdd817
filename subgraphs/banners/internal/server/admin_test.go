package server_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/audit"
)

// events returns the payloads of the outbox events of type typ for key, oldest first.
func (e *env) events(key, typ string) []json.RawMessage {
	e.t.Helper()
	rows, err := e.d.DB.Query(context.Background(),
		`SELECT envelope->'payload' FROM outbox WHERE key = $1 AND type = $2 ORDER BY seq`, key, typ)
	require.NoError(e.t, err)
	defer rows.Close()
	var out []json.RawMessage
	for rows.Next() {
		var p json.RawMessage
		require.NoError(e.t, rows.Scan(&p))
		out = append(out, p)
	}
	require.NoError(e.t, rows.Err())
	return out
}

func (e *env) actions(key string) []audit.Action {
	e.t.Helper()
	var out []audit.Action
	for _, p := range e.events(key, "admin.action") {
		var a audit.Action
		require.NoError(e.t, json.Unmarshal(p, &a))
		out = append(out, a)
	}
	return out
}

// field returns one field of an audit summary (stored as jsonb, so reformatted).
func field(t *testing.T, summary json.RawMessage, name string) any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(summary, &m))
	return m[name]
}

// Only callers holding banners:write may administer banners; each change
// writes exactly one admin.action and one banner.changed in its transaction.
func TestAdmin_PermissionsAndAudit(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	in := map[string]any{"in": input(nil)}
	callers := map[string]struct{ auth, code string }{
		"anonymous":              {"", "UNAUTHENTICATED"},
		"customer":               {e.iss.Token(t, rahul, "CUSTOMER", "CUSTOMER"), "FORBIDDEN"},
		"owner":                  {e.iss.Token(t, rahul, "OWNER", "OWNER"), "FORBIDDEN"},
		"admin without the perm": {e.iss.Token(t, meera, "ADMIN", "catalog:write", "inventory:write"), "FORBIDDEN"},
		"garbage token":          {"Bearer not.a.jwt", "UNAUTHENTICATED"},
	}
	for name, c := range callers {
		require.Equal(t, c.code, e.do(c.auth, createQ, in, nil).Code(), name)
		require.Equal(t, c.code, e.do(c.auth, `{ banners { totalCount } }`, nil, nil).Code(), name)
		require.Equal(t, c.code, e.do(c.auth, `mutation { deleteBanner(id: "01937a00-0000-7000-8000-0000000b0001") { deletedBannerId } }`, nil, nil).Code(), name)
	}
	require.Zero(t, e.count(`SELECT count(*) FROM banners`))
	require.Zero(t, e.count(`SELECT count(*) FROM outbox`))

	b := e.create(nil)
	acts := e.actions(b.ID)
	require.Len(t, acts, 1)
	a := acts[0]
	require.Equal(t, kavya, a.AdminID)
	require.Equal(t, "banners:write", a.Permission)
	require.Equal(t, "banner.create", a.Action)
	require.Equal(t, "Banner", a.TargetType)
	require.Equal(t, b.ID, a.TargetID)
	require.Equal(t, "banners", a.Service)
	require.Empty(t, a.Before)
	require.Equal(t, "Great Indian Electronics Sale", field(t, a.After, "title"))
	changed := e.events(b.ID, "banner.changed")
	require.Len(t, changed, 1)
	require.JSONEq(t, `{"bannerId":"`+b.ID+`","placement":"HOME_HERO","change":"created"}`, string(changed[0]))

	e.mustDo(e.admin(), `mutation($id: ID!) { updateBanner(id: $id, input: {priority: 7, placement: HOME_STRIP}) { banner { id } } }`,
		map[string]any{"id": b.ID}, nil)
	acts = e.actions(b.ID)
	require.Len(t, acts, 2)
	require.Equal(t, "banner.update", acts[1].Action)
	require.EqualValues(t, 100, field(t, acts[1].Before, "priority"))
	require.EqualValues(t, 7, field(t, acts[1].After, "priority"))
	changed = e.events(b.ID, "banner.changed")
	require.JSONEq(t, `{"bannerId":"`+b.ID+`","placement":"HOME_STRIP","change":"updated","previousPlacement":"HOME_HERO"}`, string(changed[1]))

	e.mustDo(e.admin(), `mutation($id: ID!) { deleteBanner(id: $id) { deletedBannerId } }`, map[string]any{"id": b.ID}, nil)
	acts = e.actions(b.ID)
	require.Len(t, acts, 3)
	require.Equal(t, "banner.delete", acts[2].Action)
	require.Equal(t, "HOME_STRIP", field(t, acts[2].Before, "placement"))
	require.Empty(t, acts[2].After)
	require.Zero(t, e.count(`SELECT count(*) FROM banners`))
	require.Len(t, e.events(b.ID, "banner.changed"), 3)
}

// Every client mistake is BAD_USER_INPUT naming the field (or NOT_FOUND),
// and writes nothing: no banner row, no event, no audit entry.
func TestAdmin_BadInputWritesNothing(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	existing := e.create(nil)
	banners, events := e.count(`SELECT count(*) FROM banners`), e.count(`SELECT count(*) FROM outbox`)

	create := []struct {
		field string
		edits map[string]any
	}{
		{"title", map[string]any{"title": ""}},
		{"title", map[string]any{"title": strings.Repeat("x", 10<<10)}},
		{"subtitle", map[string]any{"subtitle": strings.Repeat("x", 201)}},
		{"imageUrl", map[string]any{"imageUrl": "http://cdn.purra.in/a.webp"}},
		{"imageUrl", map[string]any{"imageUrl": "https://cdn.purra.in/" + strings.Repeat("a", 3000)}},
		{"linkUrl", map[string]any{"linkUrl": "javascript:alert(1)"}},
		{"linkUrl", map[string]any{"linkUrl": "//evil.example"}},
		{"categoryId", map[string]any{"placement": "CATEGORY"}},
		{"categoryId", map[string]any{"placement": "CATEGORY", "categoryId": "mobiles"}},
		{"categoryId", map[string]any{"categoryId": mobile}},
		{"priority", map[string]any{"priority": 1001}},
		{"priority", map[string]any{"priority": -1}},
		{"endsAt", window(time.Hour, -time.Hour)},
		{"endsAt", window(time.Hour, time.Hour)},
	}
	for _, c := range create {
		r := e.do(e.admin(), createQ, map[string]any{"in": input(c.edits)}, nil)
		require.Equal(t, "BAD_USER_INPUT", r.Code(), "%v", c.edits)
		require.Equal(t, c.field, r.Errors[0].Extensions["field"], "%v", c.edits)
	}
	// Missing required fields and unknown enum values are refused by validation.
	for _, drop := range []string{"startsAt", "endsAt", "title", "imageUrl"} {
		r := e.do(e.admin(), createQ, map[string]any{"in": input(map[string]any{drop: nil})}, nil)
		require.NotEmpty(t, r.Errors, drop)
	}
	r := e.do(e.admin(), createQ, map[string]any{"in": input(map[string]any{"placement": "SIDEBAR"})}, nil)
	require.NotEmpty(t, r.Errors)

	const updateQ = `mutation($id: ID!, $in: UpdateBannerInput!) { updateBanner(id: $id, input: $in) { banner { id } } }`
	update := []struct {
		code, field string
		id          string
		in          map[string]any
	}{
		{"BAD_USER_INPUT", "endsAt", existing.ID, map[string]any{"endsAt": existing.StartsAt.Add(-time.Minute).Format(time.RFC3339)}},
		{"BAD_USER_INPUT", "categoryId", existing.ID, map[string]any{"placement": "CATEGORY"}},
		{"BAD_USER_INPUT", "title", existing.ID, map[string]any{"title": "  "}},
		{"BAD_USER_INPUT", "linkUrl", existing.ID, map[string]any{"linkUrl": "ftp://x"}},
		{"NOT_FOUND", "", "01937a00-0000-7000-8000-00000000ffff", map[string]any{"title": "x"}},
		{"NOT_FOUND", "", "not-an-id", map[string]any{"title": "x"}},
	}
	for _, c := range update {
		r := e.do(e.admin(), updateQ, map[string]any{"id": c.id, "in": c.in}, nil)
		require.Equal(t, c.code, r.Code(), "%v", c.in)
		if c.field != "" {
			require.Equal(t, c.field, r.Errors[0].Extensions["field"], "%v", c.in)
		}
	}
	for _, id := range []string{"01937a00-0000-7000-8000-00000000ffff", "'; DROP TABLE banners; --"} {
		r := e.do(e.admin(), `mutation($id: ID!) { deleteBanner(id: $id) { deletedBannerId } }`, map[string]any{"id": id}, nil)
		require.Equal(t, "NOT_FOUND", r.Code())
	}
	require.Equal(t, banners, e.count(`SELECT count(*) FROM banners`))
	require.Equal(t, events, e.count(`SELECT count(*) FROM outbox`))
	var title string
	require.NoError(t, e.d.DB.QueryRow(context.Background(), `SELECT title FROM banners WHERE id = $1`, existing.ID).Scan(&title))
	require.Equal(t, existing.Title, title, "a refused update leaves the banner as it was")

	// Storefront and list arguments.
	for _, c := range []struct{ q, field string }{
		{`{ activeBanners(placement: CATEGORY) { id } }`, "categoryId"},
		{`{ activeBanners(placement: CATEGORY, categoryId: "x") { id } }`, "categoryId"},
		{`{ activeBanners(placement: HOME_HERO, categoryId: "` + mobile + `") { id } }`, "categoryId"},
	} {
		r := e.do("", c.q, nil, nil)
		require.Equal(t, "BAD_USER_INPUT", r.Code(), c.q)
		require.Equal(t, c.field, r.Errors[0].Extensions["field"], c.q)
	}
	for _, c := range []struct{ q, field string }{
		{`{ banners(first: 0) { totalCount } }`, "first"},
		{`{ banners(first: 101) { totalCount } }`, "first"},
		{`{ banners(after: "garbage") { totalCount } }`, "after"},
	} {
		r := e.do(e.admin(), c.q, nil, nil)
		require.Equal(t, "BAD_USER_INPUT", r.Code(), c.q)
		require.Equal(t, c.field, r.Errors[0].Extensions["field"], c.q)
	}
}

// Updates change only the fields given; explicit nulls clear the clearable ones.
func TestAdmin_UpdatePartial(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	b := e.create(map[string]any{"placement": "CATEGORY", "categoryId": mobile})
	const updateQ = `mutation($id: ID!, $in: UpdateBannerInput!) { updateBanner(id: $id, input: $in) { banner { ` + bannerFields + ` } } }`
	var out struct{ UpdateBanner struct{ Banner Banner } }
	e.mustDo(e.admin(), updateQ, map[string]any{"id": b.ID, "in": map[string]any{
		"placement": "HOME_STRIP", "categoryId": nil, "subtitle": nil, "linkUrl": "https://www.purra.in/deals",
	}}, &out)
	got := out.UpdateBanner.Banner
	require.Equal(t, "HOME_STRIP", got.Placement)
	require.Nil(t, got.CategoryID)
	require.Nil(t, got.Subtitle)
	require.Equal(t, "https://www.purra.in/deals", got.LinkURL)
	require.Equal(t, b.Title, got.Title)
	require.Equal(t, b.Priority, got.Priority)
	require.True(t, got.StartsAt.Equal(b.StartsAt))
	require.True(t, got.EndsAt.Equal(b.EndsAt))
	require.True(t, got.CreatedAt.Equal(b.CreatedAt))
	require.False(t, got.UpdatedAt.Before(b.UpdatedAt))
}

// The admin list shows every banner, newest first, in pages, optionally
// by placement.
func TestAdmin_List(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	var made []string
	for i := range 5 {
		edits := map[string]any{"active": i != 1}
		if i == 2 {
			edits = with(edits, window(24*time.Hour, 48*time.Hour))
		}
		if i == 3 {
			edits["placement"] = "HOME_STRIP"
		}
		made = append(made, e.create(edits).ID)
	}
	const q = `query($f: Int, $a: String, $p: BannerPlacement) { banners(first: $f, after: $a, placement: $p) {
		totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`
	type page struct {
		Banners struct {
			TotalCount int
			PageInfo   struct {
				HasNextPage bool
				EndCursor   *string
			}
			Edges []struct {
				Cursor string
				Node   struct{ ID string }
			}
		}
	}
	var seen []string
	var after any
	for {
		var p page
		e.mustDo(e.admin(), q, map[string]any{"f": 2, "a": after}, &p)
		require.Equal(t, 5, p.Banners.TotalCount)
		for _, ed := range p.Banners.Edges {
			seen = append(seen, ed.Node.ID)
		}
		if !p.Banners.PageInfo.HasNextPage {
			break
		}
		after = *p.Banners.PageInfo.EndCursor
	}
	require.Equal(t, []string{made[4], made[3], made[2], made[1], made[0]}, seen, "newest first, inactive and scheduled included")

	var strip page
	e.mustDo(e.admin(), q, map[string]any{"p": "HOME_STRIP"}, &strip)
	require.Equal(t, 1, strip.Banners.TotalCount)
	require.Equal(t, made[3], strip.Banners.Edges[0].Node.ID)
	require.False(t, strip.Banners.PageInfo.HasNextPage)
}

// A DateTime the scalar cannot take is the client's mistake, named by field
// (the scalar is parsed in platform/scalar for every subgraph).
func TestAdmin_BadDateTimeValues(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	for _, bad := range []any{"-000001-01-01T00:00:00Z", "10000-01-01T00:00:00Z", "2026-13-01T00:00:00Z", "yesterday",
		strings.Repeat("9", 10<<10), 1.5, true, 12345, map[string]any{"a": 1}, ""} {
		r := e.do(e.admin(), createQ, map[string]any{"in": input(map[string]any{"startsAt": bad})}, nil)
		require.Equal(t, "BAD_USER_INPUT", r.Code(), "%v: %+v", bad, r.Errors)
		require.Equal(t, "input.startsAt", r.Errors[0].Extensions["field"], "%v", bad)
	}
}
