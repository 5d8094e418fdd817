package store

import (
	"context"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/pg"

	"github.com/purra/supergraph/subgraphs/orders/internal/order"
)

const fulfilmentCols = `f.id, f.order_id, f.store_id, f.status, coalesce(f.tracking_number, ''), coalesce(f.carrier, ''),
	coalesce(f.cancellation_reason, ''), f.shipped_at, f.delivered_at, f.created_at, f.updated_at`

func scanFulfilment(row pgx.Row) (*order.Fulfilment, error) {
	var f order.Fulfilment
	err := row.Scan(&f.ID, &f.OrderID, &f.StoreID, &f.Status, &f.TrackingNumber, &f.Carrier, &f.CancellationReason,
		&f.ShippedAt, &f.DeliveredAt, &f.CreatedAt, &f.UpdatedAt)
	if err != nil {
		return nil, err
	}
	f.ShippedAt, f.DeliveredAt = utc(f.ShippedAt), utc(f.DeliveredAt)
	f.CreatedAt, f.UpdatedAt = f.CreatedAt.UTC(), f.UpdatedAt.UTC()
	return &f, nil
}

// fulfilmentsOf reads the fulfilments of orders ids, each order's by store id
// (the order of Order.StoreIDs).
func fulfilmentsOf(ctx context.Context, q querier, ids []string) (map[string][]*order.Fulfilment, error) {
	rows, err := q.Query(ctx, `SELECT `+fulfilmentCols+` FROM fulfilments f WHERE f.order_id = ANY($1::uuid[])
		ORDER BY f.order_id, f.store_id`, ids)
	if err != nil {
		return nil, fmt.Errorf("fulfilments: %w", err)
	}
	defer rows.Close()
	out := make(map[string][]*order.Fulfilment, len(ids))
	for rows.Next() {
		f, err := scanFulfilment(rows)
		if err != nil {
			return nil, fmt.Errorf("scan fulfilment: %w", err)
		}
		out[f.OrderID] = append(out[f.OrderID], f)
	}
	return out, rows.Err()
}

// FulfilmentsByOrderIDs returns each order's fulfilments in one query.
func (s *Store) FulfilmentsByOrderIDs(ctx context.Context, ids []string) (map[string][]*order.Fulfilment, error) {
	return fulfilmentsOf(ctx, s.db, uuids(ids))
}

// FulfilmentByID returns fulfilment id, nil when there is none.
func (s *Store) FulfilmentByID(ctx context.Context, id string) (*order.Fulfilment, error) {
	if len(uuids([]string{id})) == 0 {
		return nil, nil
	}
	f, err := scanFulfilment(s.db.QueryRow(ctx, `SELECT `+fulfilmentCols+` FROM fulfilments f WHERE f.id = $1`, id))
	if pg.IsNoRows(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("fulfilment %s: %w", id, err)
	}
	return f, nil
}

// FulfilmentHistory returns each fulfilment's status history, oldest first, in one query.
func (s *Store) FulfilmentHistory(ctx context.Context, ids []string) (map[string][]order.FulfilmentChange, error) {
	rows, err := s.db.Query(ctx, `SELECT fulfilment_id, coalesce(from_status, ''), to_status, coalesce(note, ''), at
		FROM fulfilment_status_history WHERE fulfilment_id = ANY($1::uuid[]) ORDER BY fulfilment_id, id`, uuids(ids))
	if err != nil {
		return nil, fmt.Errorf("fulfilment history: %w", err)
	}
	defer rows.Close()
	out := make(map[string][]order.FulfilmentChange, len(ids))
	for rows.Next() {
		var c order.FulfilmentChange
		if err := rows.Scan(&c.FulfilmentID, &c.From, &c.To, &c.Note, &c.At); err != nil {
			return nil, fmt.Errorf("scan fulfilment history: %w", err)
		}
		c.At = c.At.UTC()
		out[c.FulfilmentID] = append(out[c.FulfilmentID], c)
	}
	return out, rows.Err()
}

// FulfilmentFilter selects the fulfilments of some stores, optionally in one status.
type FulfilmentFilter struct {
	StoreIDs []string
	Status   order.FulfilmentStatus
}

// ListFulfilments returns one page of the filter's fulfilments, newest
// first (ids are UUID v7), and how many match in all.
func (s *Store) ListFulfilments(ctx context.Context, f FulfilmentFilter, p order.Page) ([]*order.Fulfilment, int, bool, error) {
	var total int
	if err := s.db.QueryRow(ctx, `SELECT count(*) FROM fulfilments f WHERE f.store_id = ANY($1::uuid[])
		AND ($2 = '' OR f.status = $2)`, f.StoreIDs, string(f.Status)).Scan(&total); err != nil {
		return nil, 0, false, fmt.Errorf("count fulfilments: %w", err)
	}
	var after *string
	if p.After != "" {
		after = &p.After
	}
	rows, err := s.db.Query(ctx, `SELECT `+fulfilmentCols+` FROM fulfilments f WHERE f.store_id = ANY($1::uuid[])
		AND ($2 = '' OR f.status = $2) AND ($3::uuid IS NULL OR f.id < $3::uuid) ORDER BY f.id DESC LIMIT $4`,
		f.StoreIDs, string(f.Status), after, p.First+1)
	if err != nil {
		return nil, 0, false, fmt.Errorf("list fulfilments: %w", err)
	}
	defer rows.Close()
	var out []*order.Fulfilment
	for rows.Next() {
		fl, err := scanFulfilment(rows)
		if err != nil {
			return nil, 0, false, fmt.Errorf("scan fulfilment: %w", err)
		}
		out = append(out, fl)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, false, err
	}
	more := len(out) > p.First
	if more {
		out = out[:p.First]
	}
	return out, total, more, nil
}

// insertFulfilments writes a new order's fulfilments (ids assigned here,
// UUID v7 so that lists sort newest first) and their first history entries.
func insertFulfilments(ctx context.Context, tx pgx.Tx, o *order.Order, actor string) error {
	batch := &pgx.Batch{}
	for _, f := range o.Fulfilments {
		id, err := uuid.NewV7()
		if err != nil {
			return err
		}
		f.ID, f.OrderID = id.String(), o.ID
		// Written as created (PENDING); the moves recorded since (COD's
		// confirmation) are saved by saveFulfilmentChanges like any other.
		batch.Queue(`INSERT INTO fulfilments (id, order_id, store_id, status, created_at, updated_at)
			VALUES ($1, $2, $3, 'PENDING', $4, $4)`, f.ID, o.ID, f.StoreID, f.CreatedAt)
		batch.Queue(`INSERT INTO fulfilment_status_history (fulfilment_id, from_status, to_status, actor, at)
			VALUES ($1, NULL, 'PENDING', nullif($2, ''), $3)`, f.ID, actor, f.CreatedAt)
	}
	if err := tx.SendBatch(ctx, batch).Close(); err != nil {
		return fmt.Errorf("order %s fulfilments: %w", o.ID, err)
	}
	return nil
}

// saveFulfilmentChanges writes the fulfilments o's recorded moves touched,
// their history and order.fulfilment_changed for each, in tx.
func (s *Store) saveFulfilmentChanges(ctx context.Context, tx pgx.Tx, o *order.Order, actor string) error {
	changes := o.FulfilmentChanges()
	if len(changes) == 0 {
		return nil
	}
	batch := &pgx.Batch{}
	saved := map[string]bool{}
	for _, c := range changes {
		f := o.FulfilmentOf(c.StoreID)
		if f == nil {
			return fmt.Errorf("order %s: change of an unknown fulfilment (store %s)", o.ID, c.StoreID)
		}
		batch.Queue(`INSERT INTO fulfilment_status_history (fulfilment_id, from_status, to_status, note, actor, at)
			VALUES ($1, $2, $3, nullif($4, ''), nullif($5, ''), $6)`, f.ID, c.From, c.To, c.Note, actor, c.At)
		if saved[f.ID] {
			continue
		}
		saved[f.ID] = true
		batch.Queue(`UPDATE fulfilments SET status = $2, tracking_number = nullif($3, ''), carrier = nullif($4, ''),
			cancellation_reason = nullif($5, ''), shipped_at = $6, delivered_at = $7, updated_at = $8 WHERE id = $1`,
			f.ID, f.Status, f.TrackingNumber, f.Carrier, f.CancellationReason, f.ShippedAt, f.DeliveredAt, f.UpdatedAt)
	}
	if err := tx.SendBatch(ctx, batch).Close(); err != nil {
		return fmt.Errorf("order %s fulfilment changes: %w", o.ID, err)
	}
	evs := make([]kafka.Event, 0, len(changes))
	for _, e := range o.FulfilmentChangedEvents() {
		evs = append(evs, e)
	}
	return s.appendEvents(ctx, tx, o.ID, actor, evs...)
}
