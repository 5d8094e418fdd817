// Package audit records what admins do. Every admin mutation, in whichever
// subgraph, calls Record inside its own transaction: an `admin.action` event
// goes through that subgraph's outbox, and the admin subgraph stores it in
// its append-only audit log. The entry exists if and only if the change
// committed.
package audit

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/httpx"
	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/logx"
	"github.com/purra/supergraph/platform/outbox"
)

// Entry describes one admin action.
type Entry struct {
	Permission string // the permission the action needed, e.g. "users:ban"
	Action     string // e.g. "user.ban"
	TargetType string // e.g. "User"
	TargetID   string
	Before     any // a short summary of the state before (nil when created)
	After      any // and after (nil when deleted)
}

// Action is the payload of the admin.action event.
type Action struct {
	AdminID    string          `json:"adminId"`
	SessionID  string          `json:"sessionId,omitempty"`
	Permission string          `json:"permission"`
	Action     string          `json:"action"`
	TargetType string          `json:"targetType"`
	TargetID   string          `json:"targetId"`
	Before     json.RawMessage `json:"before,omitempty"`
	After      json.RawMessage `json:"after,omitempty"`
	IP         string          `json:"ip,omitempty"`
	RequestID  string          `json:"requestId,omitempty"`
	Service    string          `json:"service"`
	At         time.Time       `json:"at"`
}

func (Action) EventType() string { return "admin.action" }
func (Action) EventVersion() int { return 1 }

// IsAdmin reports whether the caller acts as an admin (admin tokens carry role ADMIN).
func IsAdmin(ctx context.Context) bool {
	id, ok := auth.From(ctx)
	return ok && id.Role == auth.RoleAdmin
}

// Record appends the admin.action event for the calling admin to tx, on
// topic (the subgraph's own, service.Deps.Topic). It records nothing when
// the caller is not an admin: shoppers' and owners' actions are not audited here.
func Record(ctx context.Context, tx pgx.Tx, topic, service string, e Entry) error {
	id, ok := auth.From(ctx)
	if !ok || id.Role != auth.RoleAdmin {
		return nil
	}
	a := Action{
		AdminID: id.Subject, SessionID: id.SessionID, Permission: e.Permission, Action: e.Action,
		TargetType: e.TargetType, TargetID: e.TargetID, IP: httpx.ClientIP(ctx),
		RequestID: logx.RequestID(ctx), Service: service, At: time.Now().UTC(),
	}
	var err error
	if a.Before, err = summary(e.Before); err != nil {
		return err
	}
	if a.After, err = summary(e.After); err != nil {
		return err
	}
	msg, err := kafka.NewMessage(ctx, topic, e.TargetID, id.Subject, a)
	if err != nil {
		return err
	}
	return outbox.Append(ctx, tx, msg)
}

func summary(v any) (json.RawMessage, error) {
	if v == nil {
		return nil, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("audit summary: %w", err)
	}
	return b, nil
}
