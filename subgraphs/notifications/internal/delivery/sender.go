// Package delivery runs the two workers: the sender (QUEUED email and SMS
// messages to their channel, with retries) and the bulk fan-out.
package delivery

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/purra/supergraph/subgraphs/notifications/internal/app"
	"github.com/purra/supergraph/subgraphs/notifications/internal/channel"
	"github.com/purra/supergraph/subgraphs/notifications/internal/notify"
	"github.com/purra/supergraph/subgraphs/notifications/internal/store"
)

// Sender sends due messages. Sending happens outside any transaction:
//
//  1. claim (one statement): QUEUED → SENDING with a claim token, attempts+1;
//  2. render and send through the channel;
//  3. mark (one statement, only while the token still holds): SENT with
//     notification.sent in the same transaction, or back to QUEUED with
//     backoff, or FAILED after MaxAttempts.
//
// A message is sent at most once per claim, and a claim is confirmed only
// by its holder. A worker that dies between 2 and 3 leaves the row
// SENDING; after Lease it is reclaimed and sent again — the one case of a
// duplicate (at-least-once after a crash, never a lost message).
type Sender struct {
	App      *app.App
	Senders  map[notify.Channel]channel.Sender
	Topic    string
	Log      *slog.Logger
	Batch    int           // messages claimed at once (default 20)
	Attempts int           // attempts before FAILED (default 6)
	Backoff  time.Duration // first retry delay, doubled each time (default 30s)
	Lease    time.Duration // how long a claim holds before reclaim (default 2m)
	Poll     time.Duration // how often to look for due messages (default 1s)
}

func (s *Sender) defaults() {
	if s.Batch == 0 {
		s.Batch = 20
	}
	if s.Attempts == 0 {
		s.Attempts = 6
	}
	if s.Backoff == 0 {
		s.Backoff = 30 * time.Second
	}
	if s.Lease == 0 {
		s.Lease = 2 * time.Minute
	}
	if s.Poll == 0 {
		s.Poll = time.Second
	}
}

// Run sends due messages until ctx ends.
func (s *Sender) Run(ctx context.Context) error {
	s.defaults()
	t := time.NewTicker(s.Poll)
	defer t.Stop()
	for {
		for {
			n, err := s.SendDue(ctx)
			if err != nil && ctx.Err() == nil {
				s.Log.ErrorContext(ctx, "notification sender", "err", err)
			}
			if n < s.Batch || err != nil {
				break
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// SendDue reclaims expired claims, then claims and sends one batch of due
// messages; it returns how many it claimed.
func (s *Sender) SendDue(ctx context.Context) (int, error) {
	s.defaults()
	st := s.App.Store
	if n, err := st.Reclaim(ctx, time.Now().Add(-s.Lease)); err != nil {
		return 0, err
	} else if n > 0 {
		s.Log.WarnContext(ctx, "reclaimed notifications of a stopped worker", "count", n)
	}
	claimed, err := st.Claim(ctx, s.Batch)
	if err != nil {
		return 0, err
	}
	ts := s.App.TemplatesOn(st.DB)
	for _, c := range claimed {
		title, body, err := s.send(ctx, ts, c)
		if err == nil {
			if _, err := st.MarkSent(context.WithoutCancel(ctx), c, title, body, s.Topic); err != nil {
				return len(claimed), err
			}
			continue
		}
		retry := time.Now().Add(s.backoff(c.Attempts))
		s.Log.WarnContext(ctx, "notification not sent", "notification_id", c.ID, "channel", c.Channel,
			"attempt", c.Attempts, "err", err)
		if err := st.MarkAttemptFailed(context.WithoutCancel(ctx), c, err.Error(), s.Attempts, retry); err != nil {
			return len(claimed), err
		}
	}
	return len(claimed), nil
}

// send renders c with its template and hands it to its channel.
func (s *Sender) send(ctx context.Context, ts *app.Templates, c store.Claimed) (string, string, error) {
	sender, ok := s.Senders[c.Channel]
	if !ok {
		return "", "", fmt.Errorf("channel %s is not configured", c.Channel)
	}
	to := c.Recipient.Email
	if c.Channel == notify.SMS {
		to = c.Recipient.Phone
	}
	if to == "" {
		return "", "", fmt.Errorf("recipient has no %s address", c.Channel)
	}
	t, err := ts.Get(ctx, notify.Key{Event: c.Event, Channel: c.Channel, Language: c.Language})
	if err != nil {
		return "", "", err
	}
	title, body, err := t.Render(c.Data)
	if err != nil {
		return "", "", fmt.Errorf("render: %w", err)
	}
	sendCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := sender.Send(sendCtx, channel.Message{To: to, Name: c.Recipient.Name, Subject: title, Body: body}); err != nil {
		return "", "", err
	}
	return title, body, nil
}

// backoff after the n-th attempt: Backoff, 2×, 4×, … capped at an hour.
func (s *Sender) backoff(n int) time.Duration {
	d := s.Backoff
	for i := 1; i < n && d < time.Hour; i++ {
		d *= 2
	}
	return min(d, time.Hour)
}
