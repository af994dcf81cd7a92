// Declarations only: odb::transaction (see database.hxx).
#ifndef MOCK_ODB_TRANSACTION_HXX
#define MOCK_ODB_TRANSACTION_HXX
namespace odb {
class transaction_impl;
class transaction {
public:
  explicit transaction(transaction_impl *impl, bool make_current = true);
  ~transaction();
  void commit();
  void rollback();
};
} // namespace odb
#endif
