package store

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/outbox"
	"github.com/purra/supergraph/subgraphs/notifications/internal/notify"
)

// Claimed is a notification a worker holds: it may send it, and only the
// holder of Token may mark it afterwards.
type Claimed struct {
	notify.Notification
	Token     string
	Recipient notify.Recipient
}

// Claim takes up to limit due QUEUED email/SMS notifications for sending:
// they become SENDING with a fresh claim token and one more attempt. SKIP
// LOCKED lets several workers claim side by side without waiting on each other.
func (s *Store) Claim(ctx context.Context, limit int) ([]Claimed, error) {
	token := uuid.NewString()
	rows, _ := s.DB.Query(ctx, `
		WITH due AS (
			SELECT id FROM notifications
			WHERE status = 'QUEUED' AND next_attempt_at <= now() AND channel <> 'IN_APP'
			ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
		UPDATE notifications n SET status = 'SENDING', claim_token = $2, claimed_at = now(), attempts = n.attempts + 1
		FROM due WHERE n.id = due.id
		RETURNING n.id::text, n.user_id::text, n.channel, n.event, n.language, n.status, n.event_id, n.data,
			n.title, n.body, n.attempts, n.last_error, n.read_at, n.created_at, n.sent_at`, limit, token)
	ns, err := pgx.CollectRows(rows, scanNotification)
	if err != nil {
		return nil, fmt.Errorf("claim notifications: %w", err)
	}
	if len(ns) == 0 {
		return nil, nil
	}
	ids := make([]string, len(ns))
	for i, n := range ns {
		ids[i] = n.UserID
	}
	rrows, _ := s.DB.Query(ctx, `SELECT `+recipientCols+` FROM recipients WHERE id = ANY($1::uuid[])`, ids)
	rs, err := pgx.CollectRows(rrows, scanRecipient)
	if err != nil {
		return nil, fmt.Errorf("claimed recipients: %w", err)
	}
	byID := make(map[string]notify.Recipient, len(rs))
	for _, r := range rs {
		byID[r.ID] = r
	}
	out := make([]Claimed, len(ns))
	for i, n := range ns {
		out[i] = Claimed{Notification: n, Token: token, Recipient: byID[n.UserID]}
	}
	return out, nil
}

// MarkSent records that c was delivered (with what was sent) and publishes
// notification.sent, in one transaction. False when the claim was lost (the
// row was reclaimed after the lease expired): then nothing changes.
func (s *Store) MarkSent(ctx context.Context, c Claimed, title, body, topic string) (bool, error) {
	var ok bool
	err := s.InTx(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE notifications SET status = 'SENT', sent_at = now(), title = $3, body = $4,
			claim_token = NULL, last_error = '' WHERE id = $1 AND claim_token = $2 AND status = 'SENDING'`,
			c.ID, c.Token, title, body)
		if err != nil {
			return fmt.Errorf("mark sent: %w", err)
		}
		if ok = tag.RowsAffected() == 1; !ok {
			return nil
		}
		return AppendSent(ctx, tx, topic, c.Notification)
	})
	return ok, err
}

// MarkAttemptFailed puts c back in the queue for retryAt, or FAILED once it
// has had maxAttempts attempts.
func (s *Store) MarkAttemptFailed(ctx context.Context, c Claimed, cause string, maxAttempts int, retryAt time.Time) error {
	if len(cause) > 1000 {
		cause = cause[:1000]
	}
	_, err := s.DB.Exec(ctx, `UPDATE notifications SET
			status = CASE WHEN attempts >= $3 THEN 'FAILED' ELSE 'QUEUED' END,
			next_attempt_at = $4, last_error = $5, claim_token = NULL
		WHERE id = $1 AND claim_token = $2 AND status = 'SENDING'`, c.ID, c.Token, maxAttempts, retryAt, cause)
	if err != nil {
		return fmt.Errorf("mark attempt failed: %w", err)
	}
	return nil
}

// Reclaim returns SENDING rows claimed before olderThan to the queue: their
// worker died between claim and mark. Such a message may have gone out
// already and is then sent a second time (at-least-once after a crash).
func (s *Store) Reclaim(ctx context.Context, olderThan time.Time) (int64, error) {
	tag, err := s.DB.Exec(ctx, `UPDATE notifications SET status = 'QUEUED', claim_token = NULL,
			last_error = 'claim expired'
		WHERE status = 'SENDING' AND claimed_at < $1`, olderThan)
	if err != nil {
		return 0, fmt.Errorf("reclaim: %w", err)
	}
	return tag.RowsAffected(), nil
}

// AppendSent appends notification.sent for n to tx's outbox.
func AppendSent(ctx context.Context, tx pgx.Tx, topic string, n notify.Notification) error {
	msg, err := kafka.NewMessage(ctx, topic, n.ID, "", notify.SentEvent{
		NotificationID: n.ID, UserID: n.UserID, Channel: n.Channel, Template: n.Event, EventID: n.EventID,
	})
	if err != nil {
		return err
	}
	return outbox.Append(ctx, tx, msg)
}
