// Package store is the banners' only SQL: reads for the storefront, the
// admin list and entity references, and writes that append banner.changed
// and the admin audit entry to the outbox in the same transaction.
package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/purra/supergraph/platform/audit"
	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"
	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/outbox"
	"github.com/purra/supergraph/platform/pg"

	"github.com/purra/supergraph/subgraphs/banners/internal/banner"
)

// ErrNotFound: no banner has that id.
var ErrNotFound = errs.Missing("banner")

// Store reads and writes purra_banners.
type Store struct {
	db      *pgxpool.Pool
	topic   string
	service string
}

// New returns a store whose events go to topic; service names the subgraph
// in audit entries.
func New(db *pgxpool.Pool, topic, service string) *Store {
	return &Store{db: db, topic: topic, service: service}
}

const cols = `id, title, coalesce(subtitle, ''), image_url, link_url, placement, coalesce(category_id::text, ''),
	priority, starts_at, ends_at, active, created_at, updated_at`

func scan(row pgx.Row) (banner.Banner, error) {
	var b banner.Banner
	err := row.Scan(&b.ID, &b.Title, &b.Subtitle, &b.ImageURL, &b.LinkURL, &b.Placement, &b.CategoryID,
		&b.Priority, &b.StartsAt, &b.EndsAt, &b.Active, &b.CreatedAt, &b.UpdatedAt)
	return b, err
}

func scanAll(rows pgx.Rows, err error) ([]banner.Banner, error) {
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (banner.Banner, error) { return scan(r) })
}

// Create inserts b (validated, with its id and times set).
func (s *Store) Create(ctx context.Context, b banner.Banner) error {
	return pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		if err := insert(ctx, tx, b); err != nil {
			return err
		}
		return s.record(ctx, tx, banner.ActionCreate, nil, &b, banner.Changed{BannerID: b.ID, Placement: b.Placement, Change: banner.Created})
	})
}

const insertSQL = `INSERT INTO banners (id, title, subtitle, image_url, link_url, placement, category_id,
	priority, starts_at, ends_at, active, created_at, updated_at)
	VALUES ($1, $2, nullif($3, ''), $4, $5, $6, nullif($7, '')::uuid, $8, $9, $10, $11, $12, $13)`

func insertArgs(b banner.Banner) []any {
	return []any{b.ID, b.Title, b.Subtitle, b.ImageURL, b.LinkURL, b.Placement, b.CategoryID,
		b.Priority, b.StartsAt, b.EndsAt, b.Active, b.CreatedAt, b.UpdatedAt}
}

func insert(ctx context.Context, tx pgx.Tx, b banner.Banner) error {
	if _, err := tx.Exec(ctx, insertSQL, insertArgs(b)...); err != nil {
		return fmt.Errorf("insert banner %s: %w", b.ID, err)
	}
	return nil
}

// Update locks banner id, computes its new state with change (which
// validates; an error leaves the row untouched) and saves it. It returns
// the banner before and after.
func (s *Store) Update(ctx context.Context, id string, change func(banner.Banner) (banner.Banner, error)) (before, after banner.Banner, err error) {
	err = pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		before, err = scan(tx.QueryRow(ctx, `SELECT `+cols+` FROM banners WHERE id = $1 FOR UPDATE`, id))
		if pg.IsNoRows(err) {
			return ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("lock banner %s: %w", id, err)
		}
		if after, err = change(before); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE banners SET title = $2, subtitle = nullif($3, ''), image_url = $4, link_url = $5,
			placement = $6, category_id = nullif($7, '')::uuid, priority = $8, starts_at = $9, ends_at = $10,
			active = $11, updated_at = $12 WHERE id = $1`,
			id, after.Title, after.Subtitle, after.ImageURL, after.LinkURL, after.Placement, after.CategoryID,
			after.Priority, after.StartsAt, after.EndsAt, after.Active, after.UpdatedAt)
		if err != nil {
			return fmt.Errorf("update banner %s: %w", id, err)
		}
		ev := banner.Changed{BannerID: id, Placement: after.Placement, Change: banner.Updated}
		if before.Placement != after.Placement {
			ev.PreviousPlacement = before.Placement
		}
		return s.record(ctx, tx, banner.ActionUpdate, &before, &after, ev)
	})
	return before, after, err
}

// Delete removes banner id for good and returns it as it was.
func (s *Store) Delete(ctx context.Context, id string) (banner.Banner, error) {
	var b banner.Banner
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var err error
		b, err = scan(tx.QueryRow(ctx, `DELETE FROM banners WHERE id = $1 RETURNING `+cols, id))
		if pg.IsNoRows(err) {
			return ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("delete banner %s: %w", id, err)
		}
		return s.record(ctx, tx, banner.ActionDelete, &b, nil, banner.Changed{BannerID: id, Placement: b.Placement, Change: banner.Deleted})
	})
	return b, err
}

// record appends banner.changed and the audit entry of an admin's change
// to tx (audit.Record writes nothing for non-admin callers).
func (s *Store) record(ctx context.Context, tx pgx.Tx, action string, before, after *banner.Banner, ev banner.Changed) error {
	id, _ := auth.From(ctx)
	msg, err := kafka.NewMessage(ctx, s.topic, ev.BannerID, id.Subject, ev)
	if err != nil {
		return err
	}
	if err := outbox.Append(ctx, tx, msg); err != nil {
		return err
	}
	entry := audit.Entry{Permission: banner.Permission, Action: action, TargetType: banner.AuditTarget, TargetID: ev.BannerID}
	// Typed nil pointers would marshal as "null": leave the interface nil instead.
	if before != nil {
		entry.Before = before
	}
	if after != nil {
		entry.After = after
	}
	return audit.Record(ctx, tx, s.topic, s.service, entry)
}

// ByIDs returns the banners with the given ids (valid UUIDs only), by id.
func (s *Store) ByIDs(ctx context.Context, ids []string) (map[string]banner.Banner, error) {
	bs, err := scanAll(s.db.Query(ctx, `SELECT `+cols+` FROM banners WHERE id = ANY($1::uuid[])`, ids))
	if err != nil {
		return nil, fmt.Errorf("banners by ids: %w", err)
	}
	out := make(map[string]banner.Banner, len(bs))
	for _, b := range bs {
		out[b.ID] = b
	}
	return out, nil
}

// Schedule returns the active banners of a placement (and category, ""
// for none) that have not ended at now: the live ones and the scheduled
// ones, so that a cached copy can be filtered by the time it is read at.
func (s *Store) Schedule(ctx context.Context, p banner.Placement, categoryID string, now time.Time) ([]banner.Banner, error) {
	bs, err := scanAll(s.db.Query(ctx, `SELECT `+cols+` FROM banners
		WHERE active AND placement = $1 AND category_id IS NOT DISTINCT FROM nullif($2, '')::uuid AND ends_at > $3
		ORDER BY priority DESC, created_at DESC, id DESC`, p, categoryID, now))
	if err != nil {
		return nil, fmt.Errorf("banner schedule %s %s: %w", p, categoryID, err)
	}
	return bs, nil
}

// List returns a page of every banner (optionally of one placement, ""
// for all), newest first, whether more follow, and how many match in all.
func (s *Store) List(ctx context.Context, page banner.Page, p banner.Placement) ([]banner.Banner, bool, int, error) {
	var total int
	if err := s.db.QueryRow(ctx, `SELECT count(*) FROM banners WHERE ($1 = '' OR placement = $1)`, p).Scan(&total); err != nil {
		return nil, false, 0, fmt.Errorf("count banners: %w", err)
	}
	bs, err := scanAll(s.db.Query(ctx, `SELECT `+cols+` FROM banners
		WHERE ($1 = '' OR placement = $1) AND ($2 = '' OR id < nullif($2, '')::uuid)
		ORDER BY id DESC LIMIT $3`, p, page.After, page.First+1))
	if err != nil {
		return nil, false, 0, fmt.Errorf("list banners: %w", err)
	}
	more := len(bs) > page.First
	if more {
		bs = bs[:page.First]
	}
	return bs, more, total, nil
}

// Seed inserts the banners of bs that do not exist yet (by id), each with
// its banner.changed event, and returns how many it inserted.
func (s *Store) Seed(ctx context.Context, bs []banner.Banner) (int, error) {
	n := 0
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		for _, b := range bs {
			tag, err := tx.Exec(ctx, insertSQL+` ON CONFLICT (id) DO NOTHING`, insertArgs(b)...)
			if err != nil {
				return fmt.Errorf("seed banner %s: %w", b.ID, err)
			}
			if tag.RowsAffected() == 0 {
				continue
			}
			n++
			msg, err := kafka.NewMessage(ctx, s.topic, b.ID, "", banner.Changed{BannerID: b.ID, Placement: b.Placement, Change: banner.Created})
			if err != nil {
				return err
			}
			if err := outbox.Append(ctx, tx, msg); err != nil {
				return err
			}
		}
		return nil
	})
	return n, err
}
