// Package store is the only package with SQL: recipients, orders, templates,
// notifications and bulk jobs in the notifications database.
package store

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Q is what a query runs on: the pool, or a transaction (an event
// consumer's, so its effect commits with the dedupe mark).
type Q interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// Store reads and writes the notifications database.
type Store struct {
	DB *pgxpool.Pool
}

// New returns a store on db.
func New(db *pgxpool.Pool) *Store { return &Store{DB: db} }

// InTx runs fn in one transaction.
func (s *Store) InTx(ctx context.Context, fn func(tx pgx.Tx) error) error {
	return pgx.BeginFunc(ctx, s.DB, fn)
}
