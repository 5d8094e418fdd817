// Package store is the only package that speaks SQL. It loads carts and
// wishlists whole (one query each, lines included), and saves the changes a
// domain method made in the same transaction that locked the row.
package store

import (
	"github.com/jackc/pgx/v5/pgxpool"
)

// Store reads and writes the cart database.
type Store struct {
	db *pgxpool.Pool
}

// New returns a store on db.
func New(db *pgxpool.Pool) *Store { return &Store{db: db} }
