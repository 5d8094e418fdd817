-- +goose Up
-- Who may be notified: a projection of users (user.registered, user.updated)
-- and admins (admin.created). Admin ids never collide with user ids.
CREATE TABLE recipients (
    id         uuid PRIMARY KEY,
    kind       text NOT NULL CHECK (kind IN ('USER', 'ADMIN')),
    name       text NOT NULL DEFAULT '',
    email      text NOT NULL DEFAULT '',
    phone      text NOT NULL DEFAULT '',
    language   text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'hi')),
    updated_at timestamptz NOT NULL DEFAULT now()
);
-- The bulk fan-out walks shoppers in id order.
CREATE INDEX recipients_kind_id ON recipients (kind, id);

-- Orders, from order.placed, so payment.refunded (which has no user id) finds its buyer.
CREATE TABLE order_refs (
    order_id     uuid PRIMARY KEY,
    user_id      uuid NOT NULL,
    order_number text NOT NULL,
    total_paise  bigint NOT NULL
);

-- +goose Down
DROP TABLE order_refs;
DROP TABLE recipients;
