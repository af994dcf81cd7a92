// RUN: %check_modelguard %s modelguard-unlocked-read-modify-write %t -- -std=c++17 -I%S/Inputs
// RUN: %check_modelguard --check-suffix=NOODB --config="{CheckOptions: {Profiles: '-odb'}}" %s modelguard-unlocked-read-modify-write %t -- -std=c++17 -I%S/Inputs
// RUN: %check_modelguard --check-suffix=ONLY --config="{CheckOptions: {Profiles: 'sqlite3'}}" %s modelguard-unlocked-read-modify-write %t -- -std=c++17 -I%S/Inputs
// RUN: %check_modelguard --check-suffix=USER --config="{CheckOptions: {ProfileFiles: '%S/Inputs/user/acme-vault.json'}}" %s modelguard-unlocked-read-modify-write %t -- -std=c++17 -I%S/Inputs
//
// --dump-config shows both options, with their defaults and as configured.
// RUN: %clang_tidy --load=%modelguard_module --checks='-*,modelguard-*' --dump-config | FileCheck %s --check-prefix=DEFAULTS
// RUN: %clang_tidy --load=%modelguard_module --checks='-*,modelguard-*' --config="{CheckOptions: {Profiles: '-odb', ProfileFiles: 'a.json'}}" --dump-config | FileCheck %s --check-prefix=CONFIGURED
// DEFAULTS-DAG: modelguard-unlocked-read-modify-write.Profiles: '*'
// DEFAULTS-DAG: modelguard-unlocked-read-modify-write.ProfileFiles: ''
// CONFIGURED-DAG: modelguard-unlocked-read-modify-write.Profiles: '-odb'
// CONFIGURED-DAG: modelguard-unlocked-read-modify-write.ProfileFiles: a.json
//
// A profile name that does not exist, a profile file that cannot be read or
// is invalid: configuration errors naming the problem.
// RUN: %clang_tidy --load=%modelguard_module --checks='-*,modelguard-unlocked-read-modify-write' --config="{CheckOptions: {Profiles: '-odbc'}}" %s -- -std=c++17 -I%S/Inputs 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// UNKNOWN: modelguard-unlocked-read-modify-write: option 'Profiles': unknown profile 'odbc'
// RUN: %clang_tidy --load=%modelguard_module --checks='-*,modelguard-unlocked-read-modify-write' --config="{CheckOptions: {ProfileFiles: '%S/Inputs/user/missing.json'}}" %s -- -std=c++17 -I%S/Inputs 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: modelguard-unlocked-read-modify-write: option 'ProfileFiles': cannot read '{{.*}}missing.json': {{.*}}
// RUN: %clang_tidy --load=%modelguard_module --checks='-*,modelguard-unlocked-read-modify-write' --config="{CheckOptions: {ProfileFiles: '%S/Inputs/user/broken.json'}}" %s -- -std=c++17 -I%S/Inputs 2>&1 | FileCheck %s --check-prefix=INVALID
// INVALID: modelguard-unlocked-read-modify-write: option 'ProfileFiles': '{{.*}}broken.json': detect[0]: 'acme::Vault' must be a fully qualified name starting with '::'
#include <odb/database.hxx>
#include <odb/transaction.hxx>

#include <memory>
#include <string>

#pragma db object
class person {
public:
  unsigned long id = 0;
  unsigned short age = 0;

private:
  friend class odb::access;
};

// With the ODB profile, odb::transaction is a transaction; without it,
// nothing says so and the read-modify-write inside it is reported.
void celebrateBirthday(odb::database &db, unsigned long id) {
  odb::transaction t(db.begin());
  std::shared_ptr<person> p(db.load<person>(id));
  p->age++;
  db.update(*p);
  // CHECK-MESSAGES-NOODB: :[[@LINE-1]]:3: warning: 'p' is written back to the store after it was read and modified with no lock, {{.*}}
  // CHECK-MESSAGES-ONLY: :[[@LINE-2]]:3: warning: 'p' is written back to the store after it was read and modified with no lock, {{.*}}
  t.commit();
}

// An in-house client: without a profile, Vault is no store class and nothing
// is known; the user's profile file says what its functions do.
namespace acme {
class Vault {
public:
  std::string fetch(const std::string &key);
  void store(const std::string &key, const std::string &value);
  bool storeIfUnchanged(const std::string &key, const std::string &expected,
                        const std::string &value);
};
} // namespace acme

void appendNote(acme::Vault &vault, const std::string &key, const std::string &note) {
  std::string notes = vault.fetch(key);
  notes += note;
  vault.store(key, notes);
  // CHECK-MESSAGES-USER: :[[@LINE-1]]:3: warning: 'notes' is written back to the store after it was read and modified with no lock, {{.*}}
}

void appendNoteChecked(acme::Vault &vault, const std::string &key, const std::string &note) {
  std::string notes = vault.fetch(key);
  std::string updated = notes + note;
  vault.storeIfUnchanged(key, notes, updated);
}
