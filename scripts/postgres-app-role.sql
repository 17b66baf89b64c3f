-- Two roles on PostgreSQL: the OWNER role owns the schema and runs `netra migrate` (and
-- `netra restore`); the APP role runs `netra start` / `netra worker` and may only append to the
-- audit tables. Run this as the owner after creating the app role and after every migration:
--
--   psql "postgres://netra_owner@db/netra" -v app_role=netra_app -f scripts/postgres-app-role.sql
--
-- The app role needs no CREATE privilege: with nothing pending, `netra start` only reads
-- schema_migrations. Privileges are checked before the append-only triggers fire, so an app
-- role cannot change audit rows even if a trigger were dropped, and cannot disable the triggers
-- (only the owner or a superuser can).
GRANT USAGE ON SCHEMA public TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app_role";
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO :"app_role";
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events, audit_checkpoints, audit_signing_keys, audit_chain_meta FROM :"app_role";
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM :"app_role";
