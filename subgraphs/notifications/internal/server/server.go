// Package server wires the notifications subgraph for platform/service:
// store → app → graph, the event consumers, the sender and bulk fan-out
// workers, and the seed (templates).
package server

import (
	"context"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/subgraphs/notifications/internal/app"
	"github.com/purra/supergraph/subgraphs/notifications/internal/channel"
	"github.com/purra/supergraph/subgraphs/notifications/internal/delivery"
	"github.com/purra/supergraph/subgraphs/notifications/internal/events"
	"github.com/purra/supergraph/subgraphs/notifications/internal/graph"
	"github.com/purra/supergraph/subgraphs/notifications/internal/notify"
	"github.com/purra/supergraph/subgraphs/notifications/internal/store"
	"github.com/purra/supergraph/subgraphs/notifications/migrations"
	"github.com/purra/supergraph/subgraphs/notifications/seed"
)

// Spec describes the notifications subgraph to platform/service.
func Spec() service.Spec {
	return service.Spec{
		Name:        "notifications",
		DefaultAddr: ":3010",
		Migrations:  migrations.FS,
		Build:       Build,
		Seed: func(ctx context.Context, d *service.Deps) error {
			return seed.Run(ctx, store.New(d.DB), d.Log)
		},
	}
}

// Workers are the sender and the bulk fan-out, built from d's configuration;
// tests drive them step by step.
type Workers struct {
	Sender *delivery.Sender
	Fanout *delivery.Fanout
}

// Build wires the subgraph on d.
func Build(ctx context.Context, d *service.Deps) (*service.Subgraph, error) {
	a, w, err := Wire(d)
	if err != nil {
		return nil, err
	}
	events.Register(d.Consumer, a)
	schema := graph.NewExecutableSchema(graph.Config{
		Resolvers:  &graph.Resolver{App: a},
		Directives: graph.DirectiveRoot{Authenticated: auth.Authenticated, RequiresScopes: auth.RequiresScopes},
	})
	return &service.Subgraph{
		Schema:  schema,
		Workers: []func(ctx context.Context) error{w.Sender.Run, w.Fanout.Run},
	}, nil
}

// Wire builds the application and its workers from d's configuration.
func Wire(d *service.Deps) (*app.App, Workers, error) {
	cfg, err := loadConfig(d.Getenv)
	if err != nil {
		return nil, Workers{}, err
	}
	senders := map[notify.Channel]channel.Sender{
		notify.Email: channel.SMTP{Host: cfg.SMTPHost, Port: cfg.SMTPPort, From: cfg.SMTPFrom,
			Username: cfg.SMTPUsername, Password: cfg.SMTPPassword},
	}
	if cfg.SMSEnabled() {
		senders[notify.SMS] = channel.TwilioSMS{BaseURL: cfg.SMSBaseURL, AccountSID: cfg.SMSAccountSID,
			AuthToken: cfg.SMSAuthToken, From: cfg.SMSFrom}
	}
	a := app.New(store.New(d.DB), d.Topic, d.Name, cfg.SMSEnabled(), d.Log)
	return a, Workers{
		Sender: &delivery.Sender{App: a, Senders: senders, Topic: d.Topic, Log: d.Log,
			Attempts: cfg.MaxAttempts, Backoff: cfg.RetryBackoff, Poll: cfg.Poll},
		Fanout: &delivery.Fanout{App: a, Log: d.Log, Poll: cfg.Poll},
	}, nil
}
