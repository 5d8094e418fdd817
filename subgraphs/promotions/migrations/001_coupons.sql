-- +goose Up
CREATE TABLE coupons (
    id                 uuid PRIMARY KEY,
    -- Stored upper-case, so the unique index makes codes unique ignoring case.
    code               text        NOT NULL CHECK (code ~ '^[A-Z0-9_-]{3,32}$'),
    description        text        NOT NULL CHECK (char_length(description) BETWEEN 1 AND 500),
    type               text        NOT NULL CHECK (type IN ('PERCENT', 'FLAT')),
    percent_off        smallint    NOT NULL DEFAULT 0,
    amount_off_paise   bigint      NOT NULL DEFAULT 0,
    max_discount_paise bigint CHECK (max_discount_paise > 0),
    min_order_paise    bigint      NOT NULL DEFAULT 0 CHECK (min_order_paise >= 0),
    starts_at          timestamptz NOT NULL,
    ends_at            timestamptz CHECK (ends_at > starts_at),
    usage_limit        integer CHECK (usage_limit >= 1),
    per_user_limit     integer CHECK (per_user_limit >= 1),
    category_ids       uuid[]      NOT NULL DEFAULT '{}',
    brand_ids          uuid[]      NOT NULL DEFAULT '{}',
    buyer_roles        text[]      NOT NULL DEFAULT '{}',
    -- Only the users in coupon_users may see and use it.
    assigned_only      boolean     NOT NULL DEFAULT false,
    active             boolean     NOT NULL DEFAULT true,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT coupons_value CHECK (
        (type = 'PERCENT' AND percent_off BETWEEN 1 AND 90 AND amount_off_paise = 0) OR
        (type = 'FLAT' AND amount_off_paise > 0 AND percent_off = 0 AND max_discount_paise IS NULL))
);
CREATE UNIQUE INDEX coupons_code ON coupons (code);
-- myCoupons: the public coupons that are switched on.
CREATE INDEX coupons_public_active ON coupons (ends_at) WHERE active AND NOT assigned_only;

-- Users a personal coupon is assigned to.
CREATE TABLE coupon_users (
    coupon_id   uuid        NOT NULL REFERENCES coupons (id) ON DELETE CASCADE,
    user_id     uuid        NOT NULL,
    assigned_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (coupon_id, user_id)
);
CREATE INDEX coupon_users_user ON coupon_users (user_id);

-- +goose Down
DROP TABLE coupon_users;
DROP TABLE coupons;
