package store

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/inventory/internal/stock"
)

// RestockReturn puts a received return's resaleable units back on hand in
// tx (units by variant), once per return: a return already restocked
// changes nothing (false). Variants inventory has no level for are
// skipped and listed in missing.
func (s *Store) RestockReturn(ctx context.Context, tx pgx.Tx, returnID, orderID string, units map[string]int) (restocked bool, missing []string, err error) {
	var done bool
	if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM return_restocks WHERE return_id = $1)`, returnID).Scan(&done); err != nil {
		return false, nil, fmt.Errorf("restocks of return %s: %w", returnID, err)
	}
	if done || len(units) == 0 {
		return false, nil, nil
	}
	ids := slices.Sorted(maps.Keys(units))
	levels, err := lockLevels(ctx, tx, ids)
	if err != nil {
		return false, nil, err
	}
	var changes []stock.Change
	batch := &pgx.Batch{}
	for _, id := range ids {
		l, ok := levels[id]
		if !ok {
			missing = append(missing, id)
			continue
		}
		c, err := l.Restock(units[id])
		if err != nil {
			return false, nil, fmt.Errorf("restock %s for return %s: %w", id, returnID, err)
		}
		changes = append(changes, c)
		batch.Queue(`INSERT INTO return_restocks (return_id, variant_id, quantity, order_id) VALUES ($1, $2, $3, $4)`,
			returnID, id, units[id], orderID)
	}
	if len(changes) == 0 {
		return false, missing, nil
	}
	if err := tx.SendBatch(ctx, batch).Close(); err != nil {
		return false, nil, fmt.Errorf("record restocks of return %s: %w", returnID, err)
	}
	evs, err := apply(ctx, tx, levels, changes)
	if err != nil {
		return false, nil, err
	}
	return true, missing, s.appendEvents(ctx, tx, "", evs...)
}
