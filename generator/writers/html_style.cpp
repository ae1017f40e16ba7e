#include "writers/html_style.hpp"

namespace samrapport::writers {

std::string_view report_stylesheet() {
  static constexpr std::string_view kCss = R"css(
.samrapport {
  --sr-ink: #1a1a1a;
  --sr-muted: #444444;
  --sr-accent: #1f3864;
  --sr-link: #0b4f8a;
  --sr-rule: #8497b0;
  --sr-head: #dce6f2;
  --sr-band: #f3f6fa;
  color: var(--sr-ink);
  background: #ffffff;
  font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif;
  font-size: 1rem;
  line-height: 1.5;
  max-width: 52rem;
  margin: 0 auto;
  padding: 1.5rem 1.25rem 4rem;
}
.samrapport a { color: var(--sr-link); }
.samrapport h1, .samrapport h2, .samrapport h3, .samrapport h4, .samrapport h5, .samrapport h6 {
  color: var(--sr-accent);
  line-height: 1.25;
  margin: 1.6em 0 0.5em;
}
.samrapport h2 { font-size: 1.6rem; border-bottom: 2px solid var(--sr-accent); padding-bottom: 0.2em; }
.samrapport h3 { font-size: 1.25rem; }
.samrapport h4 { font-size: 1.05rem; }
.samrapport .number { margin-right: 0.6em; }
.samrapport .title-page { margin: 2rem 0 3rem; padding: 2rem 0; border-top: 6px solid var(--sr-accent); }
.samrapport .title-page h1 { font-size: 2.2rem; margin: 0.3em 0; }
.samrapport .title-page .report-id { font-weight: bold; color: var(--sr-accent); margin: 0; }
.samrapport .title-page .subtitle { font-size: 1.25rem; margin: 0 0 2rem; }
.samrapport .title-page .client, .samrapport .title-page .author,
.samrapport .title-page .date { margin: 0.2em 0; }
.samrapport nav.contents ol { list-style: none; padding-left: 0; }
.samrapport nav.contents ol ol { padding-left: 1.6em; }
.samrapport nav.contents li { margin: 0.15em 0; }
.samrapport nav.contents h3 { font-size: 1.1rem; }
.samrapport .table-wrap { overflow-x: auto; margin: 1.2em 0 0.3em; }
.samrapport table { border-collapse: collapse; font-size: 0.92rem; margin: 0; }
.samrapport caption { caption-side: top; text-align: left; font-weight: normal; padding: 0 0 0.4em; }
.samrapport caption .label, .samrapport figcaption .label { font-weight: bold; margin-right: 0.4em; }
.samrapport th, .samrapport td { padding: 0.25em 0.6em; vertical-align: top; text-align: left; }
.samrapport thead th { background: var(--sr-head); border-bottom: 2px solid var(--sr-rule); font-weight: bold; }
.samrapport tbody tr { border-bottom: 1px solid #d9dee5; }
.samrapport tbody th { font-weight: normal; }
.samrapport .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.samrapport .center { text-align: center; }
.samrapport tr.sum, .samrapport tr.subtotal { font-weight: bold; }
.samrapport tr.sum th, .samrapport tr.subtotal th { font-weight: bold; }
.samrapport tr.sum { border-top: 2px solid var(--sr-rule); }
.samrapport tr.subtotal { background: var(--sr-band); }
.samrapport tr.group td { font-weight: bold; font-style: italic; background: var(--sr-band); }
.samrapport .source, .samrapport .table-note { font-size: 0.88rem; color: var(--sr-muted); margin: 0.2em 0 1.4em; }
.samrapport figure { margin: 1.6em 0; }
.samrapport figure .chart svg, .samrapport figure img { max-width: 100%; height: auto; display: block; }
.samrapport figcaption { font-size: 0.95rem; margin-top: 0.4em; }
.samrapport details.chart-data { font-size: 0.88rem; margin: 0.4em 0; }
.samrapport details.chart-data summary { cursor: pointer; color: var(--sr-link); }
.samrapport details.chart-data table { margin-top: 0.4em; }
.samrapport sup.footnote-ref a { text-decoration: none; }
.samrapport section.footnotes { font-size: 0.9rem; border-top: 1px solid var(--sr-rule); margin-top: 3rem; }
.samrapport section.footnotes h2 { font-size: 1.1rem; border: 0; }
.samrapport blockquote { margin: 1em 0; padding-left: 1em; border-left: 4px solid var(--sr-head); color: var(--sr-muted); }
.samrapport pre { background: var(--sr-band); padding: 0.8em; overflow-x: auto; }
.samrapport code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 0.9em; }
@media print {
  @page { size: A4; margin: 22mm 20mm 25mm; }
  .samrapport { max-width: none; padding: 0; font-size: 10.5pt; }
  .samrapport a { color: inherit; text-decoration: none; }
  .samrapport .title-page { break-after: page; border-top-width: 4px; }
  .samrapport nav.contents { break-after: page; }
  .samrapport h2.chapter { break-before: page; }
  .samrapport h2, .samrapport h3, .samrapport h4 { break-after: avoid; }
  .samrapport figure, .samrapport tr, .samrapport caption { break-inside: avoid; }
  .samrapport thead { display: table-header-group; }
  .samrapport .table-wrap { overflow: visible; }
  .samrapport details.chart-data { display: none; }
}
)css";
  return kCss;
}

}  // namespace samrapport::writers
