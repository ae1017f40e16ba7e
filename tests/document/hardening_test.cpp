// Hostile Markdown in the document layer: image paths, link schemes, nesting depth,
// escaped heading attributes, and work linear in the size of a paragraph.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

#include "document/safety.hpp"
#include "parse_helpers.hpp"

namespace samrapport::document {
namespace {

using testing::figure_block;
using testing::messages;
using testing::parse;

std::string image_figure(std::string_view path) {
  std::string escaped;
  for (const char c : path) {
    if (static_cast<unsigned char>(c) < 0x20) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      escaped += buf;
      continue;
    }
    if (c == '"' || c == '\\') escaped += '\\';
    escaped += c;
  }
  return figure_block(R"({"id": "fig:kart", "caption": "Kart", "image": ")" + escaped + "\"}");
}

TEST(ImagePath, RelativeFilesInsideTheContentAreAccepted) {
  for (const std::string_view ok : {"kart.png", "figurer/kart-2021.pdf", "a b/c.jpg", "./x.png"}) {
    EXPECT_EQ(image_path_problem(ok), "") << ok;
    Diagnostics diags;
    const Document doc = parse("# En\n\n" + image_figure(ok), diags);
    EXPECT_FALSE(diags.has_errors()) << ok << "\n" << messages(diags);
    ASSERT_EQ(doc.figures.size(), 1u);
  }
}

TEST(ImagePath, AbsoluteParentAndTexSpecialsAreRefusedWithThePosition) {
  for (const std::string_view bad :
       {"/etc/passwd", "../secret.png", "a/../../b.png", "x\\input{/etc/passwd}", "a{b}.png",
        "50$.png", "a&b.png", "#.png", "a^^5c.png", "kart_1.png", "100%.png", "~/x.png", "c:/x.png",
        "javascript:alert(1)", "a\x1b]0;x\x07.png", "dir/", "\"q\".png"}) {
    EXPECT_NE(image_path_problem(bad), "") << bad;
    Diagnostics diags;
    const Document doc = parse("# En\n\n" + image_figure(bad), diags);
    ASSERT_TRUE(diags.has_errors()) << bad;
    EXPECT_TRUE(doc.figures.empty()) << bad;
    const std::string m = messages(diags);
    EXPECT_NE(m.find("report.md:4:"), std::string::npos) << m;
    EXPECT_NE(m.find("image: "), std::string::npos) << m;
    EXPECT_NE(m.find("is not an image file of the content"), std::string::npos) << m;
  }
}

TEST(Urls, AllowList) {
  for (const std::string_view ok : {"https://www.nivi.no/x?y#z", "http://a", "HTTPS://A",
                                    "mailto:post@nivi.no", "tel:+4799999999", "rapport.html#kap-2",
                                    "#kap-2", "?q=1", "//cdn.example/x", "a/b:c", ""}) {
    EXPECT_TRUE(allowed_url(ok)) << ok;
  }
  for (const std::string_view bad :
       {"javascript:alert(1)", "JavaScript:alert(1)", " javascript:x", "java\tscript:x",
        "vbscript:x", "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd", "ftp://x",
        "\x01javascript:x", "x\ny"}) {
    EXPECT_FALSE(allowed_url(bad)) << bad;
  }
}

TEST(Urls, RefusedLinksAndImagesPrintAsTheirText) {
  Diagnostics diags;
  const Document doc = parse(
      "[klikk](javascript:alert(1)) og ![bilde](data:image/png;base64,AAAA) og "
      "<vbscript:msgbox> og [ok](https://nivi.no)\n",
      diags);
  EXPECT_FALSE(diags.has_errors()) << messages(diags);
  EXPECT_EQ(diags.warning_count(), 3u) << messages(diags);
  const Block& p = doc.blocks.at(0);
  int links = 0;
  for (const Inline& in : p.inlines) {
    if (in.kind == InlineKind::link || in.kind == InlineKind::image) {
      ++links;
      EXPECT_EQ(in.url, "https://nivi.no");
    }
  }
  EXPECT_EQ(links, 1);
  EXPECT_EQ(plain_text(p.inlines), "klikk og bilde og vbscript:msgbox og ok");
  EXPECT_NE(messages(diags).find("report.md:1:1: warning: link to 'javascript:alert(1)' left out"),
            std::string::npos)
      << messages(diags);
}

// An address written with "\\@" (as the Markdown escaper writes a value) is text; GFM's
// e-mail autolinks otherwise stay links.
TEST(Autolinks, EscapedEmailIsText) {
  Diagnostics diags;
  const Document doc = parse("a post\\@nivi.no b ola\\_n\\@x.no c kari@nivi.no\n", diags);
  const Inlines& in = doc.blocks.at(0).inlines;
  EXPECT_EQ(plain_text(in), "a post@nivi.no b ola_n@x.no c kari@nivi.no");
  int links = 0;
  for (const Inline& i : in) links += i.kind == InlineKind::link ? 1 : 0;
  EXPECT_EQ(links, 1);
  EXPECT_EQ(in.back().url, "mailto:kari@nivi.no");
}

// Nesting that would overflow the stack of a recursive walk ends in one positioned error.
void expect_too_deep(const std::string& md, std::string_view where) {
  Diagnostics diags;
  const Document doc = parse(md, diags);
  ASSERT_TRUE(diags.has_errors());
  EXPECT_EQ(diags.error_count(), 1u) << messages(diags).substr(0, 500);
  const std::string m = messages(diags);
  EXPECT_NE(m.find("nested too deeply (more than " + std::to_string(kMaxNesting)),
            std::string::npos)
      << m;
  EXPECT_NE(m.find(where), std::string::npos) << m;
}

TEST(Nesting, DeepBlockQuotesListsAndEmphasisAreAnError) {
  expect_too_deep("# En\n\n" + std::string(10000, '>') + " x\n", "report.md:3:");
  std::string list;
  for (int i = 0; i < 100000; ++i) list += "- ";
  expect_too_deep("x\n\n" + list + "x\n", "report.md:3:");
  std::string nested_lines;
  for (int i = 0; i < 300; ++i)
    nested_lines += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- x\n";
  expect_too_deep(nested_lines, "report.md:");
  std::string emph;  // *a _a *a ... x a_ a* (alternating, so that each level nests)
  for (int i = 0; i < 30000; ++i) emph += i % 2 ? "_a " : "*a ";
  emph += "x";
  for (int i = 30000; i-- > 0;) emph += i % 2 ? " a_" : " a*";
  expect_too_deep(emph + "\n", "report.md:1:");
  std::string images;  // images may hold images (links may not hold links)
  for (int i = 0; i < 30000; ++i) images += "![";
  images += "x";
  for (int i = 0; i < 30000; ++i) images += "](a.png)";
  expect_too_deep(images + "\n", "report.md:1:");
}

TEST(Nesting, ModerateNestingIsFine) {
  Diagnostics diags;
  const Document doc = parse(std::string(40, '>') + " *a **b** c*\n", diags);
  EXPECT_FALSE(diags.has_errors()) << messages(diags);
}

TEST(HeadingAttributes, EscapedBraceIsText) {
  Diagnostics diags;
  const Document doc =
      parse("# Hallingdal \\{-}\n\n# Ringerike &#123;-}\n\n# Hadeland {-}\n", diags);
  ASSERT_FALSE(diags.has_errors()) << messages(diags);
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_EQ(plain_text(doc.blocks[0].inlines), "Hallingdal {-}");
  EXPECT_EQ(doc.blocks[0].number, "1");
  EXPECT_EQ(plain_text(doc.blocks[1].inlines), "Ringerike {-}");
  EXPECT_EQ(doc.blocks[1].number, "2");
  EXPECT_EQ(plain_text(doc.blocks[2].inlines), "Hadeland");
  EXPECT_EQ(doc.blocks[2].number, "");
}

TEST(HeadingAttributes, EscapedIdIsText) {
  Diagnostics diags;
  const Document doc = parse("# Navn \\{#kap:x} ##\n\nSe {ref:kap:x}.\n", diags);
  EXPECT_EQ(plain_text(doc.blocks.at(0).inlines), "Navn {#kap:x}");
  EXPECT_NE(messages(diags).find("unknown reference 'kap:x'"), std::string::npos);
}

// The source of every text node is looked up in constant time (it was a search to the end
// of the line for each node: quadratic in the nodes of a long paragraph).
TEST(Linear, ManyLinksInOneParagraph) {
  std::string md;
  for (int i = 0; i < 200000; ++i) md += "[x](#a) y ";
  md += "\n";
  const auto t0 = std::chrono::steady_clock::now();
  Diagnostics diags;
  const Document doc = parse(md, diags);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_FALSE(diags.has_errors());
  EXPECT_EQ(doc.blocks.at(0).inlines.size(), 400000u);
  EXPECT_LT(s, 30.0);  // about 0.3 s in a release build; 6 s and more when quadratic
}

}  // namespace
}  // namespace samrapport::document
