-- National holidays and cuti bersama as an editable calendar (working-day deadlines read it).
-- Seeded from src/domain/calendar/holidays.ts (SKB 3 Menteri 2024–2026, Keppres 33/2024).
CREATE TABLE calendar_days (
  date       date PRIMARY KEY,
  name       text NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('libur', 'cuti_bersama')),
  source     text NOT NULL,
  updated_by text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
