// RUN: %check_modelguard %s 'modelguard-*' %t -- -std=c++17
// std::optional from the standard library: has_value(), value(),
// value_or() as cppreference spells them.
#include <optional>
#include <string>

struct [[clang::annotate("modelguard::record")]] Invoice {
  std::optional<std::string> purchase_order;
  std::optional<double> discount;
};

std::string reference(const Invoice &invoice) {
  return "PO " + invoice.purchase_order.value();
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: nullable field 'purchase_order' of record 'Invoice' is unwrapped with 'value()' without a check [modelguard-unchecked-nullable-field]
}

double total(const Invoice &invoice, double amount) {
  return amount - *invoice.discount;
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: nullable field 'discount' of record 'Invoice' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

// --- Not reported -------------------------------------------------------------

std::string referenceChecked(const Invoice &invoice) {
  if (invoice.purchase_order.has_value())
    return "PO " + invoice.purchase_order.value();
  return "";
}

double totalDefaulted(const Invoice &invoice, double amount) {
  return amount - invoice.discount.value_or(0.0);
}
