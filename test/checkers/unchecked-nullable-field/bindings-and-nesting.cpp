// RUN: %check_modelguard %s modelguard-unchecked-nullable-field %t -- -std=c++17

// Records reached through structured bindings, and nullable members of a
// nullable member (an optional address with an optional postcode).
#include <map>
#include <optional>
#include <string>
#include <utility>

void send(const std::string &);

struct Address {
  std::string street;
  std::optional<std::string> postcode;
};

struct [[clang::annotate("modelguard::record")]] Shipment {
  long id;
  std::optional<std::string> note;
  std::optional<Address> address;
};

void notes(const std::map<long, Shipment> &by_id) {
  for (const auto &[id, shipment] : by_id)
    send(*shipment.note);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: nullable field 'note' of record 'Shipment' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

void first_note(const std::pair<long, Shipment> &entry) {
  const auto &[id, shipment] = entry;
  send(shipment.note.value());
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: nullable field 'note' of record 'Shipment' is unwrapped with 'value()' without a check [modelguard-unchecked-nullable-field]
}

void notes_checked(const std::map<long, Shipment> &by_id) {
  for (const auto &[id, shipment] : by_id)
    if (shipment.note)
      send(*shipment.note);
}

// The address is tested, its postcode is not.
void label(const Shipment &shipment) {
  if (!shipment.address)
    return;
  send(shipment.address->street);
  send(*shipment.address->postcode);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: nullable field 'postcode' of class 'Address' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

void label_checked(const Shipment &shipment) {
  if (shipment.address && shipment.address->postcode)
    send(*shipment.address->postcode);
  if (!shipment.address || !(*shipment.address).postcode.has_value())
    return;
  send(*(*shipment.address).postcode);
}
