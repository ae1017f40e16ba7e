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

TEST(WriteFileAtomically, ReplacesWhole) {
  const fs::path root = fresh_dir("atomic-file");
  write_file_atomically(root / "a" / "x.txt", "one");
  write_file_atomically(root / "a" / "x.txt", "two");
  EXPECT_EQ(slurp(root / "a" / "x.txt"), "two");
  EXPECT_EQ(std::distance(fs::directory_iterator(root / "a"), fs::directory_iterator()), 1);
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
