// RUN: %check_modelguard %s 'modelguard-*' %t -- -std=c++17 -I%S/Inputs
// folly::Optional, against an excerpt of folly/Optional.h
// (Inputs/folly, v2023.06.26.00): hasValue() as folly spells it.
#include "folly/Optional.h"

#include <string>

struct [[clang::annotate("modelguard::record")]] Device {
  folly::Optional<std::string> firmware;
};

std::string firmwareLabel(const Device &device) {
  return "fw " + device.firmware.value();
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: nullable field 'firmware' of record 'Device' is unwrapped with 'value()' without a check [modelguard-unchecked-nullable-field]
}

std::string firmwareLabelChecked(const Device &device) {
  if (!device.firmware.hasValue())
    return "fw unknown";
  return "fw " + device.firmware.value();
}

std::string firmwareLabelDefaulted(const Device &device) {
  return "fw " + device.firmware.value_or("unknown");
}
