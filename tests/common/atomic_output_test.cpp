#include "common/atomic_output.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/diagnostics.hpp"

namespace fs = std::filesystem;
using namespace samrapport;

namespace {
std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
fs::path fresh_dir(const char* name) {
  fs::path d = fs::temp_directory_path() / (std::string("samrapport-test-") + name);
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}
}  // namespace

TEST(StagedDirectory, CommitReplacesTarget) {
  const fs::path root = fresh_dir("staged");
  const fs::path target = root / "out";
  fs::create_directories(target);
  std::ofstream(target / "stale.txt") << "old";
  {
    StagedDirectory staged(target);
    staged.write("a/b.txt", "hello");
    EXPECT_TRUE(fs::exists(target / "stale.txt"));
    staged.commit();
  }
  EXPECT_EQ(slurp(target / "a/b.txt"), "hello");
  EXPECT_FALSE(fs::exists(target / "stale.txt"));
  EXPECT_EQ(std::distance(fs::directory_iterator(root), fs::directory_iterator()), 1);
}

TEST(StagedDirectory, NoCommitLeavesTargetUntouched) {
  const fs::path root = fresh_dir("abandoned");
  const fs::path target = root / "out";
  fs::create_directories(target);
  std::ofstream(target / "keep.txt") << "keep";
  {
    StagedDirectory staged(target);
    staged.write("new.txt", "half");
  }
  EXPECT_EQ(slurp(target / "keep.txt"), "keep");
  EXPECT_FALSE(fs::exists(target / "new.txt"));
  EXPECT_EQ(std::distance(fs::directory_iterator(root), fs::directory_iterator()), 1);
}

TEST(StagedDirectory, RefusesPathsOutside) {
  const fs::path root = fresh_dir("escape");
  StagedDirectory staged(root / "out");
  EXPECT_THROW(staged.write("../x.txt", "no"), std::runtime_error);
  EXPECT_THROW(staged.write("/etc/x.txt", "no"), std::runtime_error);
}

TEST(Diagnostics, SortedAndCounted) {
  Diagnostics d;
  d.error({"b.yaml", 3, 1}, "second file");
  d.warning({"a.yaml", 9, 2}, "late");
  d.error({"a.yaml", 2, 5}, "early");
  d.sort();
  std::ostringstream out;
  d.print(out);
  EXPECT_EQ(out.str(),
            "a.yaml:2:5: error: early\n"
            "a.yaml:9:2: warning: late\n"
            "b.yaml:3:1: error: second file\n"
            "2 errors, 1 warning\n");
}
