package server_test

import (
	"context"
	"io"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/cache"
	"github.com/purra/supergraph/platform/service"
)

// A banner is shown only inside its window, and a window that opens or
// closes while the placement's schedule is cached is honoured on time,
// without any write invalidating the cache.
func TestActiveBanners_Window(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	live := e.create(window(-time.Hour, time.Hour))
	ended := e.create(window(-2*time.Hour, -time.Hour))
	future := e.create(window(time.Hour, 2*time.Hour))
	inactive := e.create(with(window(-time.Hour, time.Hour), map[string]any{"active": false}))
	opening := e.create(window(1500*time.Millisecond, time.Hour))
	closing := e.create(window(-time.Hour, 1500*time.Millisecond))
	time.Sleep(20 * time.Millisecond) // let the writes' second invalidation pass

	shown := e.active("HOME_HERO", "")
	require.ElementsMatch(t, []string{live.ID, closing.ID}, shown)
	for _, id := range []string{ended.ID, future.ID, inactive.ID, opening.ID} {
		require.NotContains(t, shown, id)
	}

	// From here on the schedule comes from Redis: no SQL at all.
	deadline := time.Now().Add(3 * time.Second)
	for {
		var out struct{ ActiveBanners []Banner }
		n := e.counted("", activeQ, activeVars("HOME_HERO", ""), &out)
		require.Zero(t, n, "the cached schedule is filtered by the clock, not reloaded")
		shown = ids(out.ActiveBanners)
		if slices.Contains(shown, opening.ID) && !slices.Contains(shown, closing.ID) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("window changes not honoured in time: %v", shown)
		}
		time.Sleep(100 * time.Millisecond)
	}
	require.ElementsMatch(t, []string{live.ID, opening.ID}, shown)
}

// Higher priority first, then newest; each placement and category shows
// only its own banners.
func TestActiveBanners_OrderAndPlacement(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	low := e.create(map[string]any{"priority": 10})
	oldHigh := e.create(map[string]any{"priority": 500})
	time.Sleep(5 * time.Millisecond)
	newHigh := e.create(map[string]any{"priority": 500})
	top := e.create(map[string]any{"priority": 1000})
	strip := e.create(map[string]any{"placement": "HOME_STRIP"})
	phones := e.create(map[string]any{"placement": "CATEGORY", "categoryId": mobile})
	e.create(map[string]any{"placement": "CATEGORY", "categoryId": "11111111-1111-4111-8111-111111111111"})

	require.Equal(t, []string{top.ID, newHigh.ID, oldHigh.ID, low.ID}, e.active("HOME_HERO", ""))
	require.Equal(t, []string{strip.ID}, e.active("HOME_STRIP", ""))
	require.Equal(t, []string{phones.ID}, e.active("CATEGORY", mobile))

	var out struct{ ActiveBanners []Banner }
	e.mustDo("", activeQ, activeVars("CATEGORY", mobile), &out)
	b := out.ActiveBanners[0]
	require.Equal(t, "CATEGORY", b.Placement)
	require.Equal(t, mobile, *b.CategoryID)
	require.Equal(t, "Up to 40% off", *b.Subtitle)
}

// The first read caches the placement's schedule; every change through the
// API invalidates it, so the next read shows the change at once.
func TestActiveBanners_CacheInvalidation(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	b := e.create(nil)
	time.Sleep(20 * time.Millisecond)
	require.Equal(t, []string{b.ID}, e.active("HOME_HERO", ""))

	// Cached: a change behind the API's back is not seen ...
	_, err := e.d.DB.Exec(context.Background(), `UPDATE banners SET title = 'Sneaky' WHERE id = $1`, b.ID)
	require.NoError(t, err)
	var out struct{ ActiveBanners []Banner }
	e.mustDo("", activeQ, activeVars("HOME_HERO", ""), &out)
	require.Equal(t, "Great Indian Electronics Sale", out.ActiveBanners[0].Title, "served from Redis")

	// ... a change through the API is.
	const updateQ = `mutation($id: ID!, $in: UpdateBannerInput!) { updateBanner(id: $id, input: $in) { banner { id title placement } } }`
	e.mustDo(e.admin(), updateQ, map[string]any{"id": b.ID, "in": map[string]any{"title": "Diwali Dhamaka"}}, nil)
	e.mustDo("", activeQ, activeVars("HOME_HERO", ""), &out)
	require.Equal(t, "Diwali Dhamaka", out.ActiveBanners[0].Title)

	// Moving a banner invalidates both placements.
	require.Empty(t, e.active("HOME_STRIP", ""))
	e.mustDo(e.admin(), updateQ, map[string]any{"id": b.ID, "in": map[string]any{"placement": "HOME_STRIP"}}, nil)
	require.Empty(t, e.active("HOME_HERO", ""))
	require.Equal(t, []string{b.ID}, e.active("HOME_STRIP", ""))

	// However the category id is spelled.
	c := e.create(map[string]any{"placement": "CATEGORY", "categoryId": strings.ToUpper(mobile)})
	require.Equal(t, []string{c.ID}, e.active("CATEGORY", strings.ToUpper(mobile)))
	e.mustDo(e.admin(), updateQ, map[string]any{"id": c.ID, "in": map[string]any{"title": "Phones"}}, nil)
	e.mustDo("", activeQ, activeVars("CATEGORY", strings.ToUpper(mobile)), &out)
	require.Equal(t, "Phones", out.ActiveBanners[0].Title)
	require.Equal(t, mobile, *out.ActiveBanners[0].CategoryID)

	// Deactivating and deleting too.
	e.mustDo(e.admin(), updateQ, map[string]any{"id": b.ID, "in": map[string]any{"active": false}}, nil)
	require.Empty(t, e.active("HOME_STRIP", ""))
	e.mustDo(e.admin(), `mutation($id: ID!) { deleteBanner(id: $id) { deletedBannerId } }`, map[string]any{"id": c.ID}, nil)
	require.Empty(t, e.active("CATEGORY", mobile))
}

// With Redis unreachable, the storefront and the admin still work (from
// Postgres) and answer quickly.
func TestActiveBanners_RedisDown(t *testing.T) {
	t.Parallel()
	e := newEnv(t, func(d *service.Deps) {
		rdb, err := cache.Connect("redis://127.0.0.1:1/0") // nothing listens there
		require.NoError(t, err)
		t.Cleanup(func() { _ = rdb.Close() })
		d.Cache = cache.New(rdb, "banners-down", slog.New(slog.NewTextHandler(io.Discard, nil)))
	})
	start := time.Now()
	b := e.create(nil)
	for range 10 {
		require.Equal(t, []string{b.ID}, e.active("HOME_HERO", ""))
	}
	const updateQ = `mutation($id: ID!) { updateBanner(id: $id, input: {active: false}) { banner { id } } }`
	e.mustDo(e.admin(), updateQ, map[string]any{"id": b.ID}, nil)
	require.Empty(t, e.active("HOME_HERO", ""))
	require.Less(t, time.Since(start), 3*time.Second)
}

// The router resolves Banner references in one call and one SQL query;
// banners that are not live resolve only for banner admins.
func TestEntities_OneQueryAndVisibility(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	a := e.create(nil)
	b := e.create(map[string]any{"placement": "HOME_STRIP"})
	scheduled := e.create(window(24*time.Hour, 48*time.Hour))
	reps := []map[string]any{
		{"__typename": "Banner", "id": a.ID},
		{"__typename": "Banner", "id": scheduled.ID},
		{"__typename": "Banner", "id": "01937a00-0000-7000-8000-00000000ffff"}, // unknown
		{"__typename": "Banner", "id": "not-a-uuid"},
		{"__typename": "Banner", "id": b.ID},
	}
	const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Banner { id title } } }`
	var out struct {
		Entities []*struct{ ID, Title string } `json:"_entities"`
	}
	require.EqualValues(t, 1, e.counted(e.admin(), q, map[string]any{"r": reps}, &out))
	require.Len(t, out.Entities, 5)
	require.Equal(t, a.ID, out.Entities[0].ID)
	require.Equal(t, scheduled.ID, out.Entities[1].ID, "admins see scheduled banners")
	require.Nil(t, out.Entities[2])
	require.Nil(t, out.Entities[3])
	require.Equal(t, b.ID, out.Entities[4].ID)

	require.EqualValues(t, 1, e.counted("", q, map[string]any{"r": reps}, &out))
	require.Equal(t, a.ID, out.Entities[0].ID)
	require.Nil(t, out.Entities[1], "a scheduled campaign is not public before it starts")
	require.Equal(t, b.ID, out.Entities[4].ID)
}
