-- +goose Up
-- settlements:manage: set commission rates per category, run the sellers'
-- settlement and read any store's settlements (issue 9, payments' ledger,
-- docs/settlements.md). SUPER_ADMIN holds every permission, so it gets it
-- too; there is no finance role in the seed (admins create one with it).
INSERT INTO admin_permissions (name, description) VALUES
    ('settlements:manage', 'Set commission rates, run seller settlements and read any store''s settlements');
INSERT INTO admin_role_permissions (role_id, permission)
SELECT id, 'settlements:manage' FROM admin_roles WHERE name = 'SUPER_ADMIN'
ON CONFLICT DO NOTHING;

-- +goose Down
DELETE FROM admin_role_permissions WHERE permission = 'settlements:manage';
DELETE FROM admin_permissions WHERE name = 'settlements:manage';
