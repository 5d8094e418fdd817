package app

import (
	"context"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"
	"github.com/purra/supergraph/subgraphs/notifications/internal/notify"
)

// MyNotifications returns a page of the caller's in-app notifications.
func (a *App) MyNotifications(ctx context.Context, p notify.Page) ([]notify.Notification, bool, error) {
	id, err := auth.Require(ctx)
	if err != nil {
		return nil, false, err
	}
	return a.Store.InApp(ctx, id.Subject, p)
}

// IsSelf reports whether the caller is user userID (User.notifications is
// shown only to the user themself).
func (a *App) IsSelf(ctx context.Context, userID string) bool {
	id, ok := auth.From(ctx)
	return ok && id.Subject == userID
}

// MarkRead marks the caller's in-app notification id read; NOT_FOUND when
// it is not theirs (whether or not it exists).
func (a *App) MarkRead(ctx context.Context, id string) (*notify.Notification, error) {
	caller, err := auth.Require(ctx)
	if err != nil {
		return nil, err
	}
	if !notify.ValidID(id) {
		return nil, notify.NotFound
	}
	n, err := a.Store.MarkRead(ctx, caller.Subject, id)
	if err != nil {
		return nil, err
	}
	if n == nil {
		return nil, notify.NotFound
	}
	return n, nil
}

// SetLanguage sets the language of the caller's future messages.
func (a *App) SetLanguage(ctx context.Context, l notify.Language) (notify.Language, error) {
	caller, err := auth.Require(ctx)
	if err != nil {
		return "", err
	}
	if !l.Valid() {
		return "", errs.BadInput("language", "unsupported language")
	}
	found, err := a.Store.SetLanguage(ctx, caller.Subject, l)
	if err != nil {
		return "", err
	}
	if !found {
		// Users arrive through user.registered; a caller we have not heard of yet retries later.
		return "", errs.Missing("recipient")
	}
	return l, nil
}

// Templates lists the stored templates.
func (a *App) Templates(ctx context.Context) ([]notify.Template, error) {
	return a.Store.Templates(ctx)
}

// Jobs lists bulk jobs, newest first.
func (a *App) Jobs(ctx context.Context, first int) ([]notify.Job, error) {
	if first < 1 || first > notify.MaxPage {
		return nil, errs.BadInput("first", "must be 1–%d", notify.MaxPage)
	}
	return a.Store.Jobs(ctx, first)
}
