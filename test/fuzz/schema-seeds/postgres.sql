CREATE TABLE public."Accounts" (
  id bigserial PRIMARY KEY,
  ext uuid DEFAULT gen_random_uuid(),
  tenant_id bigint NOT NULL, slug text NOT NULL, tags text[],
  CONSTRAINT uq UNIQUE NULLS NOT DISTINCT (tenant_id, slug),
  EXCLUDE USING gist (tenant_id WITH =)
);
ALTER TABLE ONLY public."Accounts" ADD CONSTRAINT a_uq UNIQUE (slug), DROP CONSTRAINT uq;
CREATE FUNCTION f() RETURNS trigger AS $body$ BEGIN RETURN NEW; END; $body$ LANGUAGE plpgsql;
CREATE UNIQUE INDEX CONCURRENTLY ON "Accounts" USING btree (lower(slug) text_pattern_ops) INCLUDE (id);
