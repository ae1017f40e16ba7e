// Reading the JSON of a declaration block with errors that name the block's line, the
// object ("table 'tab:x'") and the key path ("columns[2].align").
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "common/diagnostics.hpp"

namespace samrapport::document {

class JsonInput {
 public:
  JsonInput(SourcePos pos, std::string what, Diagnostics& diags)
      : pos_(std::move(pos)), what_(std::move(what)), diags_(diags) {}

  void set_what(std::string what) { what_ = std::move(what); }
  [[nodiscard]] const SourcePos& pos() const { return pos_; }
  [[nodiscard]] bool ok() const { return ok_; }
  [[nodiscard]] Diagnostics& diags() const { return diags_; }

  void error(std::string_view path, std::string_view message);

  /// Parses `text`; a syntax error is reported at its line inside the block.
  bool parse(std::string_view text, nlohmann::json& out);

  /// When the declaration names where it was written ("at": "report/kap3.md.j2:14:3",
  /// from the template's call), later errors point there instead of into the Markdown.
  void relocate(const nlohmann::json& root);

  /// Errors for keys of `object` not in `allowed`; false when `object` is not an object.
  bool check_object(const nlohmann::json& object, std::string_view path,
                    std::initializer_list<std::string_view> allowed);

  /// The member as a string; absent or null: `fallback`; another type: error.
  std::string string(const nlohmann::json& object, std::string_view key, std::string_view path,
                     bool required = false, std::string_view fallback = {});
  bool boolean(const nlohmann::json& object, std::string_view key, std::string_view path,
               bool fallback);
  int integer(const nlohmann::json& object, std::string_view key, std::string_view path,
              int fallback, int min, int max);

  /// A scalar as text: strings as they are, numbers in the shortest form ("3", "2.5").
  static std::string scalar_text(const nlohmann::json& value);

  static std::string join(std::string_view path, std::string_view key);
  static std::string index(std::string_view path, std::size_t i);

 private:
  SourcePos pos_;
  std::string what_;
  Diagnostics& diags_;
  bool ok_ = true;
};

}  // namespace samrapport::document
