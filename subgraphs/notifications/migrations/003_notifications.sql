-- +goose Up
-- One message to one user on one channel. event_id is the source event (or
-- bulk job): a redelivered event conflicts on notifications_once and
-- creates nothing. SENDING rows are claimed by a worker (claim_token); the
-- worker that holds the token is the only one that may mark them.
CREATE TABLE notifications (
    id              uuid PRIMARY KEY,
    user_id         uuid NOT NULL,
    channel         text NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'IN_APP')),
    event           text NOT NULL,
    language        text NOT NULL,
    status          text NOT NULL CHECK (status IN ('QUEUED', 'SENDING', 'SENT', 'FAILED')),
    event_id        text NOT NULL,
    data            jsonb NOT NULL DEFAULT '{}',
    title           text NOT NULL DEFAULT '',
    body            text NOT NULL DEFAULT '',
    attempts        int NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text NOT NULL DEFAULT '',
    claim_token     uuid,
    claimed_at      timestamptz,
    read_at         timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    CONSTRAINT notifications_once UNIQUE (event_id, channel, user_id)
);
CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE status = 'QUEUED';
CREATE INDEX notifications_claimed ON notifications (claimed_at) WHERE status = 'SENDING';
CREATE INDEX notifications_in_app ON notifications (user_id, id DESC) WHERE channel = 'IN_APP';

-- Bulk announcements; cursor is the last recipient covered, saved with each
-- batch so a restarted worker resumes after it.
CREATE TABLE bulk_jobs (
    id              uuid PRIMARY KEY,
    title           text NOT NULL,
    body            text NOT NULL,
    channels        text[] NOT NULL,
    status          text NOT NULL CHECK (status IN ('RUNNING', 'DONE')),
    cursor          uuid,
    recipient_count int NOT NULL DEFAULT 0,
    created_by      text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz
);
CREATE INDEX bulk_jobs_running ON bulk_jobs (created_at) WHERE status = 'RUNNING';

-- +goose Down
DROP TABLE bulk_jobs;
DROP TABLE notifications;
