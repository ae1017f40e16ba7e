// text/*.md: narrative chapters, Markdown with template expressions. Read as they are;
// the bytes must be UTF-8 text.
#include "content/input_checks.hpp"
#include "content/readers.hpp"

namespace samrapport::content {

void read_text(ReadContext& ctx, const std::string& relative, std::string bytes) {
  const std::string path = ctx.tree.display_path(relative);
  if (auto problem = check_text_bytes(bytes)) {
    SourcePos pos{path, 0, 0};
    if (bytes.size() <= kMaxFileBytes) {
      const LineColumn lc = line_column_at(bytes, problem->offset);
      pos.line = lc.line;
      pos.column = lc.column;
    }
    ctx.error(pos, std::move(problem->message));
    return;
  }
  TextFile t;
  const std::size_t slash = relative.rfind('/');
  std::string name = relative.substr(slash == std::string::npos ? 0 : slash + 1);
  if (name.size() > 3 && name.ends_with(".md")) name.resize(name.size() - 3);
  t.name = std::move(name);
  t.path = path;
  t.markdown = std::move(bytes);
  ctx.content.texts.push_back(std::move(t));
}

}  // namespace samrapport::content
