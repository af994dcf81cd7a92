// RUN: rm -rf %t && mkdir -p %t/src && cp -r %S/Inputs/partial %t/schema
// RUN: echo "WarningsAsErrors: ''" > %t/.clang-tidy
// RUN: %check_modelguard %s modelguard-create-without-uniqueness %t/src/bookings -- -std=c++17
//
// A schema the reader only partly understands (Inputs/partial/schema.sql):
// bookings has an EXCLUDE constraint and guests is defined LIKE another
// table. Nothing is concluded from what the schema does not say about them;
// rooms is fully understood.
#include <pqxx/pqxx>

#include <optional>
#include <stdexcept>
#include <string>

void add_room(pqxx::connection &conn, const std::string &code) {
  pqxx::nontransaction tx{conn};
  if (tx.exec_params("SELECT id FROM rooms WHERE code = $1", code).empty())
    tx.exec_params("INSERT INTO rooms (code) VALUES ($1)", code);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: the lookup and the insert into 'rooms' are separate; nothing in the schema makes 'code' unique [modelguard-create-without-uniqueness]
    // CHECK-NOTES: :[[@LINE-3]]:7: note: 'rooms' was looked up by 'code' here
}

void book(pqxx::connection &conn, int room_id, const std::string &guest) {
  pqxx::nontransaction tx{conn};
  if (tx.exec_params("SELECT id FROM bookings WHERE room_id = $1 AND guest = $2", room_id, guest)
          .empty())
    tx.exec_params("INSERT INTO bookings (room_id, guest, during) VALUES ($1, $2, '[,]')",
                   room_id, guest);
}

void register_guest(pqxx::connection &conn, const std::string &guest) {
  pqxx::nontransaction tx{conn};
  if (tx.exec_params("SELECT id FROM guests WHERE guest = $1", guest).empty())
    tx.exec_params("INSERT INTO guests (guest) VALUES ($1)", guest);
}

// The identity-guard form still applies; its message does not claim what
// the keys of a partly understood table are.
struct [[clang::annotate("modelguard::record")]] Booking {
  std::optional<long> id;
  int room_id = 0;
  void create(pqxx::connection &conn) {
    if (id) throw std::logic_error("already created");
    pqxx::nontransaction tx{conn};
    tx.exec_params("INSERT INTO bookings (room_id, guest, during) VALUES ($1, '', '[,]')", room_id);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'SQL INSERT' inserts a new 'Booking' guarded only by an identity test, with no lookup by another key before it [modelguard-create-without-uniqueness]
    // CHECK-NOTES: :[[@LINE-4]]:9: note: the only guard against creating the record twice was this identity test
  }
};
