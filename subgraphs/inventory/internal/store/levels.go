package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/audit"
	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/inventory/internal/stock"
)

// CreateLevel creates the stock level of a new variant in tx (the consumer's
// transaction) with its first events. A level that exists already is left
// as it is (a re-sent variant.created must not reset stock): false.
func (s *Store) CreateLevel(ctx context.Context, tx pgx.Tx, variantID, storeID, sku string, initial int) (bool, error) {
	l, evs := stock.Created(variantID, storeID, sku, initial)
	tag, err := tx.Exec(ctx, `INSERT INTO stock_levels (variant_id, store_id, sku, on_hand, low_threshold, low_alerted)
		VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (variant_id) DO NOTHING`,
		l.VariantID, l.StoreID, l.SKU, l.OnHand, l.LowThreshold, l.LowAlerted)
	if err != nil {
		return false, fmt.Errorf("create stock level %s: %w", variantID, err)
	}
	if tag.RowsAffected() == 0 {
		return false, nil
	}
	return true, s.appendEvents(ctx, tx, "", evs...)
}

// AdminAction names what a change of a level is when an admin makes it
// (audit.Entry's Permission and Action).
type AdminAction struct {
	Permission string // e.g. "inventory:write"
	Action     string // e.g. "stock.restock"
}

// levelSummary is an audit entry's before/after of a stock level.
type levelSummary struct {
	StoreID      string `json:"storeId"`
	SKU          string `json:"sku"`
	OnHand       int    `json:"onHand"`
	Reserved     int    `json:"reserved"`
	LowThreshold int    `json:"lowThreshold"`
}

func summarize(l stock.Level) levelSummary {
	return levelSummary{StoreID: l.StoreID, SKU: l.SKU, OnHand: l.OnHand, Reserved: l.Reserved, LowThreshold: l.LowThreshold}
}

// Restock adds q units on hand to variant id.
func (s *Store) Restock(ctx context.Context, id string, q int, actor string, act AdminAction) (stock.Level, error) {
	return s.updateLevel(ctx, id, actor, act, func(tx pgx.Tx, levels map[string]stock.Level) ([]stock.Event, error) {
		c, err := levels[id].Restock(q)
		if err != nil {
			return nil, err
		}
		return apply(ctx, tx, levels, []stock.Change{c})
	})
}

// SetThreshold sets the low-stock alert threshold of variant id.
func (s *Store) SetThreshold(ctx context.Context, id string, threshold int, actor string, act AdminAction) (stock.Level, error) {
	return s.updateLevel(ctx, id, actor, act, func(tx pgx.Tx, levels map[string]stock.Level) ([]stock.Event, error) {
		next, evs := levels[id].WithThreshold(threshold)
		if _, err := tx.Exec(ctx, `UPDATE stock_levels SET low_threshold = $2, low_alerted = $3, updated_at = now()
			WHERE variant_id = $1`, id, next.LowThreshold, next.LowAlerted); err != nil {
			return nil, fmt.Errorf("set threshold of %s: %w", id, err)
		}
		levels[id] = next
		return evs, nil
	})
}

// updateLevel locks the level of id, lets fn change it, and records the
// events fn returns, in one transaction; an admin's change is audited as
// act in it too. It returns the level as fn left it.
func (s *Store) updateLevel(ctx context.Context, id, actor string, act AdminAction,
	fn func(tx pgx.Tx, levels map[string]stock.Level) ([]stock.Event, error)) (stock.Level, error) {
	var out stock.Level
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		levels, err := lockLevels(ctx, tx, []string{id})
		if err != nil {
			return err
		}
		before, ok := levels[id]
		if !ok {
			return errs.Missing("variant")
		}
		evs, err := fn(tx, levels)
		if err != nil {
			return err
		}
		out = levels[id]
		if err := s.appendEvents(ctx, tx, actor, evs...); err != nil {
			return err
		}
		return audit.Record(ctx, tx, s.topic, s.service, audit.Entry{Permission: act.Permission, Action: act.Action,
			TargetType: "StockLevel", TargetID: id, Before: summarize(before), After: summarize(out)})
	})
	return out, err
}
