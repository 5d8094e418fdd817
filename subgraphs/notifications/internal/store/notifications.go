package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/notifications/internal/notify"
)

// Insert stores ns in one statement; a notification whose (event id,
// channel, user) exists already is skipped. It returns the ones inserted.
func (s *Store) Insert(ctx context.Context, q Q, ns []notify.Notification) ([]notify.Notification, error) {
	if len(ns) == 0 {
		return nil, nil
	}
	var (
		ids, users, channels, events, langs, statuses, eventIDs, titles, bodies []string
		data                                                                    [][]byte
		sentAt                                                                  []*time.Time
	)
	for _, n := range ns {
		raw, err := json.Marshal(n.Data)
		if err != nil {
			return nil, fmt.Errorf("notification data: %w", err)
		}
		ids, users, channels = append(ids, n.ID), append(users, n.UserID), append(channels, string(n.Channel))
		events, langs, statuses = append(events, string(n.Event)), append(langs, string(n.Language)), append(statuses, string(n.Status))
		eventIDs, titles, bodies = append(eventIDs, n.EventID), append(titles, n.Title), append(bodies, n.Body)
		data, sentAt = append(data, raw), append(sentAt, n.SentAt)
	}
	rows, err := q.Query(ctx, `
		INSERT INTO notifications (id, user_id, channel, event, language, status, event_id, data, title, body, sent_at)
		SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
			$8::jsonb[], $9::text[], $10::text[], $11::timestamptz[])
		ON CONFLICT ON CONSTRAINT notifications_once DO NOTHING
		RETURNING id::text`, ids, users, channels, events, langs, statuses, eventIDs, data, titles, bodies, sentAt)
	if err != nil {
		return nil, fmt.Errorf("insert notifications: %w", err)
	}
	inserted, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("insert notifications: %w", err)
	}
	byID := make(map[string]bool, len(inserted))
	for _, id := range inserted {
		byID[id] = true
	}
	out := make([]notify.Notification, 0, len(inserted))
	for _, n := range ns {
		if byID[n.ID] {
			out = append(out, n)
		}
	}
	return out, nil
}

const notificationCols = `id::text, user_id::text, channel, event, language, status, event_id, data, title, body,
	attempts, last_error, read_at, created_at, sent_at`

func scanNotification(row pgx.CollectableRow) (notify.Notification, error) {
	var n notify.Notification
	err := row.Scan(&n.ID, &n.UserID, &n.Channel, &n.Event, &n.Language, &n.Status, &n.EventID, &n.Data,
		&n.Title, &n.Body, &n.Attempts, &n.LastError, &n.ReadAt, &n.CreatedAt, &n.SentAt)
	return n, err
}

// InApp returns a page of user's in-app notifications, newest first, and
// whether more follow.
func (s *Store) InApp(ctx context.Context, userID string, p notify.Page) ([]notify.Notification, bool, error) {
	rows, _ := s.DB.Query(ctx, `SELECT `+notificationCols+` FROM notifications
		WHERE user_id = $1 AND channel = 'IN_APP' AND ($2 = '' OR id < $2::uuid) AND (NOT $3 OR read_at IS NULL)
		ORDER BY id DESC LIMIT $4`, userID, p.After, p.UnreadOnly, p.First+1)
	ns, err := pgx.CollectRows(rows, scanNotification)
	if err != nil {
		return nil, false, fmt.Errorf("in-app notifications: %w", err)
	}
	if len(ns) > p.First {
		return ns[:p.First], true, nil
	}
	return ns, false, nil
}

// MarkRead marks user's in-app notification id read (once: a second call
// keeps the first time) and returns it; nil when it is not theirs.
func (s *Store) MarkRead(ctx context.Context, userID, id string) (*notify.Notification, error) {
	rows, _ := s.DB.Query(ctx, `UPDATE notifications SET read_at = coalesce(read_at, now())
		WHERE id = $1 AND user_id = $2 AND channel = 'IN_APP' RETURNING `+notificationCols, id, userID)
	ns, err := pgx.CollectRows(rows, scanNotification)
	if err != nil {
		return nil, fmt.Errorf("mark read: %w", err)
	}
	if len(ns) == 0 {
		return nil, nil
	}
	return &ns[0], nil
}

// Count returns how many notifications exist (tests: nothing written).
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	err := s.DB.QueryRow(ctx, `SELECT count(*) FROM notifications`).Scan(&n)
	return n, err
}
