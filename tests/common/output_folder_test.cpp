// Output folders: staged whole, swapped in atomically, only replacing what samrapport made,
// keeping the files of formats a build does not make, one build per OUT at a time.
#include "common/output_folder.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace samrapport;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

fs::path fresh_dir(const std::string& name) {
  fs::path d = fs::temp_directory_path() / ("samrapport-test-output-" + name);
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

std::size_t entries(const fs::path& dir) {
  return static_cast<std::size_t>(
      std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

// Builds `target` with `files` (relative path -> (format, bytes)), rebuilding `formats`.
void build(const OutputLock& lock, const fs::path& target,
           const std::vector<std::tuple<std::string, std::string, std::string>>& files,
           const std::set<std::string>& formats) {
  StagedFolder staged(lock, target, "report");
  for (const auto& [path, format, bytes] : files) staged.write(path, bytes, format);
  staged.commit(formats);
}

}  // namespace

TEST(OutputFolder, CommitCreatesFolderWithManifest) {
  const fs::path out = fresh_dir("create");
  OutputLock lock(out);
  build(lock, out / "r", {{"rapport.md", "md", "# A"}, {"figurer/f.svg", "md", "<svg/>"}}, {"md"});
  EXPECT_EQ(slurp(out / "r" / "rapport.md"), "# A");
  const auto m = OutputManifest::read(out / "r");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->product, "report");
  EXPECT_EQ(m->files.at("md"), (std::set<std::string>{"figurer/f.svg", "rapport.md"}));
  // Only the lock, the (empty) staging root and the folder.
  EXPECT_EQ(entries(lock.staging_root()), 0u);
}

TEST(OutputFolder, OtherFormatsAreKept) {
  const fs::path out = fresh_dir("keep");
  OutputLock lock(out);
  build(lock, out / "r", {{"rapport.md", "md", "1"}, {"rapport.pdf", "pdf", "%PDF"}},
        {"md", "pdf"});
  std::ofstream(out / "r" / "notes.txt") << "the user's own file";
  build(lock, out / "r", {{"rapport.fragment.html", "html-fragment", "<div>"}}, {"html-fragment"});
  EXPECT_EQ(slurp(out / "r" / "rapport.pdf"), "%PDF");
  EXPECT_EQ(slurp(out / "r" / "rapport.md"), "1");
  EXPECT_EQ(slurp(out / "r" / "rapport.fragment.html"), "<div>");
  EXPECT_EQ(slurp(out / "r" / "notes.txt"), "the user's own file");
  const auto m = OutputManifest::read(out / "r");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->files.size(), 3u);
}

TEST(OutputFolder, RebuiltFormatDropsItsOldFiles) {
  const fs::path out = fresh_dir("drop");
  OutputLock lock(out);
  build(lock, out / "r",
        {{"rapport.md", "md", "1"},
         {"figurer/a.svg", "md", "a"},
         {"figurer/b.svg", "md", "b"},
         {"figurer/a.svg", "html", "a"},
         {"rapport.html", "html", "h"}},
        {"md", "html"});
  // md again, with one figure: b.svg (md only) goes, a.svg stays (html still lists it).
  build(lock, out / "r", {{"rapport.md", "md", "2"}}, {"md"});
  EXPECT_EQ(slurp(out / "r" / "rapport.md"), "2");
  EXPECT_FALSE(fs::exists(out / "r" / "figurer" / "b.svg"));
  EXPECT_TRUE(fs::exists(out / "r" / "figurer" / "a.svg"));
  EXPECT_TRUE(fs::exists(out / "r" / "rapport.html"));
}

TEST(OutputFolder, AbandonedStagingLeavesTargetUntouched) {
  const fs::path out = fresh_dir("abandon");
  OutputLock lock(out);
  build(lock, out / "r", {{"rapport.md", "md", "keep"}}, {"md"});
  {
    StagedFolder staged(lock, out / "r", "report");
    staged.write("rapport.md", "half", "md");
  }
  EXPECT_EQ(slurp(out / "r" / "rapport.md"), "keep");
  EXPECT_EQ(entries(lock.staging_root()), 0u);
}

TEST(OutputFolder, RefusesPathsOutside) {
  const fs::path out = fresh_dir("escape");
  OutputLock lock(out);
  StagedFolder staged(lock, out / "r", "report");
  EXPECT_THROW(staged.write("../x.txt", "no", "md"), std::runtime_error);
  EXPECT_THROW(staged.write("/etc/x.txt", "no", "md"), std::runtime_error);
  EXPECT_THROW(staged.write("a/../../x.txt", "no", "md"), std::runtime_error);
}

TEST(OutputFolder, RefusesFoldersSamrapportDidNotMake) {
  const fs::path out = fresh_dir("foreign");
  fs::create_directories(out / "r");
  std::ofstream(out / "r" / "thesis.tex") << "years of work";
  try {
    check_replaceable(out / "r", "report", {});
    FAIL() << "no refusal";
  } catch (const OutputRefused& e) {
    EXPECT_NE(std::string(e.what()).find("was not made by samrapport"), std::string::npos);
  }
  std::ofstream(out / "file") << "x";
  EXPECT_THROW(check_replaceable(out / "file", "report", {}), OutputRefused);
  fs::create_directory_symlink(out / "r", out / "link");
  EXPECT_THROW(check_replaceable(out / "link", "report", {}), OutputRefused);
  EXPECT_NO_THROW(check_replaceable(out / "new", "report", {}));
}

TEST(OutputFolder, RefusesFoldersHoldingProtectedPaths) {
  const fs::path out = fresh_dir("protected");
  fs::create_directories(out / "r" / "content");
  EXPECT_THROW(check_replaceable(out / "r", "report", {out / "r" / "content"}), OutputRefused);
  EXPECT_THROW(check_replaceable(out / "r", "report", {out / "r"}), OutputRefused);
  EXPECT_THROW(check_replaceable(out / "r" / ".", "report", {out / "r/"}), OutputRefused);
  // A sibling with a common prefix is not inside.
  fs::create_directories(out / "r2");
  EXPECT_THROW(check_replaceable(out / "r", "report", {}), OutputRefused);  // no manifest
  EXPECT_NO_THROW(check_replaceable(out / "new", "report", {out / "new2", out / "r2"}));
}

TEST(OutputFolder, RefusesAnotherProductsFolder) {
  const fs::path out = fresh_dir("product");
  {
    OutputLock lock(out);
    build(lock, out / "r", {{"rapport.md", "md", "1"}}, {"md"});
  }
  EXPECT_THROW(check_replaceable(out / "r", "eierskap", {}), OutputRefused);
  EXPECT_NO_THROW(check_replaceable(out / "r", "report", {}));
}

TEST(OutputLock, OneBuildAtATime) {
  const fs::path out = fresh_dir("lock");
  OutputLock first(out);
  try {
    OutputLock second(out);
    FAIL() << "second lock taken";
  } catch (const OutputRefused& e) {
    EXPECT_NE(std::string(e.what()).find("another build is writing"), std::string::npos);
  }
}

TEST(OutputLock, RemovesStagingOfKilledBuilds) {
  const fs::path out = fresh_dir("stale");
  fs::create_directories(out / ".samrapport-staging" / "r.99999" / "figurer");
  std::ofstream(out / ".samrapport-staging" / "r.99999" / "rapport.md") << "stale";
  OutputLock lock(out);
  EXPECT_EQ(entries(lock.staging_root()), 0u);
}
