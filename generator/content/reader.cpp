// load_content(): lists and reads the files of a content directory, parses the YAML
// ones (side by side on several threads: yaml-cpp's scanner is most of the cost), and
// hands each to its reader in dependency order (names are defined in municipalities.yaml
// and tasks.yaml before anything refers to them), then validates.
#include "content/reader.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "content/reader_context.hpp"
#include "content/readers.hpp"
#include "content/yaml_tree.hpp"

namespace samrapport::content {

namespace {

constexpr unsigned kMaxThreads = 8;

struct YamlFile {
  std::string relative;
  std::string path;  // as displayed
  std::optional<std::string> bytes;
  std::optional<yaml::Document> doc;
  Diagnostics diags;  // from parsing, merged in file order afterwards
};

/// The bytes of a file, or nullopt (reported when `required`, or when reading failed).
std::optional<std::string> read_bytes(ReadContext& ctx, const std::string& relative,
                                      bool required) {
  const std::string path = ctx.tree.display_path(relative);
  try {
    auto bytes = ctx.tree.read(relative);
    if (!bytes && required) {
      ctx.error(SourcePos{path, 0, 0},
                "file is missing; a content directory has report.yaml, municipalities.yaml "
                "and tasks.yaml");
    }
    return bytes;
  } catch (const std::exception& e) {
    std::string message = e.what();
    // Messages from the source tree start with the path, which the diagnostic shows.
    if (message.starts_with(path + ": ")) message.erase(0, path.size() + 2);
    ctx.error(SourcePos{path, 0, 0}, "cannot read the file: " + message);
    return std::nullopt;
  }
}

YamlFile read_file(ReadContext& ctx, const std::string& relative, bool required) {
  YamlFile f;
  f.relative = relative;
  f.path = ctx.tree.display_path(relative);
  f.bytes = read_bytes(ctx, relative, required);
  return f;
}

void parse_one(YamlFile& f) {
  if (!f.bytes) return;
  try {
    f.doc = yaml::parse_yaml(*f.bytes, f.path, f.diags);
  } catch (const std::exception& e) {  // std::bad_alloc
    f.doc.reset();
    f.diags.error(SourcePos{f.path, 0, 0}, std::string("cannot parse the file: ") + e.what());
  }
  f.bytes.reset();
}

/// Parses every file, the largest first, on up to `threads` threads.
void parse_all(std::vector<YamlFile*>& files, unsigned threads) {
  std::sort(files.begin(), files.end(), [](const YamlFile* a, const YamlFile* b) {
    const std::size_t sa = a->bytes ? a->bytes->size() : 0;
    const std::size_t sb = b->bytes ? b->bytes->size() : 0;
    return sa > sb;
  });
  if (threads == 0)
    threads = std::max(1u, std::min(kMaxThreads, std::thread::hardware_concurrency()));
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, files.size()));
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) parse_one(*files[i]);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
}

/// The root of a parsed file, kept alive in the context; absent (and reported when the
/// file holds no document) otherwise. Parse problems are reported here, in file order.
yaml::NodeRef root_of(ReadContext& ctx, YamlFile& f) {
  for (const Diagnostic& d : f.diags.items()) {
    if (d.severity == Severity::error) {
      ctx.error(d.pos, d.message);
    } else {
      ctx.warning(d.pos, d.message);
    }
  }
  if (!f.doc) return {};
  const yaml::Document& doc = ctx.keep(std::move(*f.doc));
  f.doc.reset();
  if (!doc.root().present()) {
    ctx.error(SourcePos{f.path, 0, 0}, "file is empty");
  }
  return doc.root();
}

void warn_misnamed(ReadContext& ctx, const std::string& dir, const std::string& wrong,
                   const std::string& right) {
  for (const auto& rel : ctx.tree.list(dir, wrong)) {
    ctx.warning(SourcePos{ctx.tree.display_path(rel), 0, 0},
                "file is not read: files in " + dir + "/ must end in " + right);
  }
}

}  // namespace

Content load_content(const SourceTree& tree, Diagnostics& diags) {
  return load_content(tree, diags, LoadOptions{});
}

Content load_content(const SourceTree& tree, Diagnostics& diags, const LoadOptions& options) {
  Content content;
  content.root = tree.display_root();
  ReadContext ctx(tree, content, diags);

  const std::vector<std::string> arrangement_files = tree.list("arrangements", ".yaml");
  const std::vector<std::string> survey_files = tree.list("surveys", ".yaml");
  const std::vector<std::string> dataset_files = tree.list("datasets", ".yaml");
  const std::vector<std::string> text_files = tree.list("text", ".md");
  const std::vector<std::string> council_files = tree.list("councils", ".yaml");
  warn_misnamed(ctx, "arrangements", ".yml", ".yaml");
  warn_misnamed(ctx, "surveys", ".yml", ".yaml");
  warn_misnamed(ctx, "datasets", ".yml", ".yaml");
  warn_misnamed(ctx, "councils", ".yml", ".yaml");
  if (arrangement_files.empty()) {
    ctx.error(SourcePos{tree.display_path("arrangements"), 0, 0},
              "no arrangement files: the arrangements are listed in arrangements/*.yaml");
  }

  // Read and parse every YAML file first; the readers run after, in dependency order.
  YamlFile municipalities = read_file(ctx, "municipalities.yaml", true);
  YamlFile tasks = read_file(ctx, "tasks.yaml", true);
  YamlFile report = read_file(ctx, "report.yaml", true);
  std::vector<YamlFile> arrangements;
  arrangements.reserve(arrangement_files.size());
  for (const auto& rel : arrangement_files) arrangements.push_back(read_file(ctx, rel, false));
  std::vector<YamlFile> surveys;
  for (const auto& rel : survey_files) surveys.push_back(read_file(ctx, rel, false));
  std::vector<YamlFile> datasets;
  for (const auto& rel : dataset_files) datasets.push_back(read_file(ctx, rel, false));
  std::vector<YamlFile> councils;
  for (const auto& rel : council_files) councils.push_back(read_file(ctx, rel, false));
  {
    std::vector<YamlFile*> all{&municipalities, &tasks, &report};
    for (auto* list : {&arrangements, &surveys, &datasets, &councils}) {
      for (auto& f : *list) all.push_back(&f);
    }
    parse_all(all, options.threads);
  }

  if (const auto root = root_of(ctx, municipalities); root.present())
    read_municipalities(ctx, root);
  if (const auto root = root_of(ctx, tasks); root.present()) read_tasks(ctx, root);
  if (const auto root = root_of(ctx, report); root.present()) read_report(ctx, root);
  for (auto& f : arrangements) {
    if (const auto root = root_of(ctx, f); root.present()) read_arrangements(ctx, root);
  }
  for (auto& f : surveys) {
    if (const auto root = root_of(ctx, f); root.present()) read_survey(ctx, root, f.path);
  }
  for (auto& f : datasets) {
    if (const auto root = root_of(ctx, f); root.present()) read_dataset(ctx, root, f.path);
  }
  for (auto& f : councils) {
    if (const auto root = root_of(ctx, f); root.present())
      read_council(ctx, root, f.relative, f.path);
  }
  for (const auto& rel : text_files) {
    if (auto bytes = read_bytes(ctx, rel, false)) read_text(ctx, rel, std::move(*bytes));
  }
  validate(ctx);
  ctx.report_suppressed();
  diags.sort();
  return content;
}

}  // namespace samrapport::content
