-- An address may now be invited to a team more than once.
ALTER TABLE invites DROP CONSTRAINT invites_team_email;
