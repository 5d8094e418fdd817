package store

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/audit"
	"github.com/purra/supergraph/platform/pg"

	"github.com/purra/supergraph/subgraphs/stores/internal/shop"
)

const slugConstraint = "stores_slug_key"

// Build makes the new store from its owner's approved record; it validates
// and writes nothing. slugGiven: the client chose the slug (taken: CONFLICT).
type Build func(owner shop.Owner) (st shop.Store, slugGiven bool, err error)

// Create opens a store for the owner userID: under a lock on the owner's
// projection row (so the approval cannot be revoked meanwhile and two
// concurrent creations count each other), it checks the approval and the
// per-owner limit, inserts the store built by build with a free slug, and
// appends store.created.
func (s *Store) Create(ctx context.Context, userID string, build Build) (shop.Store, error) {
	var st shop.Store
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		o, ok, err := owner(ctx, tx, userID, " FOR UPDATE")
		if err != nil {
			return err
		}
		if !ok || !o.Approved {
			return shop.ErrOwnerNotApproved
		}
		var slugGiven bool
		if st, slugGiven, err = build(o); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM stores WHERE owner_id = $1`, userID).Scan(&n); err != nil {
			return fmt.Errorf("count stores: %w", err)
		}
		if n >= shop.MaxStoresPerOwner {
			return shop.ErrStoreLimit
		}
		if st.Slug, err = insertWithSlug(ctx, tx, st, slugGiven); err != nil {
			return err
		}
		return s.append(ctx, tx, st.ID, userID, shop.CreatedEvent(st))
	})
	return st, err
}

// insertWithSlug inserts st. A chosen slug that is taken is ErrSlugTaken; a
// derived one gets the first free suffix, retried (in a savepoint) if
// another store takes it at the same moment.
func insertWithSlug(ctx context.Context, tx pgx.Tx, st shop.Store, slugGiven bool) (string, error) {
	base := st.Slug
	for attempt := 0; ; attempt++ {
		if !slugGiven {
			free, err := freeSlug(ctx, tx, base)
			if err != nil {
				return "", err
			}
			st.Slug = free
		}
		err := pgx.BeginFunc(ctx, tx, func(sp pgx.Tx) error { return insert(ctx, sp, st) })
		switch {
		case err == nil:
			return st.Slug, nil
		case !pg.IsUniqueViolation(err, slugConstraint):
			return "", err
		case slugGiven || attempt >= 4:
			return "", shop.ErrSlugTaken
		}
	}
}

// freeSlug returns base, or base-N with the smallest N ≥ 2 not taken.
func freeSlug(ctx context.Context, tx pgx.Tx, base string) (string, error) {
	// base is [a-z0-9-] only, so it is safe inside the pattern.
	rows, err := tx.Query(ctx, `SELECT slug FROM stores WHERE slug ~ $1`, "^"+regexp.QuoteMeta(base)+"(-[0-9]+)?$")
	if err != nil {
		return "", fmt.Errorf("slugs like %s: %w", base, err)
	}
	taken, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return "", fmt.Errorf("slugs like %s: %w", base, err)
	}
	set := make(map[string]bool, len(taken))
	for _, t := range taken {
		set[t] = true
	}
	if !set[base] {
		return base, nil
	}
	for n := 2; ; n++ {
		if c := base + "-" + strconv.Itoa(n); !set[c] {
			return c, nil
		}
	}
}

func insert(ctx context.Context, tx pgx.Tx, st shop.Store) error {
	_, err := tx.Exec(ctx, `INSERT INTO stores (id, owner_id, name, slug, description, logo_url, gstin,
			pickup_line1, pickup_line2, pickup_city, pickup_state, pickup_pin_code,
			status, suspension_reason, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
		st.ID, st.OwnerID, st.Name, st.Slug, st.Description, st.LogoURL, st.GSTIN,
		st.Pickup.Line1, st.Pickup.Line2, st.Pickup.City, st.Pickup.State, st.Pickup.PinCode,
		st.Status, st.SuspensionReason, st.CreatedAt, st.UpdatedAt)
	if err != nil && !pg.IsUniqueViolation(err, slugConstraint) {
		return fmt.Errorf("insert store %s: %w", st.ID, err)
	}
	return err
}

func save(ctx context.Context, tx pgx.Tx, st shop.Store) error {
	_, err := tx.Exec(ctx, `UPDATE stores SET name = $2, slug = $3, description = $4, logo_url = $5, gstin = $6,
			pickup_line1 = $7, pickup_line2 = $8, pickup_city = $9, pickup_state = $10, pickup_pin_code = $11,
			status = $12, suspension_reason = $13, updated_at = $14
		WHERE id = $1`,
		st.ID, st.Name, st.Slug, st.Description, st.LogoURL, st.GSTIN,
		st.Pickup.Line1, st.Pickup.Line2, st.Pickup.City, st.Pickup.State, st.Pickup.PinCode,
		st.Status, st.SuspensionReason, st.UpdatedAt)
	if pg.IsUniqueViolation(err, slugConstraint) {
		return shop.ErrSlugTaken
	}
	if err != nil {
		return fmt.Errorf("save store %s: %w", st.ID, err)
	}
	return nil
}

// Change is an owner's edit: it checks who asks and applies the change to
// st (owner is the store owner's approved record), reporting whether
// anything changed.
type Change func(st *shop.Store, owner shop.Owner) (changed bool, err error)

// Update locks store id, applies change and, if anything changed, saves it
// and appends store.updated, all in one transaction.
func (s *Store) Update(ctx context.Context, id, actor string, change Change) (shop.Store, error) {
	var st shop.Store
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var err error
		if st, err = lock(ctx, tx, id); err != nil {
			return err
		}
		o, _, err := owner(ctx, tx, st.OwnerID, "")
		if err != nil {
			return err
		}
		o.UserID = st.OwnerID
		changed, err := change(&st, o)
		if err != nil || !changed {
			return err
		}
		if err := save(ctx, tx, st); err != nil {
			return err
		}
		return s.append(ctx, tx, st.ID, actor, shop.UpdatedEvent(st))
	})
	return st, err
}

// Transition is an admin's status change of a store, audited under
// permission as action (e.g. "store.approve").
type Transition struct {
	Permission, Action string
	Apply              func(st *shop.Store) error
}

// statusSummary is what the audit log keeps of a store before and after.
type statusSummary struct {
	Status           shop.Status `json:"status"`
	SuspensionReason string      `json:"suspensionReason,omitempty"`
}

// Transition locks store id, applies t, saves it and appends
// store.status_changed and the admin's audit entry, in one transaction.
func (s *Store) Transition(ctx context.Context, id, actor string, t Transition) (shop.Store, error) {
	var st shop.Store
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var err error
		if st, err = lock(ctx, tx, id); err != nil {
			return err
		}
		before := st
		if err := t.Apply(&st); err != nil {
			return err
		}
		if err := save(ctx, tx, st); err != nil {
			return err
		}
		if err := s.append(ctx, tx, st.ID, actor, shop.StatusChangedEvent(st, before.Status)); err != nil {
			return err
		}
		return audit.Record(ctx, tx, s.topic, s.service, audit.Entry{
			Permission: t.Permission, Action: t.Action, TargetType: "Store", TargetID: st.ID,
			Before: statusSummary{before.Status, before.SuspensionReason},
			After:  statusSummary{st.Status, st.SuspensionReason},
		})
	})
	return st, err
}

// Seed inserts st with its owner's projection row and store.created, unless
// a store with its id exists (then nothing is written: false).
func (s *Store) Seed(ctx context.Context, st shop.Store, o shop.Owner) (bool, error) {
	created := false
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		if err := s.SeedOwner(ctx, tx, o, st.CreatedAt); err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, `SELECT 1 FROM stores WHERE id = $1`, st.ID)
		if err != nil {
			return fmt.Errorf("seed store lookup: %w", err)
		}
		if tag.RowsAffected() > 0 {
			return nil
		}
		if err := insert(ctx, tx, st); err != nil {
			if errors.Is(err, shop.ErrSlugTaken) || pg.IsUniqueViolation(err, slugConstraint) {
				return fmt.Errorf("seed store %s: slug %s taken by another store", st.ID, st.Slug)
			}
			return err
		}
		created = true
		return s.append(ctx, tx, st.ID, "", shop.CreatedEvent(st))
	})
	return created, err
}
