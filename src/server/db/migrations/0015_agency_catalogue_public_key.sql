-- Trust at the edges (issue 11, items 7–8):
--  * A referral is addressed to one instansi catalogue entry (src/domain/catalogues/instansi.ts):
--    (agency_region_code = the pemerintah daerah, province or kab/kota; agency_key). PPK scope is an
--    exact match on that pair; the free-text `agency` column stays only as the letter's wording.
--  * PPK users and PPK agency tokens keep the catalogue key in `agency` and need a region.
--  * Public timelines are reached by an unguessable public_key, not by the sequential letter number.

ALTER TABLE referrals ADD COLUMN agency_region_code text REFERENCES regions (code);
ALTER TABLE referrals ADD COLUMN agency_key text;
ALTER TABLE referrals ADD COLUMN public_key text;
CREATE INDEX referrals_agency_entry_idx ON referrals (agency_region_code, agency_key);
DROP INDEX IF EXISTS referrals_agency_idx;

-- Existing referrals, best effort: desa/honorer referrals were addressed to "Pemerintah Kabupaten X"
-- (the kepala daerah) of their region; other rows stay NULL = addressed to BKN only, until a
-- supervisor re-addresses them. Free text is not guessed further here on purpose.
UPDATE referrals SET agency_region_code = CASE WHEN region_code ~ '^\d{2}$' THEN region_code ELSE substr(region_code, 1, 5) END,
                     agency_key = 'pemerintah_daerah'
 WHERE authority IN ('BUPATI_WALIKOTA', 'PPK_DAERAH') AND region_code IS NOT NULL;

-- 122 random bits from gen_random_uuid() for existing rows; new rows get 128-bit base32 keys.
UPDATE referrals SET public_key = replace(gen_random_uuid()::text, '-', '') WHERE public_key IS NULL;
ALTER TABLE referrals ALTER COLUMN public_key SET NOT NULL;
CREATE UNIQUE INDEX referrals_public_key_idx ON referrals (public_key);

-- PPK users and tokens: the old free-text agency cannot be trusted as a key. Keep it only when it
-- already is a catalogue key and a region is set; otherwise clear it (the account sees nothing
-- until an admin re-creates it with region + instansi).
UPDATE users SET agency = NULL
 WHERE role = 'ppk' AND (region_code IS NULL OR agency IS NULL OR agency !~ '^[a-z_]+$');
UPDATE agency_tokens SET revoked_at = now()
 WHERE authority = 'PPK' AND revoked_at IS NULL AND (region_code IS NULL OR agency IS NULL OR agency !~ '^[a-z_]+$');
