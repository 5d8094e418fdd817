package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/pg"

	"github.com/purra/supergraph/subgraphs/catalog/internal/catalog"
)

const gstCols = `hsn_code, rate_percent::float8, description, updated_at`

func scanGSTRate(r pgx.Row) (catalog.GSTRate, error) {
	var g catalog.GSTRate
	return g, r.Scan(&g.HSNCode, &g.RatePercent, &g.Description, &g.UpdatedAt)
}

// GSTRates returns every HSN code's rate, by code.
func (s *Store) GSTRates(ctx context.Context) ([]catalog.GSTRate, error) {
	gs, err := collect(ctx, s.db, `SELECT `+gstCols+` FROM gst_rates ORDER BY hsn_code`, scanGSTRate)
	if err != nil {
		return nil, fmt.Errorf("gst rates: %w", err)
	}
	return gs, nil
}

// ProductKey identifies a product's cached pages.
type ProductKey struct{ ID, Slug string }

// SetGSTRate sets (or adds) the rate of an HSN code, with gst_rate.changed
// when the rate changed. It returns the rate and, when it changed, the
// products whose HSN code starts with the code: their shown rate may have
// changed, so their cached pages must go.
func (s *Store) SetGSTRate(ctx context.Context, in catalog.SetGSTRate, actor string) (catalog.GSTRate, []ProductKey, error) {
	var out catalog.GSTRate
	var affected []ProductKey
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		// Serialises writers of one code, including two adding it at once.
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(7421004, hashtext($1))`, in.HSNCode); err != nil {
			return fmt.Errorf("lock gst rate: %w", err)
		}
		var old *float64
		cur, err := scanGSTRate(tx.QueryRow(ctx, `SELECT `+gstCols+` FROM gst_rates WHERE hsn_code = $1`, in.HSNCode))
		switch {
		case err == nil && cur.RatePercent == in.RatePercent:
			out = cur
			return nil // unchanged: no event, nothing to invalidate
		case err == nil:
			old = &cur.RatePercent
		case !pg.IsNoRows(err):
			return fmt.Errorf("read gst rate: %w", err)
		}
		out, err = scanGSTRate(tx.QueryRow(ctx, `INSERT INTO gst_rates (hsn_code, rate_percent) VALUES ($1, $2)
			ON CONFLICT (hsn_code) DO UPDATE SET rate_percent = EXCLUDED.rate_percent, updated_at = now()
			RETURNING `+gstCols, in.HSNCode, in.RatePercent))
		if err != nil {
			return fmt.Errorf("set gst rate: %w", err)
		}
		// HSN codes are digits only, so the code is a literal LIKE prefix.
		affected, err = collect(ctx, tx, `SELECT id::text, slug FROM products WHERE hsn_code LIKE $1 || '%'`,
			func(r pgx.Row) (ProductKey, error) {
				var k ProductKey
				return k, r.Scan(&k.ID, &k.Slug)
			}, in.HSNCode)
		if err != nil {
			return fmt.Errorf("products of hsn %s: %w", in.HSNCode, err)
		}
		if err := s.appendEvents(ctx, tx, in.HSNCode, actor, catalog.GSTRateChanged{
			HSNCode: in.HSNCode, OldRatePercent: old, NewRatePercent: out.RatePercent,
		}); err != nil {
			return err
		}
		var before any
		if old != nil {
			before = map[string]float64{"ratePercent": *old}
		}
		return s.audit(ctx, tx, "gst_rate.set", "GstRate", in.HSNCode, before, map[string]float64{"ratePercent": out.RatePercent})
	})
	return out, affected, err
}
