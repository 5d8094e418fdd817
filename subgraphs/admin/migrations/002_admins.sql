-- +goose Up
-- The fixed permission list (internal/admin.Permissions; a test keeps them equal).
CREATE TABLE admin_permissions (
    name        text PRIMARY KEY,
    description text NOT NULL
);
INSERT INTO admin_permissions (name, description) VALUES
    ('catalog:write', 'Create and change any product, variant, category, brand and GST rate'),
    ('users:ban', 'Ban and unban shoppers'),
    ('users:approve', 'Approve or reject owner applications'),
    ('stores:approve', 'Approve, suspend and reactivate stores'),
    ('reviews:moderate', 'Approve or reject product reviews'),
    ('orders:update', 'Pack, ship, deliver and cancel any order'),
    ('payments:refund', 'Refund any payment'),
    ('inventory:write', 'Restock and set stock alerts for any store'),
    ('promotions:write', 'Create and change coupons and discount rules'),
    ('banners:write', 'Create, change and delete banners'),
    ('notifications:send', 'Send bulk notifications and edit templates'),
    ('admins:manage', 'Manage admins, roles and other admins'' sessions'),
    ('audit:read', 'Read the audit log');

CREATE TABLE admin_roles (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL CONSTRAINT admin_roles_name_key UNIQUE,
    description text        NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE admin_role_permissions (
    role_id    uuid NOT NULL REFERENCES admin_roles (id) ON DELETE CASCADE,
    permission text NOT NULL REFERENCES admin_permissions (name),
    PRIMARY KEY (role_id, permission)
);

CREATE TABLE admin_users (
    id            uuid PRIMARY KEY,
    name          text        NOT NULL,
    email         text        NOT NULL CONSTRAINT admin_users_email_key UNIQUE CHECK (email = lower(email)),
    password_hash text        NOT NULL,
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);

CREATE TABLE admin_user_roles (
    admin_id uuid NOT NULL REFERENCES admin_users (id) ON DELETE CASCADE,
    role_id  uuid NOT NULL REFERENCES admin_roles (id),
    PRIMARY KEY (admin_id, role_id)
);
CREATE INDEX admin_user_roles_role ON admin_user_roles (role_id);

-- One row per adminLogin; the id is the sid claim of the session's tokens.
CREATE TABLE admin_sessions (
    id           uuid PRIMARY KEY,
    admin_id     uuid        NOT NULL REFERENCES admin_users (id) ON DELETE CASCADE,
    device       text        NOT NULL,
    ip           text        NOT NULL,
    created_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz
);
CREATE INDEX admin_sessions_admin ON admin_sessions (admin_id, created_at DESC);

-- +goose Down
DROP TABLE admin_sessions;
DROP TABLE admin_user_roles;
DROP TABLE admin_users;
DROP TABLE admin_role_permissions;
DROP TABLE admin_roles;
DROP TABLE admin_permissions;
