// Package store is the only package that speaks SQL. It loads and saves the
// user domain types in the users database, translates driver errors into
// domain errors once, and appends events to the outbox in the same
// transaction as the change they describe.
package store

import (
	"github.com/jackc/pgx/v5/pgxpool"
)

// Store reads and writes the users database.
type Store struct {
	db *pgxpool.Pool
}

// New returns a store on db.
func New(db *pgxpool.Pool) *Store { return &Store{db: db} }
