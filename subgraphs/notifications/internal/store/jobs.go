package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/notifications/internal/notify"
)

const jobCols = `id::text, title, body, channels, status, coalesce(cursor::text, ''), recipient_count, created_by,
	created_at, finished_at`

func scanJob(row pgx.CollectableRow) (notify.Job, error) {
	var j notify.Job
	var channels []string
	err := row.Scan(&j.ID, &j.Title, &j.Body, &channels, &j.Status, &j.Cursor, &j.RecipientCount, &j.CreatedBy,
		&j.CreatedAt, &j.FinishedAt)
	for _, c := range channels {
		j.Channels = append(j.Channels, notify.Channel(c))
	}
	return j, err
}

// InsertJob stores a new bulk job in tx and returns it as stored.
func (s *Store) InsertJob(ctx context.Context, tx pgx.Tx, j notify.Job) (notify.Job, error) {
	channels := make([]string, len(j.Channels))
	for i, c := range j.Channels {
		channels[i] = string(c)
	}
	rows, _ := tx.Query(ctx, `INSERT INTO bulk_jobs (id, title, body, channels, status, created_by)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING `+jobCols, j.ID, j.Title, j.Body, channels, j.Status, j.CreatedBy)
	saved, err := pgx.CollectExactlyOneRow(rows, scanJob)
	if err != nil {
		return notify.Job{}, fmt.Errorf("insert bulk job: %w", err)
	}
	return saved, nil
}

// Jobs returns the newest first bulk jobs.
func (s *Store) Jobs(ctx context.Context, first int) ([]notify.Job, error) {
	rows, _ := s.DB.Query(ctx, `SELECT `+jobCols+` FROM bulk_jobs ORDER BY id DESC LIMIT $1`, first)
	js, err := pgx.CollectRows(rows, scanJob)
	if err != nil {
		return nil, fmt.Errorf("bulk jobs: %w", err)
	}
	return js, nil
}

// Job returns bulk job id, nil when there is none.
func (s *Store) Job(ctx context.Context, id string) (*notify.Job, error) {
	rows, _ := s.DB.Query(ctx, `SELECT `+jobCols+` FROM bulk_jobs WHERE id = $1`, id)
	js, err := pgx.CollectRows(rows, scanJob)
	if err != nil || len(js) == 0 {
		return nil, err
	}
	return &js[0], nil
}

// LockRunningJob locks the oldest running job in tx (skipping one another
// worker holds); nil when none waits.
func (s *Store) LockRunningJob(ctx context.Context, tx pgx.Tx) (*notify.Job, error) {
	rows, _ := tx.Query(ctx, `SELECT `+jobCols+` FROM bulk_jobs WHERE status = 'RUNNING'
		ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED`)
	js, err := pgx.CollectRows(rows, scanJob)
	if err != nil {
		return nil, fmt.Errorf("lock bulk job: %w", err)
	}
	if len(js) == 0 {
		return nil, nil
	}
	return &js[0], nil
}

// AdvanceJob saves the job's cursor after a batch (and DONE after the last),
// in the batch's transaction.
func (s *Store) AdvanceJob(ctx context.Context, tx pgx.Tx, id, cursor string, covered int, done bool) error {
	_, err := tx.Exec(ctx, `UPDATE bulk_jobs SET cursor = coalesce(nullif($2, '')::uuid, cursor),
			recipient_count = recipient_count + $3,
			status = CASE WHEN $4 THEN 'DONE' ELSE status END,
			finished_at = CASE WHEN $4 THEN now() ELSE finished_at END
		WHERE id = $1`, id, cursor, covered, done)
	if err != nil {
		return fmt.Errorf("advance bulk job: %w", err)
	}
	return nil
}
