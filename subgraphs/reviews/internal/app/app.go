// Package app holds the reviews use cases: who may do what, validation
// before any write, and the transaction of each change (review row, rating
// rollup, outbox events and, for moderators, the audit entry).
package app

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/audit"
	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/cache"
	"github.com/purra/supergraph/platform/kafka"

	"github.com/purra/supergraph/subgraphs/reviews/internal/review"
	"github.com/purra/supergraph/subgraphs/reviews/internal/store"
)

// Moderate is the permission moderation needs (declared in the schema too).
const Moderate = "reviews:moderate"

// SubmitsPerMinute bounds how many reviews one user may submit or edit per minute.
const SubmitsPerMinute = 10

// App runs the use cases.
type App struct {
	store   *store.Store
	clean   *review.Cleaner
	limiter *cache.Limiter
	topic   string
	service string
	now     func() time.Time
}

// New returns the app on st; topic and service name the audit entries' origin.
func New(st *store.Store, limiter *cache.Limiter, topic, service string) *App {
	return &App{
		store: st, clean: review.NewCleaner(), limiter: limiter, topic: topic, service: service,
		now: func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) },
	}
}

// Submit creates the caller's PENDING review of a product they received.
func (a *App) Submit(ctx context.Context, productID string, rating int, title, text string) (review.Review, error) {
	who, err := auth.Require(ctx)
	if err != nil {
		return review.Review{}, err
	}
	pid, c, err := a.clean.NewReview(productID, rating, title, text)
	if err != nil {
		return review.Review{}, err
	}
	if err := a.limiter.Allow(ctx, "review-write:"+who.Subject, SubmitsPerMinute); err != nil {
		return review.Review{}, err
	}
	if uuid.Validate(who.Subject) != nil {
		return review.Review{}, review.ErrNotVerifiedBuyer
	}
	bought, err := a.store.HasPurchased(ctx, who.Subject, pid)
	if err != nil {
		return review.Review{}, err
	}
	if !bought {
		return review.Review{}, review.ErrNotVerifiedBuyer
	}
	now := a.now()
	r := review.Review{
		ID: uuid.Must(uuid.NewV7()).String(), ProductID: pid, UserID: who.Subject,
		Rating: c.Rating, Title: c.Title, Text: c.Text, Status: review.Pending, Verified: true,
		CreatedAt: now, UpdatedAt: now,
	}
	err = a.store.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.Insert(ctx, r); err != nil {
			return err
		}
		return tx.Publish(ctx, r.ProductID, who.Subject, review.ChangedEvent(review.TypeSubmitted, r))
	})
	return r, err
}

// Update replaces the content of the caller's own review.
func (a *App) Update(ctx context.Context, id string, rating int, title, text string) (review.Review, error) {
	who, err := auth.Require(ctx)
	if err != nil {
		return review.Review{}, err
	}
	c, err := a.clean.Content(rating, title, text)
	if err != nil {
		return review.Review{}, err
	}
	if err := a.limiter.Allow(ctx, "review-write:"+who.Subject, SubmitsPerMinute); err != nil {
		return review.Review{}, err
	}
	return a.change(ctx, id, func(_ *store.Tx, r *review.Review) (string, error) {
		if r.UserID != who.Subject {
			return "", review.ErrNotFound // someone else's review does not exist for the caller
		}
		r.Edit(c, a.now())
		return review.TypeUpdated, nil
	})
}

// Delete removes the caller's own review.
func (a *App) Delete(ctx context.Context, id string) error {
	who, err := auth.Require(ctx)
	if err != nil {
		return err
	}
	if uuid.Validate(id) != nil {
		return review.ErrNotFound
	}
	return a.store.InTx(ctx, func(tx *store.Tx) error {
		r, err := tx.Lock(ctx, id)
		if err != nil {
			return err
		}
		if r.UserID != who.Subject {
			return review.ErrNotFound
		}
		if err := tx.Delete(ctx, id); err != nil {
			return err
		}
		return a.publish(ctx, tx, r, review.Review{}, review.ChangedEvent(review.TypeDeleted, r))
	})
}

// Approve publishes a pending review (moderators; audited).
func (a *App) Approve(ctx context.Context, id string) (review.Review, error) {
	if err := requireModerator(ctx); err != nil {
		return review.Review{}, err
	}
	return a.change(ctx, id, func(tx *store.Tx, r *review.Review) (string, error) {
		before := moderation(*r)
		if err := r.Approve(a.now()); err != nil {
			return "", err
		}
		return review.TypeApproved, audit.Record(ctx, tx.Pgx(), a.topic, a.service, audit.Entry{
			Permission: Moderate, Action: "review.approve", TargetType: "ProductReview", TargetID: r.ID,
			Before: before, After: moderation(*r),
		})
	})
}

// Reject refuses a pending review or takes down an approved one (moderators; audited).
func (a *App) Reject(ctx context.Context, id, reason string) (review.Review, error) {
	if err := requireModerator(ctx); err != nil {
		return review.Review{}, err
	}
	reason, err := a.clean.Reason(reason)
	if err != nil {
		return review.Review{}, err
	}
	return a.change(ctx, id, func(tx *store.Tx, r *review.Review) (string, error) {
		before := moderation(*r)
		if err := r.Reject(reason, a.now()); err != nil {
			return "", err
		}
		return review.TypeRejected, audit.Record(ctx, tx.Pgx(), a.topic, a.service, audit.Entry{
			Permission: Moderate, Action: "review.reject", TargetType: "ProductReview", TargetID: r.ID,
			Before: before, After: moderation(*r),
		})
	})
}

// requireModerator repeats the schema's @requiresScopes, so that the use
// case is safe whichever transport calls it.
func requireModerator(ctx context.Context) error {
	_, err := auth.RequiresScopes(ctx, nil, func(context.Context) (any, error) { return nil, nil }, [][]string{{Moderate}})
	return err
}

// moderationState is what the audit log keeps of a review before and after.
type moderationState struct {
	Status          review.Status `json:"status"`
	Rating          int           `json:"rating"`
	RejectionReason *string       `json:"rejectionReason,omitempty"`
}

func moderation(r review.Review) moderationState {
	return moderationState{Status: r.Status, Rating: r.Rating, RejectionReason: r.RejectionReason}
}

// change locks review id, lets apply change it (returning the event type to
// publish), then saves it, updates the rating and publishes, in one transaction.
func (a *App) change(ctx context.Context, id string, apply func(tx *store.Tx, r *review.Review) (string, error)) (review.Review, error) {
	var after review.Review
	if uuid.Validate(id) != nil {
		return after, review.ErrNotFound
	}
	err := a.store.InTx(ctx, func(tx *store.Tx) error {
		before, err := tx.Lock(ctx, id)
		if err != nil {
			return err
		}
		after = before
		typ, err := apply(tx, &after)
		if err != nil {
			return err
		}
		if err := tx.Save(ctx, after); err != nil {
			return err
		}
		return a.publish(ctx, tx, before, after, review.ChangedEvent(typ, after))
	})
	return after, err
}

// publish appends ev and, when the approved set of the product changed, the
// new rollup and its product.rating_changed.
func (a *App) publish(ctx context.Context, tx *store.Tx, before, after review.Review, ev review.Changed) error {
	actor := ""
	if who, ok := auth.From(ctx); ok {
		actor = who.Subject
	}
	events := []kafka.Event{ev}
	if d := review.Change(before, after); !d.IsZero() {
		rating, err := tx.AddToRating(ctx, ev.ProductID, d)
		if err != nil {
			return err
		}
		events = append(events, review.RatingChangedEvent(rating))
	}
	return tx.Publish(ctx, ev.ProductID, actor, events...)
}
