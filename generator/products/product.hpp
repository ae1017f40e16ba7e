// A product: one kind of document samrapport makes from the content (the county survey
// report, an eierskapsmelding per municipality, ...). A product declares only what differs
// between products: its id and folder, the pages it makes from the results, the formats it
// can be written in. Everything else (templates -> Markdown -> document tree -> writers ->
// staged output -> PDF) is the one pipeline in products/pipeline.cpp.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "analysis/results.hpp"
#include "content/model.hpp"
#include "document/document.hpp"
#include "jinja/value.hpp"
#include "products/format.hpp"

namespace samrapport::products {

/// What a product's declarations see: the content, its analysis and the template context
/// every page starts from (content, analysis, report, lang).
struct ProductInput {
  const content::Content& content;
  const analysis::Results& results;
  const jinja::Value& context;
};

/// One document of a product.
struct Page {
  /// The folder inside the product's output folder ("" = the folder itself).
  std::string folder;
  /// The file stem: "rapport" gives rapport.md, rapport.html, rapport.pdf ...
  std::string stem;
  /// The entry template. A name without '/' is looked up most specific first:
  /// <product>/<lang>/NAME, <product>/NAME, lib/<lang>/NAME, lib/NAME.
  std::string entry;
  content::Language language = content::Language::nb;
  /// Extra variables of this page (a dict), beside content, analysis, report and lang.
  jinja::Value vars;
  /// Title page fields. When `front_matter` names a template, its output ("title: ..."
  /// lines) fills them instead, so that the wording of a title page lives in templates.
  document::DocumentMeta meta;
  std::string front_matter;
  /// How the page is named in messages ("Ål").
  std::string label;
};

struct Product {
  std::string id;           // "report", "eierskap": what --product takes
  std::string name;         // in the user's terms, for `samrapport products`
  std::string description;  // what it makes, one sentence
  std::string template_folder;
  std::set<Format> formats;          // what it can be written in
  std::set<Format> default_formats;  // what a build without --formats writes
  /// The product's folder under OUT.
  std::function<std::string(const ProductInput&)> folder;
  /// Empty when the content supports the product; otherwise why not (for messages).
  std::function<std::string(const ProductInput&)> unsupported;
  std::function<std::vector<Page>(const ProductInput&)> pages;
};

}  // namespace samrapport::products
