-- Province-level queues filter cases by the province part of the handling office.
CREATE INDEX cases_office_province_idx ON cases (left(office_code, 2));
CREATE INDEX cases_office_code_idx ON cases (office_code, received_at);
