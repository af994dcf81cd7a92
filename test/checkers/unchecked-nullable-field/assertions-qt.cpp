// RUN: %check_modelguard %s modelguard-unchecked-nullable-field %t -- -std=c++17 -fPIC \
// RUN:   -isystem /usr/include/x86_64-linux-gnu/qt5 -isystem /usr/include/x86_64-linux-gnu/qt5/QtCore

// Qt's Q_ASSERT and Q_ASSERT_X, from the installed headers, in a build
// with assertions enabled.
#include <QtGlobal>
#include <optional>

void use(int);

struct Document {
  std::optional<int> revision;
  std::optional<int> owner;
};

void asserted(const Document &d) {
  Q_ASSERT(d.revision.has_value());
  use(*d.revision);
  Q_ASSERT_X(d.owner, "asserted", "documents have owners");
  use(*d.owner);
}

void asserted_other(const Document &d) {
  Q_ASSERT(d.revision);
  use(*d.owner);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: nullable field 'owner' of class 'Document' is dereferenced without a check [modelguard-unchecked-nullable-field]
}
