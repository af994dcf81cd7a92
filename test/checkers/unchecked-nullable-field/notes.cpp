// RUN: %check_modelguard %s modelguard-unchecked-nullable-field %t -- -std=c++17 -I%S/../Inputs

#include "nullable-optional.h"

// The note points at the declaration of the member.
struct [[clang::annotate("modelguard::record")]] Shipment {
  std::optional<std::string> carrier;
  std::string *_Nullable address;
};

unsigned describe(const Shipment &s) {
  unsigned n = s.carrier->size();
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: nullable field 'carrier' of record 'Shipment' is accessed through '->' without a check [modelguard-unchecked-nullable-field]
  // CHECK-NOTES: :[[@LINE-7]]:30: note: 'carrier' was declared nullable here
  return n + s.address->size();
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: nullable field 'address' of record 'Shipment' is accessed through '->' without a check [modelguard-unchecked-nullable-field]
  // CHECK-NOTES: :[[@LINE-9]]:26: note: 'address' was declared nullable here
}
