// RUN: rm -rf %t && mkdir -p %t/src && cp -r %S/Inputs/migrations/db %t/
// RUN: printf "CheckOptions:\n  modelguard-create-without-uniqueness.SchemaFiles: 'db/migrations/*.sql'\n" > %t/.clang-tidy
// RUN: %check_modelguard %s modelguard-create-without-uniqueness %t/src/teams -- -std=c++17
//
// Migrations split across files (Inputs/migrations/db/migrations/000N_*.sql)
// are applied in the order of their names: 0002 makes teams.slug unique,
// 0003 drops the unique constraint on invites (team_id, email).
#include <pqxx/pqxx>

#include <string>

// Unique since 0002_unique_team_slug.sql.
void create_team(pqxx::connection &conn, const std::string &slug, const std::string &name) {
  pqxx::nontransaction tx{conn};
  if (tx.exec_params("SELECT id FROM teams WHERE slug = $1", slug).empty())
    tx.exec_params("INSERT INTO teams (slug, name) VALUES ($1, $2)", slug, name);
}

// Not unique any more since 0003_invites_any_email.sql.
void invite(pqxx::connection &conn, int team_id, const std::string &email) {
  pqxx::nontransaction tx{conn};
  pqxx::result pending =
      tx.exec_params("SELECT id FROM invites WHERE team_id = $1 AND email = $2", team_id, email);
  if (pending.size() > 0)
    return;
  tx.exec_params("INSERT INTO invites (team_id, email) VALUES ($1, $2)", team_id, email);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the lookup and the insert into 'invites' are separate; nothing in the schema makes 'team_id' or 'email' unique [modelguard-create-without-uniqueness]
  // CHECK-NOTES: :[[@LINE-5]]:7: note: 'invites' was looked up by 'team_id' or 'email' here
}
