package app

import (
	"context"
	"encoding/base64"
	"strings"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/stores/internal/shop"
	"github.com/purra/supergraph/subgraphs/stores/internal/store"
)

// StoresByIDs returns the stores among ids in one query, whatever their
// status (entity references: an order keeps showing a suspended store's
// name). Malformed ids are not found.
func (a *App) StoresByIDs(ctx context.Context, ids []string) (map[string]shop.Store, error) {
	found, err := a.store.ByIDs(ctx, canonical(ids))
	if err != nil {
		return nil, err
	}
	// Keyed by the ids as given, so a non-canonical spelling still matches.
	out := make(map[string]shop.Store, len(found))
	for _, id := range ids {
		if c, ok := store.ParseID(id); ok {
			if st, ok := found[c]; ok {
				out[id] = st
			}
		}
	}
	return out, nil
}

// EntityStores returns the stores among ids for _entities. A service
// credential says who calls, not on whose behalf: a PENDING store (its GSTIN
// and pickup address not yet vetted) resolves only for its owner or an
// admin holding stores:approve. ACTIVE and SUSPENDED ones resolve for
// everybody, so orders keep showing a suspended store's name.
func (a *App) EntityStores(ctx context.Context, ids []string) (map[string]shop.Store, error) {
	found, err := a.StoresByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	for id, st := range found {
		if st.Status == shop.Pending && !MayManage(ctx, st.OwnerID) {
			delete(found, id)
		}
	}
	return found, nil
}

// StoresByOwners returns each owner's stores, oldest first, in one query.
// Callers decide who may see them (MayManage).
func (a *App) StoresByOwners(ctx context.Context, ownerIDs []string) (map[string][]shop.Store, error) {
	found, err := a.store.ByOwners(ctx, canonical(ownerIDs))
	if err != nil {
		return nil, err
	}
	out := make(map[string][]shop.Store, len(ownerIDs))
	for _, id := range ownerIDs {
		if c, ok := store.ParseID(id); ok {
			out[id] = found[c]
		}
	}
	return out, nil
}

// Store returns the store with id or slug (exactly one of them), or nil
// when there is none or the caller may not see it.
func (a *App) Store(ctx context.Context, id, slug *string) (*shop.Store, error) {
	if (id == nil) == (slug == nil) {
		return nil, errs.BadInput("id", "give exactly one of id and slug")
	}
	var st shop.Store
	var ok bool
	if id != nil {
		sid, valid := store.ParseID(*id)
		if !valid {
			return nil, nil
		}
		found, err := a.store.ByIDs(ctx, []string{sid})
		if err != nil {
			return nil, err
		}
		st, ok = found[sid]
	} else {
		if len(*slug) > shop.MaxSlugLen {
			return nil, nil
		}
		var err error
		if st, ok, err = a.store.BySlug(ctx, strings.ToLower(strings.TrimSpace(*slug))); err != nil {
			return nil, err
		}
	}
	if !ok || !visible(ctx, st) {
		return nil, nil
	}
	return &st, nil
}

// Page is one page of stores.
type Page struct {
	Stores      []shop.Store
	HasNextPage bool
	TotalCount  int
}

// Cursor is the opaque cursor of st in a page.
func Cursor(st shop.Store) string { return base64.RawURLEncoding.EncodeToString([]byte(st.ID)) }

func decodeCursor(c string) (string, error) {
	raw, err := base64.RawURLEncoding.DecodeString(c)
	id, ok := store.ParseID(string(raw))
	if len(c) > 100 || err != nil || !ok {
		return "", errs.BadInput("after", "is not a cursor of this list")
	}
	return id, nil
}

// Stores lists stores with status, newest first. ACTIVE is public; the
// others need stores:approve.
func (a *App) Stores(ctx context.Context, first int, after *string, status shop.Status) (Page, error) {
	if err := badFirst(first); err != nil {
		return Page{}, err
	}
	if !status.Valid() {
		return Page{}, errs.BadInput("status", "is not a store status")
	}
	if status != shop.Active {
		id, err := auth.Require(ctx)
		if err != nil {
			return Page{}, err
		}
		if !id.Has(AdminScope) {
			return Page{}, errs.Denied("listing " + string(status) + " stores requires " + AdminScope)
		}
	}
	var afterID string
	if after != nil && *after != "" {
		var err error
		if afterID, err = decodeCursor(*after); err != nil {
			return Page{}, err
		}
	}
	list, more, total, err := a.store.List(ctx, status, afterID, first)
	if err != nil {
		return Page{}, err
	}
	return Page{Stores: list, HasNextPage: more, TotalCount: total}, nil
}

// MyStores returns the caller's stores, oldest first.
func (a *App) MyStores(ctx context.Context) ([]shop.Store, error) {
	id, err := auth.Require(ctx)
	if err != nil {
		return nil, err
	}
	found, err := a.StoresByOwners(ctx, []string{id.Subject})
	if err != nil {
		return nil, err
	}
	return found[id.Subject], nil
}
