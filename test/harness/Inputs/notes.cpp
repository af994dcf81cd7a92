#include <optional>
struct Row {
  std::optional<int> n;
};
int f(Row r) {
  return *r.n;
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: nullable field 'r.n' is dereferenced without a check that it holds a value [modelguard-unchecked-nullable-field]
  // CHECK-NOTES: :3:22: note: 'n' is declared nullable here
}
