#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "jinja/environment.hpp"
#include "jinja/error.hpp"
#include "jinja/loader.hpp"

namespace jinja = samrapport::jinja;
namespace fs = std::filesystem;

namespace {

class FileSystemLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("jinja-loader-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "a" / "report");
    fs::create_directories(root_ / "b");
    write(root_ / "a" / "report" / "kap1.md.j2", "A1");
    write(root_ / "a" / "only_a.j2", "only a");
    write(root_ / "b" / "only_a.j2", "shadowed");
    write(root_ / "b" / "only_b.j2", "only b {% include 'report/kap1.md.j2' %}");
    write(root_ / "secret.txt", "secret");
  }
  void TearDown() override { fs::remove_all(root_); }

  static void write(const fs::path& p, const std::string& s) {
    std::ofstream out(p);
    out << s;
  }

  jinja::ErrorKind kind_of(const jinja::Loader& l, const std::string& name) {
    try {
      l.load(name);
    } catch (const jinja::TemplateError& e) {
      return e.kind();
    }
    return jinja::ErrorKind::Runtime;
  }

  fs::path root_;
};

}  // namespace

TEST_F(FileSystemLoaderTest, SearchesDirectoriesInOrder) {
  jinja::FileSystemLoader loader({root_ / "a", root_ / "b"});
  EXPECT_EQ(loader.load("report/kap1.md.j2").value(), "A1");
  EXPECT_EQ(loader.load("./report//kap1.md.j2").value(), "A1");
  EXPECT_EQ(loader.load("only_a.j2").value(), "only a");
  EXPECT_EQ(loader.load("only_b.j2").value(), "only b {% include 'report/kap1.md.j2' %}");
  EXPECT_FALSE(loader.load("missing.j2").has_value());
  EXPECT_FALSE(loader.load("report").has_value());  // a directory is not a template
}

TEST_F(FileSystemLoaderTest, RefusesNamesLeavingTheDirectories) {
  jinja::FileSystemLoader loader({root_ / "a"});
  EXPECT_EQ(kind_of(loader, "../secret.txt"), jinja::ErrorKind::Security);
  EXPECT_EQ(kind_of(loader, "report/../../secret.txt"), jinja::ErrorKind::Security);
  EXPECT_EQ(kind_of(loader, (root_ / "secret.txt").string()), jinja::ErrorKind::Security);
  EXPECT_EQ(kind_of(loader, "..\\secret.txt"), jinja::ErrorKind::Security);
}

TEST_F(FileSystemLoaderTest, RefusesSymlinksLeadingOutside) {
  fs::create_symlink(root_ / "secret.txt", root_ / "a" / "link.j2");
  fs::create_directory_symlink(root_ / "b", root_ / "a" / "linkdir");
  fs::create_symlink(root_ / "a" / "only_a.j2", root_ / "a" / "inside.j2");
  jinja::FileSystemLoader loader({root_ / "a"});
  EXPECT_EQ(kind_of(loader, "link.j2"), jinja::ErrorKind::Security);
  EXPECT_EQ(kind_of(loader, "linkdir/only_b.j2"), jinja::ErrorKind::Security);
  EXPECT_EQ(loader.load("inside.j2").value(), "only a");  // a link within is fine
}

TEST_F(FileSystemLoaderTest, EnvironmentRendersThroughLoader) {
  jinja::Environment env;
  env.set_loader(
      std::make_shared<jinja::FileSystemLoader>(std::vector<fs::path>{root_ / "a", root_ / "b"}));
  EXPECT_EQ(env.render("only_b.j2", jinja::Value::dict()), "only b A1");
  try {
    env.render_string("{% include '../secret.txt' %}", jinja::Value::dict());
    FAIL();
  } catch (const jinja::TemplateError& e) {
    EXPECT_EQ(e.kind(), jinja::ErrorKind::Security);
    EXPECT_EQ(e.line(), 1);
  }
}
