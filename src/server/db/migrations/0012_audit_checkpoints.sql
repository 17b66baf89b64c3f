-- Audit trail that cannot be rewritten quietly: gapless event ids, signed checkpoints over
-- (last id, event count, head hash), and the sealed key that signs them. All three tables are
-- append-only like audit_events (a trigger here; on PostgreSQL also the app role's privileges,
-- see scripts/postgres-app-role.sql).

-- Event ids are assigned as previous + 1 under the chain lock from now on. Gaps at or below this
-- id come from sequence values lost to rolled-back transactions before that.
CREATE TABLE audit_chain_meta (
  singleton     boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  gapless_after bigint NOT NULL
);
INSERT INTO audit_chain_meta (gapless_after) SELECT coalesce(max(id), 0) FROM audit_events;

-- Ed25519 keys that sign checkpoints; the private key is sealed with the identity vault, so a
-- copy of the database alone cannot sign.
CREATE TABLE audit_signing_keys (
  key_id             text PRIMARY KEY,
  algorithm          text NOT NULL DEFAULT 'Ed25519',
  public_key_pem     text NOT NULL,
  sealed_private_key text NOT NULL,
  created_at         timestamptz NOT NULL
);

CREATE TABLE audit_checkpoints (
  id            bigint PRIMARY KEY,
  last_event_id bigint NOT NULL,
  event_count   bigint NOT NULL,
  head_hash     text NOT NULL,
  signed_at     timestamptz NOT NULL,
  key_id        text NOT NULL REFERENCES audit_signing_keys (key_id),
  signature     text NOT NULL
);

CREATE FUNCTION audit_table_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER audit_chain_meta_append_only BEFORE UPDATE OR DELETE ON audit_chain_meta
  FOR EACH ROW EXECUTE FUNCTION audit_table_append_only();
CREATE TRIGGER audit_signing_keys_append_only BEFORE UPDATE OR DELETE ON audit_signing_keys
  FOR EACH ROW EXECUTE FUNCTION audit_table_append_only();
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION audit_table_append_only();
-- TRUNCATE skips row triggers; refuse it on every audit table too.
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_table_append_only();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION audit_table_append_only();
CREATE TRIGGER audit_signing_keys_no_truncate BEFORE TRUNCATE ON audit_signing_keys
  FOR EACH STATEMENT EXECUTE FUNCTION audit_table_append_only();
