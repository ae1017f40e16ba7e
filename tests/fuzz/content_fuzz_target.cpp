#include "content_fuzz_target.hpp"

#include <array>
#include <map>
#include <string>

#include "analysis/analyse.hpp"
#include "analysis/to_json.hpp"
#include "common/diagnostics.hpp"
#include "content/reader.hpp"
#include "test_trees.hpp"

namespace samrapport::fuzz {
namespace {

constexpr std::array<const char*, 8> kFiles = {"report.yaml",
                                               "municipalities.yaml",
                                               "tasks.yaml",
                                               "arrangements/helse.yaml",
                                               "arrangements/teknisk.yaml",
                                               "surveys/kommunedirektorer.yaml",
                                               "datasets/barnevern.yaml",
                                               "text/innledning.md"};

const std::map<std::string, std::string>& base_files() {
  static const auto files = testing::read_directory(SAMRAPPORT_FUZZ_CONTENT_BASE);
  return files;
}

}  // namespace

int fuzz_content(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  testing::MemoryTree tree(base_files());
  tree.set(kFiles[data[0] % kFiles.size()],
           std::string(reinterpret_cast<const char*>(data + 1), size - 1));
  Diagnostics diags;
  const content::Content content = content::load_content(tree, diags, {.threads = 1});
  if (diags.has_errors()) return 0;
  analysis::Options options;
  options.threads = 1;
  const auto json = analysis::to_json(analysis::analyse(content, options));
  return json.empty() ? 1 : 0;
}

}  // namespace samrapport::fuzz
