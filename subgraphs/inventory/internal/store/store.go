// Package store is inventory's only SQL. Every write is one transaction that
// locks the reservation first (if any), then the stock rows in variant-id
// order — the same order in every transaction, so none of them deadlock —
// and appends its events to the outbox before committing.
package store

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/outbox"

	"github.com/purra/supergraph/subgraphs/inventory/internal/stock"
)

// Store reads and writes purra_inventory.
type Store struct {
	db      *pgxpool.Pool
	topic   string
	service string // names this subgraph in audit entries
}

// New returns a store whose events go to topic (inventory.events), on behalf of service.
func New(db *pgxpool.Pool, topic, service string) *Store {
	return &Store{db: db, topic: topic, service: service}
}

const levelCols = `variant_id::text, store_id::text, sku, on_hand, reserved, low_threshold, low_alerted`

func scanLevel(row pgx.Row) (stock.Level, error) {
	var l stock.Level
	err := row.Scan(&l.VariantID, &l.StoreID, &l.SKU, &l.OnHand, &l.Reserved, &l.LowThreshold, &l.LowAlerted)
	return l, err
}

// LevelsByIDs returns the levels of ids that exist, in one query. ids must be
// canonical UUIDs (stock.ParseID).
func (s *Store) LevelsByIDs(ctx context.Context, ids []string) (map[string]stock.Level, error) {
	out := make(map[string]stock.Level, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := s.db.Query(ctx, `SELECT `+levelCols+` FROM stock_levels WHERE variant_id = ANY($1::uuid[])`, ids)
	if err != nil {
		return nil, fmt.Errorf("stock levels: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		l, err := scanLevel(rows)
		if err != nil {
			return nil, fmt.Errorf("scan stock level: %w", err)
		}
		out[l.VariantID] = l
	}
	return out, rows.Err()
}

// Level returns the level of variant id, or false.
func (s *Store) Level(ctx context.Context, id string) (stock.Level, bool, error) {
	found, err := s.LevelsByIDs(ctx, []string{id})
	if err != nil {
		return stock.Level{}, false, err
	}
	l, ok := found[id]
	return l, ok, nil
}

// lockLevels locks the stock rows of ids in variant-id order (the sort runs
// below the row locks, so rows are locked in that order).
func lockLevels(ctx context.Context, tx pgx.Tx, ids []string) (map[string]stock.Level, error) {
	rows, err := tx.Query(ctx, `SELECT `+levelCols+` FROM stock_levels
		WHERE variant_id = ANY($1::uuid[]) ORDER BY variant_id FOR UPDATE`, ids)
	if err != nil {
		return nil, fmt.Errorf("lock stock levels: %w", err)
	}
	defer rows.Close()
	out := make(map[string]stock.Level, len(ids))
	for rows.Next() {
		l, err := scanLevel(rows)
		if err != nil {
			return nil, fmt.Errorf("scan stock level: %w", err)
		}
		out[l.VariantID] = l
	}
	return out, rows.Err()
}

// errGuard means a guarded update matched no row: the locked level and the
// table disagree, which the locks rule out. It is an internal error.
var errGuard = errors.New("stock update guard failed")

// apply merges changes per variant, applies them to the locked levels and
// writes them. The update keeps its own guard (available never below zero)
// besides the table's CHECKs. It returns the events of the transitions.
func apply(ctx context.Context, tx pgx.Tx, levels map[string]stock.Level, changes []stock.Change) ([]stock.Event, error) {
	net := map[string]stock.Change{}
	for _, c := range changes {
		n := net[c.VariantID]
		n.VariantID, n.OnHand, n.Reserved = c.VariantID, n.OnHand+c.OnHand, n.Reserved+c.Reserved
		net[c.VariantID] = n
	}
	var evs []stock.Event
	batch := &pgx.Batch{}
	for _, id := range slices.Sorted(maps.Keys(net)) {
		c := net[id]
		before, ok := levels[id]
		if !ok {
			return nil, fmt.Errorf("stock level %s not locked", id)
		}
		after, e, err := before.Apply(c)
		if err != nil {
			return nil, err
		}
		levels[id] = after
		evs = append(evs, e...)
		batch.Queue(`UPDATE stock_levels
			SET on_hand = on_hand + $2::int, reserved = reserved + $3::int, low_alerted = $4, updated_at = now()
			WHERE variant_id = $1 AND on_hand - reserved >= $3::int - $2::int`,
			id, c.OnHand, c.Reserved, after.LowAlerted).Exec(func(ct pgconn.CommandTag) error {
			if ct.RowsAffected() != 1 {
				return fmt.Errorf("%w for %s", errGuard, id)
			}
			return nil
		})
	}
	if err := tx.SendBatch(ctx, batch).Close(); err != nil {
		return nil, fmt.Errorf("update stock levels: %w", err)
	}
	return evs, nil
}

// appendEvents records evs in the outbox of tx, each keyed by its aggregate.
func (s *Store) appendEvents(ctx context.Context, tx pgx.Tx, actor string, evs ...stock.Event) error {
	msgs := make([]kafka.Message, 0, len(evs))
	for _, e := range evs {
		m, err := kafka.NewMessage(ctx, s.topic, e.AggregateID(), actor, e)
		if err != nil {
			return err
		}
		msgs = append(msgs, m)
	}
	return outbox.Append(ctx, tx, msgs...)
}
