-- +goose Up
-- payments:read: see any payment without being able to refund it (issue 8,
-- "one rule for admins"). SUPER_ADMIN holds every permission, so it gets it too.
INSERT INTO admin_permissions (name, description) VALUES
    ('payments:read', 'See any payment, with the provider''s ids');
INSERT INTO admin_role_permissions (role_id, permission)
SELECT id, 'payments:read' FROM admin_roles WHERE name = 'SUPER_ADMIN'
ON CONFLICT DO NOTHING;

-- +goose Down
DELETE FROM admin_role_permissions WHERE permission = 'payments:read';
DELETE FROM admin_permissions WHERE name = 'payments:read';
