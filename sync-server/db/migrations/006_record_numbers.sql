-- The team's record number series (src-shared/records/record-numbers.ts): the next counter per series
-- ("QUO-2026"). Numbers are given inside the push transaction that stores the record, so a refused or
-- rolled-back write never uses one and gapless series (invoices) have no gaps.
CREATE TABLE number_series (
  series text PRIMARY KEY,
  next_counter bigint NOT NULL
);

CREATE INDEX documents_record_number ON documents ((data->>'kind'), (data->>'number')) WHERE collection = 'records';

-- What record kinds' invariants read (src-shared/records/record-invariants.ts): a record's children of
-- a kind (an instrument's calibrations and bookings) and a person's records of a kind.
CREATE INDEX documents_record_parent ON documents ((data->>'parentId')) WHERE collection = 'records';

CREATE INDEX documents_record_person ON documents ((data->>'personId')) WHERE collection = 'records';
