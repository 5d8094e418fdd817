// Package store is the only package that speaks SQL. It loads and saves the
// promotions domain types, translates driver errors into domain errors once,
// and appends events to the outbox in the same transaction as the change
// they describe.
package store

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/outbox"
)

// Store reads and writes purra_promotions.
type Store struct {
	db      *pgxpool.Pool
	topic   string
	service string // names this subgraph in audit entries
}

// New returns a store whose events go to topic, on behalf of service.
func New(db *pgxpool.Pool, topic, service string) *Store {
	return &Store{db: db, topic: topic, service: service}
}

// event is one event for the outbox, keyed by its aggregate.
type event struct {
	key string
	e   kafka.Event
}

// appendEvents records evs in tx, caused by actor ("" for the system).
func (s *Store) appendEvents(ctx context.Context, tx pgx.Tx, actor string, evs ...event) error {
	msgs := make([]kafka.Message, 0, len(evs))
	for _, ev := range evs {
		m, err := kafka.NewMessage(ctx, s.topic, ev.key, actor, ev.e)
		if err != nil {
			return err
		}
		msgs = append(msgs, m)
	}
	return outbox.Append(ctx, tx, msgs...)
}

type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// collect runs a query and scans every row with scan.
func collect[T any](ctx context.Context, q querier, sql string, scan func(pgx.Row) (T, error), args ...any) ([]T, error) {
	rows, err := q.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (T, error) { return scan(r) })
}

// nullable maps "" (anonymous caller) to NULL, which matches no uuid.
func nullable(id string) *string {
	if id == "" {
		return nil
	}
	return &id
}
