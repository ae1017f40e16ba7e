// A content directory on disk: nothing named *.yaml is skipped without a word, and
// nothing blocks (a FIFO is refused before it is opened).
#include "common/source_tree.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace samrapport {
namespace {

namespace fs = std::filesystem;

class SourceTreeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("samrapport-tree-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "arrangements");
    write("arrangements/ok.yaml", "a: 1\n");
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(root_ / "arrangements/locked.yaml", fs::perms::owner_all, ec);
    fs::remove_all(root_, ec);
  }
  void write(const std::string& rel, const std::string& text) {
    std::ofstream(root_ / rel, std::ios::binary) << text;
  }
  // The reason read() gives, or "" when it returned the bytes, "missing" for nullopt.
  std::string reason(const std::string& rel) {
    const auto tree = open_directory(root_.string());
    try {
      const auto bytes = tree->read(rel);
      return bytes ? "" : "missing";
    } catch (const std::runtime_error& e) {
      const std::string prefix = tree->display_path(rel) + ": ";
      const std::string m = e.what();
      EXPECT_EQ(m.substr(0, prefix.size()), prefix) << m;
      return m.substr(prefix.size());
    }
  }
  fs::path root_;
};

TEST_F(SourceTreeTest, EveryEntryNamedYamlIsListed) {
  fs::create_directory(root_ / "arrangements/dir.yaml");
  ASSERT_EQ(::mkfifo((root_ / "arrangements/fifo.yaml").c_str(), 0600), 0);
  fs::create_symlink("nowhere.yaml", root_ / "arrangements/broken.yaml");
  write("arrangements/.hidden.yaml", "x");
  write("arrangements/other.txt", "x");
  const auto tree = open_directory(root_.string());
  EXPECT_EQ(tree->list("arrangements", ".yaml"),
            (std::vector<std::string>{"arrangements/broken.yaml", "arrangements/dir.yaml",
                                      "arrangements/fifo.yaml", "arrangements/ok.yaml"}));
}

TEST_F(SourceTreeTest, EachUnreadableEntrySaysWhy) {
  fs::create_directory(root_ / "report.yaml");
  ASSERT_EQ(::mkfifo((root_ / "arrangements/fifo.yaml").c_str(), 0600), 0);
  fs::create_symlink("nowhere.yaml", root_ / "arrangements/broken.yaml");
  fs::create_symlink("loop-b.yaml", root_ / "arrangements/loop-a.yaml");
  fs::create_symlink("loop-a.yaml", root_ / "arrangements/loop-b.yaml");
  fs::create_symlink("ok.yaml", root_ / "arrangements/link.yaml");
  EXPECT_EQ(reason("arrangements/ok.yaml"), "");
  EXPECT_EQ(reason("arrangements/link.yaml"), "");  // a working link is read
  EXPECT_EQ(reason("municipalities.yaml"), "missing");
  EXPECT_EQ(reason("report.yaml"), "is a directory, not a file");
  EXPECT_EQ(reason("arrangements/fifo.yaml"), "not a regular file (a FIFO)");  // no block
  EXPECT_EQ(reason("arrangements/broken.yaml"), "broken symbolic link (its target does not exist)");
  EXPECT_EQ(reason("arrangements/loop-a.yaml"),
            "symbolic link loop (too many levels of symbolic links)");
}

// Permissions do not apply to root (CI runs as root): there the test is skipped; the
// message path is the same as for the reasons above (errno from open()).
TEST_F(SourceTreeTest, PermissionDenied) {
  if (::geteuid() == 0) GTEST_SKIP() << "running as root: file permissions do not apply";
  write("arrangements/locked.yaml", "a: 1\n");
  fs::permissions(root_ / "arrangements/locked.yaml", fs::perms::none);
  EXPECT_EQ(reason("arrangements/locked.yaml"), "permission denied");
}

TEST_F(SourceTreeTest, SizeLimit) {
  write("big.yaml", std::string(100, 'x'));
  const auto tree = open_directory(root_.string(), 10);
  EXPECT_THROW((void)tree->read("big.yaml"), std::runtime_error);
}

}  // namespace
}  // namespace samrapport
