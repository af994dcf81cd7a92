// Seed: SQL text through a session-like class, with and without a
// transaction, and an upsert.
struct Result { int count() const; };
struct Session {
  Result exec(const char *sql);
  void begin();
  void commit();
};
void addVisit(Session &s) {
  Result r = s.exec("SELECT visits FROM pages WHERE id = 1");
  (void)r;
  s.exec("UPDATE pages SET visits = visits + 1 WHERE id = 1");
}
void addVisitInTransaction(Session &s) {
  s.exec("BEGIN");
  Result r = s.exec("SELECT visits FROM pages WHERE id = 1 FOR UPDATE");
  (void)r;
  s.exec("UPDATE pages SET visits = 2 WHERE id = 1");
  s.exec("COMMIT");
}
void insertOnce(Session &s) {
  s.exec("INSERT INTO pages (id) VALUES (1) ON CONFLICT DO NOTHING");
}
