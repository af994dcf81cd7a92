// Excerpt of the public API of the MongoDB C++ driver, mongocxx 3.7.0 with
// bsoncxx 3.7.0: mongocxx/collection.hpp, mongocxx/client_session.hpp,
// mongocxx/options/update.hpp, mongocxx/result/*.hpp,
// bsoncxx/document/{view,value,element}.hpp,
// bsoncxx/builder/basic/{document,kvp}.hpp.
// Source: https://github.com/mongodb/mongo-cxx-driver (tag r3.7.0).
// Declarations only, as the library declares them (in its inline
// v_noabi namespaces), reduced to what the profile names.
#ifndef MONGOCXX_EXCERPT_HPP
#define MONGOCXX_EXCERPT_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

namespace bsoncxx {
inline namespace v_noabi {
namespace stdx {
template <typename T> using optional = std::optional<T>;
using string_view = std::string_view;
} // namespace stdx
namespace types {
struct b_int32 {
  std::int32_t value;
  operator std::int32_t() const;
};
} // namespace types
namespace document {
class element {
public:
  types::b_int32 get_int32() const;
  explicit operator bool() const;
};
class view {
public:
  element operator[](stdx::string_view key) const;
};
class value {
public:
  document::view view() const noexcept;
};
class view_or_value {
public:
  view_or_value(document::view view);
  view_or_value(document::value &&value);
};
} // namespace document
namespace builder {
namespace basic {
class document {
public:
  template <typename... Args> void append(Args &&...args);
  bsoncxx::document::view view() const;
  bsoncxx::document::value extract();
};
template <typename... Args> bsoncxx::document::value make_document(Args &&...args);
template <typename T, typename U> std::tuple<T &&, U &&> kvp(T &&t, U &&u);
} // namespace basic
} // namespace builder
} // namespace v_noabi
} // namespace bsoncxx

namespace mongocxx {
inline namespace v_noabi {
namespace stdx = bsoncxx::stdx;
using bsoncxx::document::view_or_value;
namespace options {
class find {};
class insert {};
class transaction {};
class find_one_and_update {};
class update {
public:
  update &upsert(bool upsert);
};
} // namespace options
namespace result {
class insert_one {};
class update {
public:
  std::int32_t modified_count() const;
};
class delete_result {};
} // namespace result

class client_session {
public:
  void start_transaction(const stdx::optional<options::transaction> &transaction_opts = {});
  void commit_transaction();
  void abort_transaction();
};

class cursor {};

class collection {
public:
  stdx::optional<bsoncxx::document::value> find_one(view_or_value filter,
                                                    const options::find &options = options::find());
  stdx::optional<bsoncxx::document::value> find_one(const client_session &session,
                                                    view_or_value filter,
                                                    const options::find &options = options::find());
  cursor find(view_or_value filter, const options::find &options = options::find());
  std::int64_t count_documents(view_or_value filter);
  stdx::optional<result::insert_one> insert_one(view_or_value document,
                                                const options::insert &options = {});
  stdx::optional<result::update> update_one(view_or_value filter, view_or_value update,
                                            const options::update &options = options::update());
  stdx::optional<result::update> update_one(const client_session &session, view_or_value filter,
                                            view_or_value update,
                                            const options::update &options = options::update());
  stdx::optional<result::update> update_many(view_or_value filter, view_or_value update,
                                             const options::update &options = options::update());
  stdx::optional<result::update> replace_one(view_or_value filter, view_or_value replacement);
  stdx::optional<result::delete_result> delete_one(view_or_value filter);
  stdx::optional<bsoncxx::document::value>
  find_one_and_update(view_or_value filter, view_or_value update,
                      const options::find_one_and_update &options = {});
};
} // namespace v_noabi
} // namespace mongocxx

#endif // MONGOCXX_EXCERPT_HPP
