#include <optional>
struct Row {
  std::optional<int> n;
};
int f(Row r) {
  return *r.n;
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: nullable field 'n' of class 'Row' is dereferenced without a check [modelguard-unchecked-nullable-field]
  // CHECK-NOTES: :3:22: note: 'n' was declared nullable here
}
