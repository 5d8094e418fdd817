package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
)

// RecordWebhook marks a provider event as applied in tx; false when it
// already was (a replay or a duplicate delivery).
func (s *Store) RecordWebhook(ctx context.Context, tx pgx.Tx, prov payment.Provider, eventID, eventType string) (bool, error) {
	tag, err := tx.Exec(ctx, `INSERT INTO webhook_events (provider, event_id, type) VALUES ($1, $2, $3)
		ON CONFLICT DO NOTHING`, prov, eventID, eventType)
	if err != nil {
		return false, fmt.Errorf("record webhook %s %s: %w", prov, eventID, err)
	}
	return tag.RowsAffected() == 1, nil
}
