package app

import (
	"context"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/audit"
	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"
	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/subgraphs/users/internal/store"
	"github.com/purra/supergraph/subgraphs/users/internal/user"
)

// Service is this subgraph's name in audit entries.
const Service = "users"

// Admin permissions (docs/backoffice.md). The schema checks them with
// @requiresScopes; the app checks again so no other path can skip them.
const (
	ScopeBan     = "users:ban"
	ScopeApprove = "users:approve"
)

// requireScope returns the caller holding scope.
func requireScope(ctx context.Context, scope string) (auth.Identity, error) {
	id, err := auth.Require(ctx)
	if err != nil {
		return id, err
	}
	if !id.Has(scope) {
		return id, errs.Denied("requires " + scope)
	}
	return id, nil
}

// PersonalDataScopes are the admin permissions that show another user's
// email, phone, GSTIN and ban status: the same as the query that offers
// users to admins (user(id) in the schema). Holding the ADMIN role alone
// (MARKETING, CATALOG_MANAGER) is not enough, through the router or
// through _entities alike: this is the one place the users subgraph decides it.
var PersonalDataScopes = [][]string{{ScopeBan}, {ScopeApprove}}

// MayReadPersonalData reports whether the caller is an admin holding one of
// PersonalDataScopes.
func (a *App) MayReadPersonalData(ctx context.Context) bool {
	id, ok := auth.From(ctx)
	return ok && auth.Satisfies(id, PersonalDataScopes)
}

// auditHook records e in the transaction of the change (only for admin callers).
func (a *App) auditHook(e audit.Entry) store.TxHook {
	return func(ctx context.Context, tx pgx.Tx) error { return audit.Record(ctx, tx, a.topic, Service, e) }
}

type banSummary struct {
	Banned bool   `json:"banned"`
	Reason string `json:"reason,omitempty"`
}

// BanUser bans user id: in one transaction the ban is stored, every refresh
// token of the user is revoked, user.banned and the audit entry go to the
// outbox; after the commit Redis tells every subgraph to refuse the user's
// access tokens. Reason: 3–500 characters.
func (a *App) BanUser(ctx context.Context, userID, reason string) (user.User, error) {
	admin, err := requireScope(ctx, ScopeBan)
	if err != nil {
		return user.User{}, err
	}
	reason, err = user.BanReason("reason", reason)
	if err != nil {
		return user.User{}, err
	}
	if _, err := uuid.Parse(userID); err != nil {
		return user.User{}, user.ErrUserNotFound
	}
	u, err := a.store.ChangeUser(ctx, userID, func(u *user.User) (store.UserChange, error) {
		if err := u.Ban(reason, a.now()); err != nil {
			return store.UserChange{}, err
		}
		msg, err := kafka.NewMessage(ctx, a.topic, u.ID, admin.Subject, user.BannedEvent(*u))
		if err != nil {
			return store.UserChange{}, err
		}
		return store.UserChange{
			Events: []kafka.Message{msg}, RevokeSessions: true,
			Hooks: []store.TxHook{a.auditHook(audit.Entry{
				Permission: ScopeBan, Action: "user.ban", TargetType: "User", TargetID: u.ID,
				Before: banSummary{Banned: false}, After: banSummary{Banned: true, Reason: reason},
			})},
		}, nil
	})
	if err != nil {
		return u, err
	}
	// Committed: the database refuses sign-in and refresh now. If Redis does
	// not take the news, SyncBans sends it again within a minute.
	if err := auth.Ban(ctx, a.rdb, u.ID); err != nil {
		a.log.ErrorContext(ctx, "ban not propagated to Redis yet; the ban sync will retry", "user_id", u.ID, "err", err)
	}
	return u, nil
}

// UnbanUser lifts user id's ban (user.unbanned, audit entry); the user signs
// in again (the ban ended their sessions).
func (a *App) UnbanUser(ctx context.Context, userID string) (user.User, error) {
	admin, err := requireScope(ctx, ScopeBan)
	if err != nil {
		return user.User{}, err
	}
	if _, err := uuid.Parse(userID); err != nil {
		return user.User{}, user.ErrUserNotFound
	}
	u, err := a.store.ChangeUser(ctx, userID, func(u *user.User) (store.UserChange, error) {
		before := banSummary{Banned: true, Reason: u.BanReason}
		if err := u.Unban(a.now()); err != nil {
			return store.UserChange{}, err
		}
		msg, err := kafka.NewMessage(ctx, a.topic, u.ID, admin.Subject, user.UnbannedEvent(*u))
		if err != nil {
			return store.UserChange{}, err
		}
		return store.UserChange{
			Events: []kafka.Message{msg},
			Hooks: []store.TxHook{a.auditHook(audit.Entry{
				Permission: ScopeBan, Action: "user.unban", TargetType: "User", TargetID: u.ID,
				Before: before, After: banSummary{Banned: false},
			})},
		}, nil
	})
	if err != nil {
		return u, err
	}
	if err := auth.Unban(ctx, a.rdb, u.ID); err != nil {
		a.log.ErrorContext(ctx, "unban not propagated to Redis yet; the ban sync will retry", "user_id", u.ID, "err", err)
	}
	return u, nil
}

// SyncBans re-sends the database's bans (and the unbans of the last day) to
// Redis every interval until ctx ends: a ban whose Redis write failed, or a
// Redis that lost its data, heals within one interval.
func (a *App) SyncBans(ctx context.Context, interval time.Duration) error {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if err := a.syncBansOnce(ctx); err != nil && ctx.Err() == nil {
			a.log.WarnContext(ctx, "ban sync", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

func (a *App) syncBansOnce(ctx context.Context) error {
	banned, err := a.store.BannedUserIDs(ctx)
	if err != nil {
		return err
	}
	for _, id := range banned {
		if err := auth.Ban(ctx, a.rdb, id); err != nil {
			return err
		}
	}
	lifted, err := a.store.UnbannedSince(ctx, a.now().Add(-24*time.Hour))
	if err != nil {
		return err
	}
	for _, id := range lifted {
		if err := auth.Unban(ctx, a.rdb, id); err != nil {
			return err
		}
	}
	return nil
}

type ownerSummary struct {
	Status user.OwnerStatus `json:"status"`
	Role   user.Role        `json:"role,omitempty"`
	Reason string           `json:"reason,omitempty"`
}

// ApproveOwnerApplication approves a PENDING application: the user becomes an
// OWNER (their next access token says so), owner.approved (and user.updated,
// the role changed) and the audit entry are written in the same transaction.
func (a *App) ApproveOwnerApplication(ctx context.Context, ownerID string) (user.Owner, error) {
	admin, err := requireScope(ctx, ScopeApprove)
	if err != nil {
		return user.Owner{}, err
	}
	return a.reviewOwner(ctx, ownerID, func(o *user.Owner, u *user.User) (store.UserChange, error) {
		now := a.now()
		if err := o.Approve(now); err != nil {
			return store.UserChange{}, err
		}
		events := []kafka.Event{user.ReviewedEvent(*o)}
		if u.GrantOwner(now) {
			events = append(events, user.UpdatedEvent(*u))
		}
		return a.reviewChange(ctx, admin, *o, "owner.approve", ownerSummary{Status: o.Status, Role: u.Role}, events)
	})
}

// RejectOwnerApplication rejects a PENDING application with a reason shown
// to the applicant (1–500 characters); owner.rejected and the audit entry
// are written in the same transaction.
func (a *App) RejectOwnerApplication(ctx context.Context, ownerID, reason string) (user.Owner, error) {
	admin, err := requireScope(ctx, ScopeApprove)
	if err != nil {
		return user.Owner{}, err
	}
	reason, err = user.RejectionReason("reason", reason)
	if err != nil {
		return user.Owner{}, err
	}
	return a.reviewOwner(ctx, ownerID, func(o *user.Owner, u *user.User) (store.UserChange, error) {
		if err := o.Reject(reason, a.now()); err != nil {
			return store.UserChange{}, err
		}
		return a.reviewChange(ctx, admin, *o, "owner.reject", ownerSummary{Status: o.Status, Reason: reason},
			[]kafka.Event{user.ReviewedEvent(*o)})
	})
}

func (a *App) reviewOwner(ctx context.Context, ownerID string, fn func(o *user.Owner, u *user.User) (store.UserChange, error)) (user.Owner, error) {
	if _, err := uuid.Parse(ownerID); err != nil {
		return user.Owner{}, user.ErrOwnerNotFound
	}
	return a.store.ReviewOwner(ctx, ownerID, fn)
}

// reviewChange is the events (keyed by the applicant) and audit entry of a review of o.
func (a *App) reviewChange(ctx context.Context, admin auth.Identity, o user.Owner, action string, after ownerSummary, events []kafka.Event) (store.UserChange, error) {
	msgs := make([]kafka.Message, 0, len(events))
	for _, e := range events {
		m, err := kafka.NewMessage(ctx, a.topic, o.UserID, admin.Subject, e)
		if err != nil {
			return store.UserChange{}, err
		}
		msgs = append(msgs, m)
	}
	return store.UserChange{
		Events: msgs,
		Hooks: []store.TxHook{a.auditHook(audit.Entry{
			Permission: ScopeApprove, Action: action, TargetType: "Owner", TargetID: o.ID,
			Before: ownerSummary{Status: user.OwnerPending}, After: after,
		})},
	}, nil
}

// MaxPage bounds `first` of admin listings.
const MaxPage = 100

// OwnerApplications lists applications with status ("" for all), oldest
// first, `first` (1–100) after the cursor (an application id, "" for the start).
func (a *App) OwnerApplications(ctx context.Context, status user.OwnerStatus, first int, after string) (page []user.Owner, total int, hasNext bool, err error) {
	if _, err := requireScope(ctx, ScopeApprove); err != nil {
		return nil, 0, false, err
	}
	if first < 1 || first > MaxPage {
		return nil, 0, false, errs.BadInput("first", "must be between 1 and %d", MaxPage)
	}
	if after != "" {
		if _, err := uuid.Parse(after); err != nil || len(after) > 64 {
			return nil, 0, false, errs.BadInput("after", "is not a cursor of this list")
		}
	}
	page, total, err = a.store.OwnerPage(ctx, status, after, first+1)
	if err != nil {
		return nil, 0, false, err
	}
	if len(page) > first {
		page, hasNext = page[:first], true
	}
	return page, total, hasNext, nil
}
