//===--- SqlSchemaFuzzer.cpp - modelguard ----------------------------------===//
//
// A libFuzzer target for the SQL schema reader (checks/model/SqlSchema.h):
// every input is read as schema text and as a data statement. Bad SQL must
// never crash it, hang it or make it keep a unique key with no columns.
// Built only with -DMODELGUARD_FUZZER=ON.
//
//===----------------------------------------------------------------------===//

#include "model/SqlSchema.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace clang::tidy::modelguard::model;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  SqlSchema Schema;
  Schema.read(Text, "input.sql");
  // Read a second time, as a migration applied after the first.
  Schema.read(Text, "again.sql");
  for (const SqlTable *Table : Schema.tables()) {
    for (const SqlUniqueKey &Key : Table->UniqueKeys)
      if (Key.Columns.empty())
        std::abort();
    (void)Table->naturalKeys();
    (void)Schema.tableForEntity(Table->Name);
  }
  (void)sqlStatementTable(Text);
  (void)looksLikeSchemaDdl(Text);
  return 0;
}
