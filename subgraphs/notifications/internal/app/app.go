// Package app holds the notifications use cases: who may read and change
// what, transaction boundaries, and turning events into queued messages.
package app

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/notifications/internal/notify"
	"github.com/purra/supergraph/subgraphs/notifications/internal/store"
)

// App is the notifications application.
type App struct {
	Store *store.Store
	// Topic is notifications.events, Service "notifications" (audit entries).
	Topic, Service string
	// SMSEnabled: an SMS sender is configured, so recipients with a phone get SMS too.
	SMSEnabled bool
	Log        *slog.Logger
}

// New returns the application.
func New(s *store.Store, topic, service string, smsEnabled bool, log *slog.Logger) *App {
	return &App{Store: s, Topic: topic, Service: service, SMSEnabled: smsEnabled, Log: log}
}

// Template returns the template for k: the stored one, else the built-in
// one, else (another language missing) the English one.
func (a *App) Template(ctx context.Context, q store.Q, k notify.Key) (notify.Template, error) {
	for _, key := range []notify.Key{k, {Event: k.Event, Channel: k.Channel, Language: notify.English}} {
		t, err := a.Store.Template(ctx, q, key)
		if err != nil {
			return notify.Template{}, err
		}
		if t != nil {
			return *t, nil
		}
		if d, ok := notify.Default(key); ok {
			return d, nil
		}
	}
	return notify.Template{}, fmt.Errorf("no template for %s/%s/%s", k.Event, k.Channel, k.Language)
}

// Templates memoizes template lookups for one event or batch: 500
// recipients of a bulk batch cost one lookup per (channel, language).
type Templates struct {
	a *App
	q store.Q
	m map[notify.Key]notify.Template
}

// TemplatesOn returns an empty memo reading through q.
func (a *App) TemplatesOn(q store.Q) *Templates {
	return &Templates{a: a, q: q, m: map[notify.Key]notify.Template{}}
}

// Get returns the template for k.
func (ts *Templates) Get(ctx context.Context, k notify.Key) (notify.Template, error) {
	if t, ok := ts.m[k]; ok {
		return t, nil
	}
	t, err := ts.a.Template(ctx, ts.q, k)
	if err != nil {
		return t, err
	}
	ts.m[k] = t
	return t, nil
}

// Build returns the messages of one event (eventID) for recipient r on
// channels. IN_APP ones are rendered now and count as sent (storing them
// delivers them); the others are QUEUED for the sender, which renders them.
func (a *App) Build(ctx context.Context, ts *Templates, eventID string, e notify.Event, r notify.Recipient, channels []notify.Channel, data map[string]any) ([]notify.Notification, error) {
	lang := r.Language
	if !lang.Valid() {
		lang = notify.English
	}
	ns := make([]notify.Notification, 0, len(channels))
	for _, ch := range channels {
		id, err := uuid.NewV7()
		if err != nil {
			return nil, err
		}
		n := notify.Notification{ID: id.String(), UserID: r.ID, Channel: ch, Event: e, Language: lang,
			Status: notify.Queued, EventID: eventID, Data: data}
		if ch == notify.InApp {
			t, err := ts.Get(ctx, notify.Key{Event: e, Channel: ch, Language: lang})
			if err != nil {
				return nil, err
			}
			if n.Title, n.Body, err = t.Render(data); err != nil {
				return nil, fmt.Errorf("render %s/%s/%s: %w", e, ch, lang, err)
			}
			now := notify.Now()
			n.Status, n.SentAt = notify.Sent, &now
		}
		ns = append(ns, n)
	}
	return ns, nil
}

// Save inserts ns in tx (skipping any that exist for the same event,
// channel and user) and publishes notification.sent for the in-app ones it
// created. It returns how many it created.
func (a *App) Save(ctx context.Context, tx pgx.Tx, ns []notify.Notification) (int, error) {
	created, err := a.Store.Insert(ctx, tx, ns)
	if err != nil {
		return 0, err
	}
	for _, n := range created {
		if n.Channel == notify.InApp {
			if err := store.AppendSent(ctx, tx, a.Topic, n); err != nil {
				return 0, err
			}
		}
	}
	return len(created), nil
}

// Enqueue builds and saves the messages of one event for one recipient.
func (a *App) Enqueue(ctx context.Context, tx pgx.Tx, eventID string, e notify.Event, r notify.Recipient, channels []notify.Channel, data map[string]any) (int, error) {
	ns, err := a.Build(ctx, a.TemplatesOn(tx), eventID, e, r, channels, data)
	if err != nil {
		return 0, err
	}
	return a.Save(ctx, tx, ns)
}
