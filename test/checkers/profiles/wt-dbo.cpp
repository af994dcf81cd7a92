// RUN: %check_modelguard %s 'modelguard-*' %t -- -std=c++17 -I%S/Inputs
// Wt::Dbo, against an excerpt of its public API (Inputs/Wt/Dbo, Wt 4.10.0),
// in the idioms of its tutorial: every access inside a Dbo::Transaction,
// objects changed through ptr::modify().
#include "Wt/Dbo/Dbo.h"

#include <memory>
#include <string>
#include <vector>

namespace dbo = Wt::Dbo;

class User {
public:
  std::string name;
  int karma = 0;

  template <class Action> void persist(Action &a) {
    dbo::field(a, name, "name");
    dbo::field(a, karma, "karma");
  }
};

// --- unlocked-read-modify-write ------------------------------------------------

// Read in one transaction and written in another, in SQL.
void addKarmaSql(dbo::Session &session, long long userId, int delta) {
  int karma = 0;
  {
    dbo::Transaction transaction(session);
    karma = session.query<int>("select karma from user where id = ?").bind(userId);
  }
  karma += delta;
  dbo::Transaction transaction(session);
  std::vector<std::string> parameters{std::to_string(karma), std::to_string(userId)};
  session.execute("update user set karma = ? where id = ?", &parameters);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'parameters' is written back to the store after it was read and modified in two separate synchronised regions, released in between{{.*}} [modelguard-unlocked-read-modify-write]
}

// --- Not reported: the library's correct idioms ---------------------------------

// The tutorial's idiom: load and modify in one transaction (Wt::Dbo also
// checks the object's version when it flushes).
void addKarma(dbo::Session &session, long long userId, int delta) {
  dbo::Transaction transaction(session);
  dbo::ptr<User> user = session.load<User>(userId);
  user.modify()->karma += delta;
  transaction.commit();
}

void addKarmaSqlInTransaction(dbo::Session &session, long long userId, int delta) {
  dbo::Transaction transaction(session);
  int karma = session.query<int>("select karma from user where id = ?").bind(userId);
  karma += delta;
  std::vector<std::string> parameters{std::to_string(karma), std::to_string(userId)};
  session.execute("update user set karma = ? where id = ?", &parameters);
  transaction.commit();
}
