// Escapers for autoescaping. The engine knows HTML (Jinja2's default); other output
// formats (LaTeX, Markdown) register their own escapers from outside.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace samrapport::jinja {

struct Escaper {
  std::string name;  // "html", "latex", "markdown", ...
  /// Appends the escaped form of `text` to `out`.
  std::function<void(std::string_view text, std::string& out)> escape;
};
using EscaperPtr = std::shared_ptr<const Escaper>;

/// Jinja2's HTML escaping: & < > " ' become &amp; &lt; &gt; &#34; &#39;.
void escape_html(std::string_view text, std::string& out);
const EscaperPtr& html_escaper();

}  // namespace samrapport::jinja
