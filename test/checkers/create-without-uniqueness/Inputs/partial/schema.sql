-- A schema the reader only partly understands.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE rooms (
  id SERIAL PRIMARY KEY,
  code TEXT NOT NULL
);

-- EXCLUDE is a uniqueness rule the reader does not model.
CREATE TABLE bookings (
  id SERIAL PRIMARY KEY,
  room_id INTEGER NOT NULL,
  guest TEXT NOT NULL,
  during TSTZRANGE NOT NULL,
  EXCLUDE USING gist (room_id WITH =, during WITH &&)
);

-- Defined from another table.
CREATE TABLE guests (LIKE bookings INCLUDING ALL);

CREATE POLICY guests_own ON guests USING (guest = current_user);
