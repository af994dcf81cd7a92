CREATE TABLE teams (
  id SERIAL PRIMARY KEY,
  slug TEXT NOT NULL,
  name TEXT NOT NULL
);
CREATE TABLE invites (
  id SERIAL PRIMARY KEY,
  team_id INTEGER NOT NULL REFERENCES teams (id),
  email TEXT NOT NULL,
  CONSTRAINT invites_team_email UNIQUE (team_id, email)
);
