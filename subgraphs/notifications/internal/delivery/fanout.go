package delivery

import (
	"context"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/notifications/internal/app"
	"github.com/purra/supergraph/subgraphs/notifications/internal/notify"
)

// Fanout turns bulk jobs into messages, Batch recipients per transaction.
// Each batch inserts its messages and saves the job's cursor (the last
// recipient covered) together, so a worker restarted at any point resumes
// after the last committed batch: every recipient exactly once.
type Fanout struct {
	App   *app.App
	Log   *slog.Logger
	Batch int           // default notify.BulkBatch (500)
	Poll  time.Duration // default 1s
}

// Run fans out jobs until ctx ends.
func (f *Fanout) Run(ctx context.Context) error {
	if f.Poll == 0 {
		f.Poll = time.Second
	}
	t := time.NewTicker(f.Poll)
	defer t.Stop()
	for {
		for {
			worked, err := f.Step(ctx)
			if err != nil && ctx.Err() == nil {
				f.Log.ErrorContext(ctx, "bulk fan-out", "err", err)
			}
			if !worked || err != nil {
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

// Step covers the next batch of the oldest running job; false when no job runs.
func (f *Fanout) Step(ctx context.Context) (bool, error) {
	batch := f.Batch
	if batch == 0 {
		batch = notify.BulkBatch
	}
	st := f.App.Store
	worked := false
	err := st.InTx(ctx, func(tx pgx.Tx) error {
		job, err := st.LockRunningJob(ctx, tx)
		if err != nil || job == nil {
			return err
		}
		worked = true
		rs, err := st.ShoppersAfter(ctx, tx, job.Cursor, batch)
		if err != nil {
			return err
		}
		ts := f.App.TemplatesOn(tx)
		var ns []notify.Notification
		for _, r := range rs {
			more, err := f.App.Build(ctx, ts, job.ID, notify.BulkAnnouncement, r, channelsFor(*job, r, f.App.SMSEnabled), job.Data(r))
			if err != nil {
				return err
			}
			ns = append(ns, more...)
		}
		if _, err := f.App.Save(ctx, tx, ns); err != nil {
			return err
		}
		cursor := ""
		if len(rs) > 0 {
			cursor = rs[len(rs)-1].ID
		}
		done := len(rs) < batch
		if done {
			f.Log.InfoContext(ctx, "bulk job done", "job_id", job.ID, "recipients", job.RecipientCount+len(rs))
		}
		return st.AdvanceJob(ctx, tx, job.ID, cursor, len(rs), done)
	})
	return worked, err
}

// channelsFor is the job's channels that r can receive.
func channelsFor(j notify.Job, r notify.Recipient, smsEnabled bool) []notify.Channel {
	can := r.Channels(smsEnabled)
	var out []notify.Channel
	for _, c := range j.Channels {
		for _, ok := range can {
			if c == ok {
				out = append(out, c)
			}
		}
	}
	return out
}
