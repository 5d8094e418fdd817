-- +goose Up
-- What admins did in every subgraph: one row per admin.action event, whose
-- id is the primary key (a redelivered event inserts nothing). Ids from
-- other subgraphs are kept as text: a malformed one must not stop the log.
CREATE TABLE admin_audit_logs (
    id          uuid PRIMARY KEY,
    admin_id    text        NOT NULL,
    session_id  text,
    permission  text        NOT NULL,
    action      text        NOT NULL,
    target_type text        NOT NULL,
    target_id   text        NOT NULL,
    before      jsonb,
    after       jsonb,
    ip          text,
    request_id  text,
    service     text        NOT NULL,
    at          timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX admin_audit_logs_at ON admin_audit_logs (at DESC, id DESC);
CREATE INDEX admin_audit_logs_admin ON admin_audit_logs (admin_id, at DESC, id DESC);
CREATE INDEX admin_audit_logs_target ON admin_audit_logs (target_type, target_id, at DESC, id DESC);
CREATE INDEX admin_audit_logs_action ON admin_audit_logs (action, at DESC, id DESC);

-- Append-only: the log is evidence, so nobody edits or removes an entry,
-- not even this subgraph.
-- +goose StatementBegin
CREATE FUNCTION admin_audit_logs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'admin_audit_logs is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER admin_audit_logs_no_update_delete
    BEFORE UPDATE OR DELETE ON admin_audit_logs
    FOR EACH ROW EXECUTE FUNCTION admin_audit_logs_append_only();
CREATE TRIGGER admin_audit_logs_no_truncate
    BEFORE TRUNCATE ON admin_audit_logs
    FOR EACH STATEMENT EXECUTE FUNCTION admin_audit_logs_append_only();

-- +goose Down
DROP TABLE admin_audit_logs;
DROP FUNCTION admin_audit_logs_append_only();
