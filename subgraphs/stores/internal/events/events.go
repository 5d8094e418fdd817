// Package events holds the stores subgraph's inbound consumers: users'
// owner decisions become the projection of who may open a store.
// platform/kafka applies each event once, in the transaction given here.
package events

import (
	"context"
	"errors"
	"log/slog"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/kafka"

	"github.com/purra/supergraph/subgraphs/stores/internal/app"
)

// Event types consumed (topic users.events).
const (
	OwnerApproved = "owner.approved"
	OwnerRejected = "owner.rejected"
)

// ownerDecision is the part of owner.approved / owner.rejected stores reads.
type ownerDecision struct {
	OwnerID      string `json:"ownerId"`
	UserID       string `json:"userId"`
	BusinessName string `json:"businessName"`
	GSTIN        string `json:"gstin"`
	PAN          string `json:"pan"`
}

// Register subscribes the handlers on c.
func Register(c *kafka.Consumer, a *app.App, log *slog.Logger) {
	for eventType, approved := range map[string]bool{OwnerApproved: true, OwnerRejected: false} {
		kafka.Handle(c, kafka.Topic("users"), eventType,
			func(ctx context.Context, tx pgx.Tx, env kafka.Envelope, e ownerDecision) error {
				_, err := a.RecordOwnerDecision(ctx, tx, app.OwnerDecision{
					OwnerID: e.OwnerID, UserID: e.UserID, BusinessName: e.BusinessName,
					GSTIN: e.GSTIN, PAN: e.PAN, Approved: approved, At: env.OccurredAt,
				})
				if errors.Is(err, app.ErrInvalidEvent) {
					log.ErrorContext(ctx, "invalid event skipped", "event_type", env.Type, "event_id", env.ID, "err", err)
					return nil
				}
				return err
			})
	}
}
