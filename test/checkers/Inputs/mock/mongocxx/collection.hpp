// Declarations only: the parts of mongocxx's collection interface the tests
// use (mongocxx is not packaged by Debian).
#ifndef MOCK_MONGOCXX_COLLECTION_HPP
#define MOCK_MONGOCXX_COLLECTION_HPP
#include <optional>
#include <string>
namespace bsoncxx {
namespace document {
class view {};
class value {
public:
  view view() const;
};
} // namespace document
namespace builder::basic {
template <class... Args> document::value make_document(Args &&...);
template <class K, class V> int kvp(K &&, V &&);
} // namespace builder::basic
} // namespace bsoncxx
namespace mongocxx {
namespace result {
class insert_one {};
class update {};
} // namespace result
class collection {
public:
  std::optional<bsoncxx::document::value> find_one(bsoncxx::document::view filter);
  std::optional<result::insert_one> insert_one(bsoncxx::document::view document);
  std::optional<result::update> update_one(bsoncxx::document::view filter,
                                           bsoncxx::document::view update);
  std::optional<result::update> replace_one(bsoncxx::document::view filter,
                                            bsoncxx::document::view replacement);
};
} // namespace mongocxx
#endif
