// Package events holds the admin subgraph's inbound consumers: the
// admin.action events of every subgraph, stored in the audit log.
package events

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/audit"
	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/subgraphs/admin/internal/admin"
	"github.com/purra/supergraph/subgraphs/admin/internal/store"
)

// Topics are the topics of every subgraph whose admins are audited
// (docs/backoffice.md), this one included.
var Topics = []string{
	"users.events", "catalog.events", "cart.events", "orders.events", "payments.events", "promotions.events",
	"reviews.events", "inventory.events", "stores.events", "notifications.events", "banners.events", "admin.events",
}

// Register subscribes the audit log to admin.action on every topic.
func Register(c *kafka.Consumer) {
	for _, topic := range Topics {
		kafka.Handle(c, topic, audit.Action{}.EventType(), RecordAction)
	}
}

// RecordAction appends one admin.action event to the audit log; the event
// id is the entry's key, so a redelivery stores nothing new.
func RecordAction(ctx context.Context, tx pgx.Tx, env kafka.Envelope, a audit.Action) error {
	at := a.At
	if at.IsZero() {
		at = env.OccurredAt
	}
	service := a.Service
	if service == "" {
		service = "unknown"
	}
	adminID := a.AdminID
	if adminID == "" {
		adminID = env.Actor
	}
	return store.InsertLogEntry(ctx, tx, admin.LogEntry{
		ID: env.ID, AdminID: adminID, SessionID: a.SessionID, Permission: a.Permission, Action: a.Action,
		TargetType: a.TargetType, TargetID: a.TargetID, Before: a.Before, After: a.After,
		IP: a.IP, RequestID: a.RequestID, Service: service, At: at,
	})
}
