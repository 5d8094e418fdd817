// Package store is the stores subgraph's only SQL. Every write is one
// transaction that locks what it changes, checks, writes and appends its
// events (and, for admins, the audit entry) to the outbox before committing.
package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/outbox"

	"github.com/purra/supergraph/subgraphs/stores/internal/shop"
)

// Store reads and writes purra_stores.
type Store struct {
	db      *pgxpool.Pool
	topic   string
	service string
}

// New returns a store whose events go to topic (stores.events); service
// names the subgraph in audit entries.
func New(db *pgxpool.Pool, topic, service string) *Store {
	return &Store{db: db, topic: topic, service: service}
}

const storeCols = `id::text, owner_id::text, name, slug, description, logo_url, gstin,
	pickup_line1, pickup_line2, pickup_city, pickup_state, pickup_pin_code,
	status, suspension_reason, created_at, updated_at`

func scanStore(row pgx.Row) (shop.Store, error) {
	var s shop.Store
	err := row.Scan(&s.ID, &s.OwnerID, &s.Name, &s.Slug, &s.Description, &s.LogoURL, &s.GSTIN,
		&s.Pickup.Line1, &s.Pickup.Line2, &s.Pickup.City, &s.Pickup.State, &s.Pickup.PinCode,
		&s.Status, &s.SuspensionReason, &s.CreatedAt, &s.UpdatedAt)
	return s, err
}

func collect(rows pgx.Rows, err error) ([]shop.Store, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []shop.Store
	for rows.Next() {
		s, err := scanStore(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// ParseID returns the canonical form of a UUID id, or false.
func ParseID(id string) (string, bool) {
	if len(id) > 64 {
		return "", false
	}
	u, err := uuid.Parse(id)
	if err != nil {
		return "", false
	}
	return u.String(), true
}

// ByIDs returns the stores among ids (canonical UUIDs) in one query.
func (s *Store) ByIDs(ctx context.Context, ids []string) (map[string]shop.Store, error) {
	out := make(map[string]shop.Store, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	list, err := collect(s.db.Query(ctx, `SELECT `+storeCols+` FROM stores WHERE id = ANY($1::uuid[])`, ids))
	if err != nil {
		return nil, fmt.Errorf("stores by ids: %w", err)
	}
	for _, st := range list {
		out[st.ID] = st
	}
	return out, nil
}

// BySlug returns the store with slug, or false.
func (s *Store) BySlug(ctx context.Context, slug string) (shop.Store, bool, error) {
	st, err := scanStore(s.db.QueryRow(ctx, `SELECT `+storeCols+` FROM stores WHERE slug = $1`, slug))
	if errors.Is(err, pgx.ErrNoRows) {
		return shop.Store{}, false, nil
	}
	if err != nil {
		return shop.Store{}, false, fmt.Errorf("store by slug: %w", err)
	}
	return st, true, nil
}

// ByOwners returns the stores of each owner in ownerIDs (canonical UUIDs),
// oldest first, in one query.
func (s *Store) ByOwners(ctx context.Context, ownerIDs []string) (map[string][]shop.Store, error) {
	out := make(map[string][]shop.Store, len(ownerIDs))
	if len(ownerIDs) == 0 {
		return out, nil
	}
	list, err := collect(s.db.Query(ctx, `SELECT `+storeCols+` FROM stores
		WHERE owner_id = ANY($1::uuid[]) ORDER BY owner_id, id`, ownerIDs))
	if err != nil {
		return nil, fmt.Errorf("stores by owners: %w", err)
	}
	for _, st := range list {
		out[st.OwnerID] = append(out[st.OwnerID], st)
	}
	return out, nil
}

// List returns up to first stores with status, newest first, after the
// store with id after ("" for the first page), whether more follow, and
// how many there are in all.
func (s *Store) List(ctx context.Context, status shop.Status, after string, first int) ([]shop.Store, bool, int, error) {
	var afterID *string
	if after != "" {
		afterID = &after
	}
	list, err := collect(s.db.Query(ctx, `SELECT `+storeCols+` FROM stores
		WHERE status = $1 AND ($2::uuid IS NULL OR id < $2::uuid) ORDER BY id DESC LIMIT $3`,
		status, afterID, first+1))
	if err != nil {
		return nil, false, 0, fmt.Errorf("list stores: %w", err)
	}
	var total int
	if err := s.db.QueryRow(ctx, `SELECT count(*) FROM stores WHERE status = $1`, status).Scan(&total); err != nil {
		return nil, false, 0, fmt.Errorf("count stores: %w", err)
	}
	more := len(list) > first
	if more {
		list = list[:first]
	}
	return list, more, total, nil
}

// append records events for storeID in tx, caused by actor.
func (s *Store) append(ctx context.Context, tx pgx.Tx, storeID, actor string, events ...kafka.Event) error {
	msgs := make([]kafka.Message, 0, len(events))
	for _, e := range events {
		m, err := kafka.NewMessage(ctx, s.topic, storeID, actor, e)
		if err != nil {
			return err
		}
		msgs = append(msgs, m)
	}
	return outbox.Append(ctx, tx, msgs...)
}

// lock loads store id FOR UPDATE in tx.
func lock(ctx context.Context, tx pgx.Tx, id string) (shop.Store, error) {
	st, err := scanStore(tx.QueryRow(ctx, `SELECT `+storeCols+` FROM stores WHERE id = $1 FOR UPDATE`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return st, shop.ErrNotFound
	}
	if err != nil {
		return st, fmt.Errorf("lock store %s: %w", id, err)
	}
	return st, nil
}
