-- +goose Up
-- Message templates per event, channel and language (the seed stores the
-- built-in ones; a missing row falls back to the built-in text).
CREATE TABLE templates (
    event      text NOT NULL,
    channel    text NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'IN_APP')),
    language   text NOT NULL CHECK (language IN ('en', 'hi')),
    subject    text NOT NULL,
    body       text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event, channel, language)
);

-- +goose Down
DROP TABLE templates;
