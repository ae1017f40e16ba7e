// tests/tools/add_ownership_fields.py on synthetic norway content: the output loads without
// errors and without warnings beyond those of the synthetic input, and holds the fields.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "common/diagnostics.hpp"
#include "common/source_tree.hpp"
#include "content/reader.hpp"

namespace samrapport::content {
namespace {

namespace fs = std::filesystem;

const fs::path kSourceDir = SAMRAPPORT_SOURCE_DIR;

TEST(OwnershipTool, NorwayPresetChecksClean) {
  fs::path synth = kSourceDir / ".." / "shared" / "tools" / "synth_content.py";
  if (!fs::exists(synth)) synth = kSourceDir / "tests" / "cli" / "synth_content.py";
  const fs::path tool = kSourceDir / "tests" / "tools" / "add_ownership_fields.py";
  if (!fs::exists(synth)) GTEST_SKIP() << "no " << synth;
  const fs::path plain =
      fs::temp_directory_path() / ("samrapport-own-plain-" + std::to_string(::getpid()));
  const fs::path owned =
      fs::temp_directory_path() / ("samrapport-own-fields-" + std::to_string(::getpid()));
  fs::remove_all(plain);
  fs::remove_all(owned);
  const std::string make = "python3 '" + synth.string() + "' '" + plain.string() +
                           "' --preset norway --seed 1 2> /dev/null";
  if (std::system(make.c_str()) != 0) GTEST_SKIP() << "synth_content.py failed (no PyYAML?)";
  const std::string add = "python3 '" + tool.string() + "' '" + plain.string() + "' --out '" +
                          owned.string() + "' --seed 7 2> /dev/null";
  ASSERT_EQ(std::system(add.c_str()), 0);

  Diagnostics plain_diags;
  (void)load_content(*open_directory(plain.string()), plain_diags);
  Diagnostics diags;
  const Content c = load_content(*open_directory(owned.string()), diags);
  fs::remove_all(plain);
  fs::remove_all(owned);

  EXPECT_EQ(diags.error_count(), 0u);
  EXPECT_EQ(diags.items().size(), plain_diags.items().size());
  const auto entities = std::count_if(c.arrangements.begin(), c.arrangements.end(),
                                      [](const Arrangement& a) { return a.org_number; });
  EXPECT_GT(entities, 500);
  const auto with_figures =
      std::count_if(c.arrangements.begin(), c.arrangements.end(), [](const Arrangement& a) {
        return a.key_figures.size() == 2 && !a.key_figures[1].contribution.empty();
      });
  EXPECT_GT(with_figures, 500);
  const auto liability =
      std::count_if(c.arrangements.begin(), c.arrangements.end(),
                    [](const Arrangement& a) { return !a.liability_share.empty(); });
  EXPECT_GT(liability, 100);
  const auto nynorsk =
      std::count_if(c.municipalities.begin(), c.municipalities.end(),
                    [](const Municipality& m) { return m.language == Language::nn; });
  EXPECT_GT(nynorsk, 50);
  const auto reports =
      std::count_if(c.municipalities.begin(), c.municipalities.end(),
                    [](const Municipality& m) { return m.eierskapsmelding.has_value(); });
  EXPECT_GT(reports, 50);
}

}  // namespace
}  // namespace samrapport::content
