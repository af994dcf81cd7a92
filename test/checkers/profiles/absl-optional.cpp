// RUN: %check_modelguard %s 'modelguard-*' %t -- -std=c++17
// REQUIRES: absl-headers
// absl::optional against the installed headers (libabsl-dev 20220623); in
// C++17 it is std::optional under another name.
#include <absl/types/optional.h>

#include <string>

struct [[clang::annotate("modelguard::record")]] Shipment {
  absl::optional<std::string> tracking_number;
};

std::string trackingUrl(const Shipment &shipment) {
  return "https://track.example/" + *shipment.tracking_number;
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: nullable field 'tracking_number' of record 'Shipment' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

std::string trackingUrlChecked(const Shipment &shipment) {
  if (!shipment.tracking_number.has_value())
    return "";
  return "https://track.example/" + *shipment.tracking_number;
}

std::string trackingUrlDefaulted(const Shipment &shipment) {
  return "https://track.example/" + shipment.tracking_number.value_or("pending");
}
