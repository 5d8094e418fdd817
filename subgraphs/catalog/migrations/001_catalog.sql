-- +goose Up
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- GST rate by HSN prefix; a product's rate is that of its longest matching prefix.
CREATE TABLE gst_rates (
    hsn_code     text PRIMARY KEY CHECK (hsn_code ~ '^[0-9]{4}([0-9]{2}){0,2}$'),
    rate_percent numeric(5,2) NOT NULL CHECK (rate_percent >= 0 AND rate_percent <= 100),
    description  text NOT NULL DEFAULT ''
);

-- Projection of the stores subgraph's stores (fed by its events later): who may edit what.
CREATE TABLE stores (
    id            uuid PRIMARY KEY,
    owner_user_id uuid NOT NULL,
    name          text NOT NULL,
    status        text NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stores_owner_idx ON stores (owner_user_id);

CREATE TABLE categories (
    id         uuid PRIMARY KEY,
    parent_id  uuid REFERENCES categories (id),
    name       text NOT NULL,
    slug       text NOT NULL CONSTRAINT categories_slug_key UNIQUE,
    position   int  NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX categories_parent_idx ON categories (parent_id, position);

CREATE TABLE brands (
    id         uuid PRIMARY KEY,
    name       text NOT NULL,
    slug       text NOT NULL CONSTRAINT brands_slug_key UNIQUE,
    logo_url   text,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE products (
    id              uuid PRIMARY KEY,
    store_id        uuid NOT NULL REFERENCES stores (id),
    brand_id        uuid NOT NULL REFERENCES brands (id),
    category_id     uuid NOT NULL REFERENCES categories (id),
    title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    slug            text NOT NULL CONSTRAINT products_slug_key UNIQUE,
    description     text NOT NULL DEFAULT '' CHECK (length(description) <= 10000),
    hsn_code        text NOT NULL CHECK (hsn_code ~ '^[0-9]{4}([0-9]{2}){0,2}$'),
    status          text NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'ARCHIVED')),
    created_by      uuid,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    -- Denormalised by refresh_products(): price sort and priceRange without reading variants.
    min_price_paise bigint,
    max_price_paise bigint,
    -- Denormalised by refresh_products(): weighted full-text document and trigram text.
    search          tsvector NOT NULL DEFAULT ''::tsvector,
    search_text     text NOT NULL DEFAULT ''
);
CREATE INDEX products_search_idx ON products USING gin (search) WHERE status = 'ACTIVE';
CREATE INDEX products_search_trgm_idx ON products USING gin (search_text gin_trgm_ops) WHERE status = 'ACTIVE';
CREATE INDEX products_active_newest_idx ON products (created_at DESC, id DESC) WHERE status = 'ACTIVE';
CREATE INDEX products_active_price_idx ON products (min_price_paise, id) WHERE status = 'ACTIVE';
CREATE INDEX products_store_idx ON products (store_id, created_at DESC, id DESC);
CREATE INDEX products_category_idx ON products (category_id);
CREATE INDEX products_brand_idx ON products (brand_id);

CREATE TABLE attributes (
    id         uuid PRIMARY KEY,
    name       text NOT NULL,
    slug       text NOT NULL CONSTRAINT attributes_slug_key UNIQUE,
    position   int  NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE attribute_values (
    id           uuid PRIMARY KEY,
    attribute_id uuid NOT NULL REFERENCES attributes (id),
    value        text NOT NULL,
    position     int  NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX attribute_values_value_key ON attribute_values (attribute_id, lower(value));

CREATE TABLE product_variants (
    id                   uuid PRIMARY KEY,
    product_id           uuid NOT NULL REFERENCES products (id),
    sku                  text NOT NULL CONSTRAINT product_variants_sku_key UNIQUE
                         CHECK (sku ~ '^[A-Z0-9-]{1,64}$'),
    title                text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    mrp_paise            bigint NOT NULL CHECK (mrp_paise > 0),
    price_paise          bigint NOT NULL CHECK (price_paise > 0 AND price_paise <= mrp_paise),
    retailer_price_paise bigint CHECK (retailer_price_paise > 0 AND retailer_price_paise <= price_paise),
    min_order_quantity   int NOT NULL DEFAULT 1 CHECK (min_order_quantity >= 1),
    position             int NOT NULL DEFAULT 0,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX product_variants_product_idx ON product_variants (product_id, position);

-- One value per attribute per variant.
CREATE TABLE variant_attribute_values (
    variant_id         uuid NOT NULL REFERENCES product_variants (id),
    attribute_id       uuid NOT NULL REFERENCES attributes (id),
    attribute_value_id uuid NOT NULL REFERENCES attribute_values (id),
    PRIMARY KEY (variant_id, attribute_id)
);
CREATE INDEX variant_attribute_values_value_idx ON variant_attribute_values (attribute_value_id, variant_id);

CREATE TABLE product_media (
    id         uuid PRIMARY KEY,
    product_id uuid NOT NULL REFERENCES products (id),
    alt        text NOT NULL,
    position   int  NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (product_id, position)
);

CREATE TABLE product_media_urls (
    media_id uuid NOT NULL REFERENCES product_media (id),
    url      text NOT NULL,
    width    int  NOT NULL CHECK (width BETWEEN 1 AND 10000),
    format   text NOT NULL,
    PRIMARY KEY (media_id, width, format)
);

CREATE TABLE variant_media (
    id         uuid PRIMARY KEY,
    variant_id uuid NOT NULL REFERENCES product_variants (id),
    alt        text NOT NULL,
    position   int  NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (variant_id, position)
);

CREATE TABLE variant_media_urls (
    media_id uuid NOT NULL REFERENCES variant_media (id),
    url      text NOT NULL,
    width    int  NOT NULL CHECK (width BETWEEN 1 AND 10000),
    format   text NOT NULL,
    PRIMARY KEY (media_id, width, format)
);

-- refresh_products recomputes the denormalised columns of the given products:
-- the price range from their variants and the search document from title
-- (A), brand (A), category path and variant titles (B), description (D).
-- The store calls it in the transaction of every write that affects them.
-- +goose StatementBegin
CREATE FUNCTION refresh_products(ids uuid[]) RETURNS void LANGUAGE sql AS $$
    WITH src AS (
        SELECT p.id, v.min_price, v.max_price,
            setweight(to_tsvector('english', p.title), 'A') ||
            setweight(to_tsvector('english', b.name), 'A') ||
            setweight(to_tsvector('english', coalesce(c.path, '')), 'B') ||
            setweight(to_tsvector('english', coalesce(v.titles, '')), 'C') ||
            setweight(to_tsvector('english', p.description), 'D') AS search,
            lower(p.title || ' ' || b.name || ' ' || coalesce(c.path, '')) AS search_text
        FROM products p
        JOIN brands b ON b.id = p.brand_id
        CROSS JOIN LATERAL (
            WITH RECURSIVE up AS (
                SELECT k.id, k.parent_id, k.name, 0 AS depth FROM categories k WHERE k.id = p.category_id
                UNION ALL
                SELECT k.id, k.parent_id, k.name, up.depth + 1 FROM categories k JOIN up ON k.id = up.parent_id
                WHERE up.depth < 10
            )
            SELECT string_agg(name, ' ' ORDER BY depth) AS path FROM up
        ) c
        CROSS JOIN LATERAL (
            SELECT min(pv.price_paise) AS min_price, max(pv.price_paise) AS max_price,
                   string_agg(pv.title, ' ' ORDER BY pv.position) AS titles
            FROM product_variants pv WHERE pv.product_id = p.id
        ) v
        WHERE p.id = ANY(ids)
    )
    UPDATE products p SET min_price_paise = src.min_price, max_price_paise = src.max_price,
        search = src.search, search_text = src.search_text
    FROM src WHERE p.id = src.id
$$;
-- +goose StatementEnd

-- Standard GST rates for the electronics this marketplace sells. The
-- commerce issue makes them editable; until then they live here.
INSERT INTO gst_rates (hsn_code, rate_percent, description) VALUES
    ('8517', 18, 'Mobile phones, smartwatches and other telephone sets'),
    ('8471', 18, 'Laptops and computers'),
    ('8528', 28, 'Televisions and monitors (28% slab for sets above 32 inches)'),
    ('8518', 18, 'Headphones, earphones and loudspeakers'),
    ('8525', 18, 'Digital and action cameras'),
    ('8504', 18, 'Chargers and power adapters'),
    ('8544', 18, 'Cables'),
    ('8507', 18, 'Power banks (lithium-ion accumulators)'),
    ('3926', 18, 'Plastic phone cases'),
    ('4202', 18, 'Cases and pouches');

-- +goose Down
DROP TABLE variant_media_urls, variant_media, product_media_urls, product_media,
    variant_attribute_values, product_variants, attribute_values, attributes,
    products, brands, categories, stores, gst_rates;
DROP FUNCTION refresh_products(uuid[]);
