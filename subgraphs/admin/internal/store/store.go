// Package store is the only package that speaks SQL. It loads and saves the
// admin domain types, translates driver errors into domain errors once, and
// writes each change's audit entry and events in the change's transaction.
package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/purra/supergraph/platform/audit"
	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/outbox"
	"github.com/purra/supergraph/subgraphs/admin/internal/admin"
)

// Store reads and writes the admin database.
type Store struct {
	db      *pgxpool.Pool
	topic   string // admin.events
	service string // "admin", as recorded in audit entries
}

// New returns a store on db whose audit entries and events go to topic.
func New(db *pgxpool.Pool, topic, service string) *Store {
	return &Store{db: db, topic: topic, service: service}
}

// Change is what a transactional change writes besides the row: its audit
// entry (nil when the change is a no-op) and events.
type Change struct {
	Audit  *audit.Entry
	Events []kafka.Message
}

// commit writes c in tx.
func (s *Store) commit(ctx context.Context, tx pgx.Tx, c Change) error {
	if c.Audit != nil {
		if err := audit.Record(ctx, tx, s.topic, s.service, *c.Audit); err != nil {
			return fmt.Errorf("audit: %w", err)
		}
	}
	return outbox.Append(ctx, tx, c.Events...)
}

// Revoker makes sessions' tokens stop working everywhere (Redis). It runs
// inside the transaction that marks them revoked, so a failure rolls the
// revocation back rather than leaving live tokens of a "revoked" session.
type Revoker func(ctx context.Context, sessionIDs []string) error

// adminLock serialises changes that could take admins:manage from the last
// active admin holding it (two concurrent demotions would each see the other).
const adminLock = 7421012

func lockAdministration(ctx context.Context, tx pgx.Tx) error {
	_, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, adminLock)
	return err
}

// requireManager fails with admin.ErrLastManager unless an active admin
// still holds admins:manage in tx.
func requireManager(ctx context.Context, tx pgx.Tx) error {
	var ok bool
	err := tx.QueryRow(ctx, `SELECT EXISTS (
		SELECT 1 FROM admin_users u
		JOIN admin_user_roles ur ON ur.admin_id = u.id
		JOIN admin_role_permissions rp ON rp.role_id = ur.role_id
		WHERE u.active AND rp.permission = $1)`, admin.ManageAdmins).Scan(&ok)
	if err != nil {
		return fmt.Errorf("check managers: %w", err)
	}
	if !ok {
		return admin.ErrLastManager
	}
	return nil
}
