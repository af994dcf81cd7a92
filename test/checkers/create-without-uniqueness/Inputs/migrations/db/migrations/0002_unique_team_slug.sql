-- Team slugs became unique once duplicates were cleaned up.
ALTER TABLE teams ADD CONSTRAINT teams_slug_key UNIQUE (slug);
