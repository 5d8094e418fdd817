-- +goose Up
-- Banners are few and admin-written; the checks repeat the domain's rules so
-- that no code path can store a banner the storefront cannot show.
CREATE TABLE banners (
    id          uuid PRIMARY KEY,
    title       text        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 120),
    subtitle    text        CHECK (subtitle IS NULL OR char_length(subtitle) BETWEEN 1 AND 200),
    image_url   text        NOT NULL CHECK (char_length(image_url) BETWEEN 1 AND 2048),
    link_url    text        NOT NULL CHECK (char_length(link_url) BETWEEN 1 AND 2048),
    placement   text        NOT NULL CHECK (placement IN ('HOME_HERO', 'HOME_STRIP', 'CATEGORY')),
    category_id uuid,
    priority    integer     NOT NULL CHECK (priority BETWEEN 0 AND 1000),
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    active      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT banners_window CHECK (ends_at > starts_at),
    CONSTRAINT banners_category CHECK ((placement = 'CATEGORY') = (category_id IS NOT NULL))
);

-- activeBanners loads the not-yet-expired active banners of one placement (and category).
CREATE INDEX banners_schedule ON banners (placement, category_id, ends_at) WHERE active;

-- +goose Down
DROP TABLE banners;
