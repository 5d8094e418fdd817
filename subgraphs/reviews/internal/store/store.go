// Package store is the only package that speaks SQL. Writes happen in a Tx
// (InTx) whose methods lock, save, roll up and append events to the outbox
// in one transaction; reads batch (one query for many products).
package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/outbox"
	"github.com/purra/supergraph/platform/pg"

	"github.com/purra/supergraph/subgraphs/reviews/internal/review"
)

// Store reads and writes the reviews database.
type Store struct {
	db    *pgxpool.Pool
	topic string
}

// New returns a store on db publishing to topic (reviews.events).
func New(db *pgxpool.Pool, topic string) *Store { return &Store{db: db, topic: topic} }

// Tx is one write transaction.
type Tx struct {
	tx    pgx.Tx
	topic string
}

// Pgx is the underlying transaction, for audit.Record.
func (t *Tx) Pgx() pgx.Tx { return t.tx }

// InTx runs fn in a transaction, committed when fn returns nil.
func (s *Store) InTx(ctx context.Context, fn func(tx *Tx) error) error {
	return pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		return fn(&Tx{tx: tx, topic: s.topic})
	})
}

const reviewColumns = `id, product_id, user_id, rating, title, body, status, rejection_reason, verified, created_at, updated_at`

func scanReview(row pgx.Row) (review.Review, error) {
	var r review.Review
	var status string
	err := row.Scan(&r.ID, &r.ProductID, &r.UserID, &r.Rating, &r.Title, &r.Text, &status,
		&r.RejectionReason, &r.Verified, &r.CreatedAt, &r.UpdatedAt)
	r.Status = review.Status(status)
	return r, err
}

func collect(rows pgx.Rows, err error) ([]review.Review, error) {
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (review.Review, error) { return scanReview(row) })
}

// Lock loads review id for update; review.ErrNotFound when there is none.
func (t *Tx) Lock(ctx context.Context, id string) (review.Review, error) {
	r, err := scanReview(t.tx.QueryRow(ctx, `SELECT `+reviewColumns+` FROM reviews WHERE id = $1 FOR UPDATE`, id))
	if pg.IsNoRows(err) {
		return r, review.ErrNotFound
	}
	if err != nil {
		return r, fmt.Errorf("lock review: %w", err)
	}
	return r, nil
}

// Insert adds r; review.ErrAlreadyReviewed when its author reviewed the product already.
func (t *Tx) Insert(ctx context.Context, r review.Review) error {
	_, err := t.tx.Exec(ctx, `INSERT INTO reviews (`+reviewColumns+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
		r.ID, r.ProductID, r.UserID, r.Rating, r.Title, r.Text, string(r.Status), r.RejectionReason, r.Verified, r.CreatedAt, r.UpdatedAt)
	if pg.IsUniqueViolation(err, "reviews_one_per_user_product") {
		return review.ErrAlreadyReviewed
	}
	if err != nil {
		return fmt.Errorf("insert review: %w", err)
	}
	return nil
}

// Save writes r's content and status.
func (t *Tx) Save(ctx context.Context, r review.Review) error {
	_, err := t.tx.Exec(ctx, `UPDATE reviews SET rating = $2, title = $3, body = $4, status = $5,
		rejection_reason = $6, updated_at = $7 WHERE id = $1`,
		r.ID, r.Rating, r.Title, r.Text, string(r.Status), r.RejectionReason, r.UpdatedAt)
	if err != nil {
		return fmt.Errorf("save review: %w", err)
	}
	return nil
}

// Delete removes review id.
func (t *Tx) Delete(ctx context.Context, id string) error {
	if _, err := t.tx.Exec(ctx, `DELETE FROM reviews WHERE id = $1`, id); err != nil {
		return fmt.Errorf("delete review: %w", err)
	}
	return nil
}

// AddToRating applies d to the product's rollup and returns the new rollup.
// The upsert locks the product's row until commit, so concurrent changes to
// one product apply (and publish their rating) one after the other.
func (t *Tx) AddToRating(ctx context.Context, productID string, d review.Delta) (review.Rating, error) {
	r := review.Rating{ProductID: productID}
	s := &r.Stars
	err := t.tx.QueryRow(ctx, `INSERT INTO product_ratings AS p (product_id, stars1, stars2, stars3, stars4, stars5, updated_at)
		VALUES ($1, greatest($2, 0), greatest($3, 0), greatest($4, 0), greatest($5, 0), greatest($6, 0), now())
		ON CONFLICT (product_id) DO UPDATE SET
			stars1 = p.stars1 + $2, stars2 = p.stars2 + $3, stars3 = p.stars3 + $4,
			stars4 = p.stars4 + $5, stars5 = p.stars5 + $6, updated_at = now()
		RETURNING stars1, stars2, stars3, stars4, stars5`,
		productID, d[0], d[1], d[2], d[3], d[4]).Scan(&s[0], &s[1], &s[2], &s[3], &s[4])
	if err != nil {
		return r, fmt.Errorf("update rating of %s: %w", productID, err)
	}
	return r, nil
}

// Publish appends events keyed by aggregateID to the outbox.
func (t *Tx) Publish(ctx context.Context, aggregateID, actor string, events ...kafka.Event) error {
	msgs := make([]kafka.Message, 0, len(events))
	for _, e := range events {
		m, err := kafka.NewMessage(ctx, t.topic, aggregateID, actor, e)
		if err != nil {
			return err
		}
		msgs = append(msgs, m)
	}
	return outbox.Append(ctx, t.tx, msgs...)
}

// Review returns review id; review.ErrNotFound when there is none.
func (s *Store) Review(ctx context.Context, id string) (review.Review, error) {
	r, err := scanReview(s.db.QueryRow(ctx, `SELECT `+reviewColumns+` FROM reviews WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return r, review.ErrNotFound
	}
	if err != nil {
		return r, fmt.Errorf("load review: %w", err)
	}
	return r, nil
}
