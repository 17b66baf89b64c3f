-- Witness name, address and phone sealed at rest like the reporter's identity (AES-256-GCM by the
-- identity vault). SQL cannot call the vault, so this migration only makes room: new rows are
-- written sealed, and the app seals any remaining plaintext row when it starts
-- (sealLegacyWitnesses), nulling the plaintext columns in the same UPDATE.
ALTER TABLE case_witnesses ADD COLUMN sealed text;
ALTER TABLE case_witnesses ADD COLUMN key_id text;
ALTER TABLE case_witnesses ALTER COLUMN name DROP NOT NULL;
ALTER TABLE case_witnesses ALTER COLUMN address DROP NOT NULL;
ALTER TABLE case_witnesses ALTER COLUMN address DROP DEFAULT;
-- Either sealed with no plaintext left, or a legacy plaintext row awaiting sealing.
ALTER TABLE case_witnesses ADD CONSTRAINT case_witnesses_sealed_or_legacy CHECK (
  (sealed IS NOT NULL AND key_id IS NOT NULL AND name IS NULL AND address IS NULL AND phone IS NULL)
  OR (sealed IS NULL AND name IS NOT NULL));
