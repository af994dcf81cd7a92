// RUN: %check_modelguard %s 'modelguard-*' %t -- -std=c++17
// REQUIRES: soci-headers
// SOCI against the installed headers (libsoci-dev 4.0), in the idioms of its
// documentation: sql << "...", into(), use(); soci::transaction and
// session::begin() / commit().
#include <soci/soci.h>

#include <optional>
#include <stdexcept>
#include <string>

struct [[clang::annotate("modelguard::record")]] Reader {
  std::optional<int> id;
  std::string email;
};

// --- unlocked-read-modify-write ------------------------------------------------

void borrowBook(soci::session &sql, int bookId) {
  int copies = 0;
  sql << "select copies from books where id = :id", soci::into(copies), soci::use(bookId);
  copies -= 1;
  sql << "update books set copies = :c where id = :id", soci::use(copies), soci::use(bookId);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'copies' is written back to the store after it was read and modified with no lock, {{.*}} [modelguard-unlocked-read-modify-write]
}

// --- create-without-uniqueness --------------------------------------------------

void registerReader(soci::session &sql, Reader &reader) {
  if (reader.id)
    throw std::logic_error("reader already registered");
  sql << "insert into readers(email) values(:email)", soci::use(reader.email);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}} inserts a new 'Reader' guarded only by an identity test{{.*}} [modelguard-create-without-uniqueness]
}

// --- Not reported: the library's correct idioms ---------------------------------

void borrowBookInTransaction(soci::session &sql, int bookId) {
  soci::transaction tr(sql);
  int copies = 0;
  sql << "select copies from books where id = :id", soci::into(copies), soci::use(bookId);
  copies -= 1;
  sql << "update books set copies = :c where id = :id", soci::use(copies), soci::use(bookId);
  tr.commit();
}

void borrowBookBeginCommit(soci::session &sql, int bookId) {
  sql.begin();
  int copies = 0;
  sql << "select copies from books where id = :id", soci::into(copies), soci::use(bookId);
  copies -= 1;
  sql << "update books set copies = :c where id = :id", soci::use(copies), soci::use(bookId);
  sql.commit();
}

void borrowBookAtomically(soci::session &sql, int bookId) {
  sql << "update books set copies = copies - 1 where id = :id and copies > 0",
      soci::use(bookId);
}

void registerReaderAfterLookup(soci::session &sql, Reader &reader) {
  if (reader.id)
    throw std::logic_error("reader already registered");
  int existing = 0;
  sql << "select count(*) from readers where email = :email", soci::into(existing),
      soci::use(reader.email);
  if (existing)
    throw std::runtime_error("email taken");
  sql << "insert into readers(email) values(:email)", soci::use(reader.email);
}
