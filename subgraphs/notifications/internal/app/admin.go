package app

import (
	"context"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/audit"
	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/subgraphs/notifications/internal/notify"
)

// PermissionSend is what template changes and bulk announcements need
// (enforced by @requiresScopes; recorded in the audit entry).
const PermissionSend = "notifications:send"

// templateSummary is a template in the audit log.
type templateSummary struct {
	Subject string `json:"subject"`
	Body    string `json:"body"`
}

// UpdateTemplate validates t (parse and sample render) and saves it with its
// audit entry in one transaction; a bad template saves nothing.
func (a *App) UpdateTemplate(ctx context.Context, t notify.Template) (notify.Template, error) {
	if _, err := auth.Require(ctx); err != nil {
		return notify.Template{}, err
	}
	if err := t.Validate(); err != nil {
		return notify.Template{}, err
	}
	var saved notify.Template
	err := a.Store.InTx(ctx, func(tx pgx.Tx) error {
		before, err := a.Store.LockTemplate(ctx, tx, t.Key())
		if err != nil {
			return err
		}
		if saved, err = a.Store.SaveTemplate(ctx, tx, t); err != nil {
			return err
		}
		entry := audit.Entry{Permission: PermissionSend, Action: "notification_template.update",
			TargetType: "NotificationTemplate", TargetID: string(t.Event) + "/" + string(t.Channel) + "/" + string(t.Language),
			After: templateSummary{Subject: saved.Subject, Body: saved.Body}}
		if before != nil {
			entry.Before = templateSummary{Subject: before.Subject, Body: before.Body}
		}
		return audit.Record(ctx, tx, a.Topic, a.Service, entry)
	})
	return saved, err
}

// SendBulk creates a bulk announcement job (the fan-out worker does the rest).
func (a *App) SendBulk(ctx context.Context, title, body string, channels []notify.Channel) (notify.Job, error) {
	caller, err := auth.Require(ctx)
	if err != nil {
		return notify.Job{}, err
	}
	j, err := notify.NewJob(title, body, channels, a.SMSEnabled)
	if err != nil {
		return notify.Job{}, err
	}
	id, err := uuid.NewV7()
	if err != nil {
		return notify.Job{}, err
	}
	j.ID, j.CreatedBy = id.String(), caller.Subject
	var saved notify.Job
	err = a.Store.InTx(ctx, func(tx pgx.Tx) error {
		if saved, err = a.Store.InsertJob(ctx, tx, j); err != nil {
			return err
		}
		return audit.Record(ctx, tx, a.Topic, a.Service, audit.Entry{Permission: PermissionSend,
			Action: "bulk_notification.create", TargetType: "BulkNotificationJob", TargetID: saved.ID,
			After: map[string]any{"title": saved.Title, "channels": saved.Channels}})
	})
	return saved, err
}
