// Package app holds the banners' use cases: the cached storefront read,
// admin writes (one store transaction each, then cache invalidation) and
// who may see banners that are not live.
package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/cache"

	"github.com/purra/supergraph/subgraphs/banners/internal/banner"
	"github.com/purra/supergraph/subgraphs/banners/internal/store"
)

// App is the banners' use cases over the store and the cache.
type App struct {
	store *store.Store
	cache *cache.Cache
	// Now is the clock (tests may stop it).
	Now func() time.Time
	// ScheduleTTL bounds how long a placement's schedule stays in Redis;
	// writes invalidate it sooner, and reads filter it by the current time,
	// so a long TTL never shows a banner outside its window.
	ScheduleTTL time.Duration
	// RecheckAfter is when a write invalidates its keys a second time, so a
	// schedule read from Postgres just before the commit and cached just
	// after does not survive.
	RecheckAfter time.Duration
}

// New returns the use cases.
func New(st *store.Store, c *cache.Cache) *App {
	return &App{store: st, cache: c, Now: time.Now, ScheduleTTL: 5 * time.Minute, RecheckAfter: time.Second}
}

// ScheduleKey is the cache key of a placement's (and category's) schedule.
func ScheduleKey(p banner.Placement, categoryID string) string {
	if categoryID == "" {
		return "schedule:" + string(p)
	}
	return "schedule:" + string(p) + ":" + categoryID
}

// ActiveBanners returns the banners live now at a placement, in display
// order. The cache holds every active, not yet ended banner of the
// placement with its window; filtering by the time of the read makes a
// banner appear and disappear on time however long the entry is cached.
func (a *App) ActiveBanners(ctx context.Context, p banner.Placement, categoryID string) ([]banner.Banner, error) {
	// One spelling per category, or an upper-case key would escape invalidation.
	categoryID = strings.ToLower(categoryID)
	if err := banner.Target(p, categoryID); err != nil {
		return nil, err
	}
	schedule, err := cache.GetOrLoad(ctx, a.cache, ScheduleKey(p, categoryID), a.ScheduleTTL,
		func(ctx context.Context) ([]banner.Banner, error) {
			return a.store.Schedule(ctx, p, categoryID, a.Now())
		})
	if err != nil {
		return nil, err
	}
	return banner.Live(schedule, a.Now()), nil
}

// Create validates and stores a new banner (audited in the same transaction).
func (a *App) Create(ctx context.Context, b banner.Banner) (banner.Banner, error) {
	if err := b.Validate(); err != nil {
		return banner.Banner{}, err
	}
	id, err := uuid.NewV7()
	if err != nil {
		return banner.Banner{}, fmt.Errorf("banner id: %w", err)
	}
	now := a.Now().UTC().Truncate(time.Microsecond)
	b.ID, b.CreatedAt, b.UpdatedAt = id.String(), now, now
	if err := a.store.Create(ctx, b); err != nil {
		return banner.Banner{}, err
	}
	a.invalidate(ctx, b)
	return b, nil
}

// Update applies p to banner id; the result is validated as a whole before
// anything is written.
func (a *App) Update(ctx context.Context, id string, p banner.Patch) (banner.Banner, error) {
	if !banner.IsID(id) {
		return banner.Banner{}, store.ErrNotFound
	}
	before, after, err := a.store.Update(ctx, id, func(b banner.Banner) (banner.Banner, error) {
		next, err := p.Apply(b)
		if err != nil {
			return banner.Banner{}, err
		}
		next.UpdatedAt = a.Now().UTC().Truncate(time.Microsecond)
		return next, nil
	})
	if err != nil {
		return banner.Banner{}, err
	}
	a.invalidate(ctx, before, after)
	return after, nil
}

// Delete removes banner id.
func (a *App) Delete(ctx context.Context, id string) error {
	if !banner.IsID(id) {
		return store.ErrNotFound
	}
	b, err := a.store.Delete(ctx, id)
	if err != nil {
		return err
	}
	a.invalidate(ctx, b)
	return nil
}

// List is the admin list (the schema requires banners:write).
func (a *App) List(ctx context.Context, page banner.Page, p banner.Placement) ([]banner.Banner, bool, int, error) {
	return a.store.List(ctx, page, p)
}

// ByIDs resolves entity references in one query. Banners that are not live
// are visible only to admins holding banners:write (a scheduled campaign is
// not public before it starts); for anyone else they resolve to nothing.
func (a *App) ByIDs(ctx context.Context, ids []string) (map[string]banner.Banner, error) {
	valid := make([]string, 0, len(ids))
	for _, id := range ids {
		if banner.IsID(id) {
			valid = append(valid, id)
		}
	}
	if len(valid) == 0 {
		return map[string]banner.Banner{}, nil
	}
	found, err := a.store.ByIDs(ctx, valid)
	if err != nil {
		return nil, err
	}
	if id, ok := auth.From(ctx); ok && id.Has(banner.Permission) {
		return found, nil
	}
	now := a.Now()
	for k, b := range found {
		if !b.LiveAt(now) {
			delete(found, k)
		}
	}
	return found, nil
}

// invalidate drops the schedules the banners belong to (before and after a
// move), now and once more after RecheckAfter.
func (a *App) invalidate(ctx context.Context, bs ...banner.Banner) {
	keys := make([]string, 0, len(bs))
	for _, b := range bs {
		keys = append(keys, ScheduleKey(b.Placement, b.CategoryID))
	}
	a.cache.Delete(ctx, keys...)
	later := context.WithoutCancel(ctx)
	time.AfterFunc(a.RecheckAfter, func() { a.cache.Delete(later, keys...) })
}
