-- +goose Up
-- Bans (admin banUser/unbanUser). The database is the source of truth; Redis
-- (platform/auth revocations) carries the news to every subgraph. unbanned_at
-- lets the ban sync re-send a recent unban that did not reach Redis.
ALTER TABLE users
    ADD COLUMN banned_at   timestamptz,
    ADD COLUMN ban_reason  text NOT NULL DEFAULT '' CHECK (char_length(ban_reason) <= 500),
    ADD COLUMN unbanned_at timestamptz,
    ADD CONSTRAINT users_ban_reason CHECK (banned_at IS NULL OR char_length(ban_reason) >= 3);
CREATE INDEX users_banned ON users (id) WHERE banned_at IS NOT NULL;
CREATE INDEX users_unbanned ON users (unbanned_at) WHERE unbanned_at IS NOT NULL;

-- Admins review pending applications oldest first.
CREATE INDEX owners_status ON owners (status, id);

-- +goose Down
DROP INDEX owners_status;
DROP INDEX users_unbanned;
DROP INDEX users_banned;
ALTER TABLE users DROP CONSTRAINT users_ban_reason,
    DROP COLUMN unbanned_at, DROP COLUMN ban_reason, DROP COLUMN banned_at;
