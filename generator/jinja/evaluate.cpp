// Expression evaluation of the renderer.
#include "jinja/error.hpp"
#include "jinja/limits.hpp"
#include "jinja/methods.hpp"
#include "jinja/operators.hpp"
#include "jinja/renderer.hpp"
#include "jinja/runtime_objects.hpp"
#include "jinja/undefined.hpp"
#include "jinja/unicode.hpp"
#include "jinja/value_print.hpp"

namespace samrapport::jinja::detail {

namespace {

const NameId& self_id() {
  static const NameId id = intern_name("self");
  return id;
}

std::int64_t slice_index(const Value& v, const char* what) {
  if (v.is_int() || v.is_bool()) return v.as_int();
  throw_error(ErrorKind::Type, std::string("slice ") + what + " must be an integer or None, not '" +
                                   std::string(v.type_name()) + "'");
}

/// Indices selected by a Python slice over a sequence of `len` elements.
std::vector<std::int64_t> slice_indices(std::int64_t len, const Value* start_v, const Value* stop_v,
                                        const Value* step_v) {
  std::int64_t step = (step_v && !step_v->is_none()) ? slice_index(*step_v, "step") : 1;
  if (step == 0) throw_error(ErrorKind::Value, "slice step cannot be zero");
  std::int64_t start, stop;
  if (!start_v || start_v->is_none()) {
    start = step < 0 ? len - 1 : 0;
  } else {
    start = slice_index(*start_v, "indices");
    if (start < 0) {
      start += len;
      if (start < 0) start = step < 0 ? -1 : 0;
    } else if (start >= len) {
      start = step < 0 ? len - 1 : len;
    }
  }
  if (!stop_v || stop_v->is_none()) {
    stop = step < 0 ? -1 : len;
  } else {
    stop = slice_index(*stop_v, "indices");
    if (stop < 0) {
      stop += len;
      if (stop < 0) stop = step < 0 ? -1 : 0;
    } else if (stop >= len) {
      stop = step < 0 ? len - 1 : len;
    }
  }
  std::vector<std::int64_t> out;
  if (step > 0) {
    for (std::int64_t i = start; i < stop; i += step) out.push_back(i);
  } else {
    for (std::int64_t i = start; i > stop; i += step) out.push_back(i);
  }
  return out;
}

std::vector<std::string> code_points(const std::string& s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t start = i;
    unicode::decode(s, i);
    out.emplace_back(s, start, i - start);
  }
  return out;
}

/// Adds a string or list result to the render's total, unless it is `input` passed through.
void charge_result(const Value& out, const Value& input) {
  if (out.identity() == input.identity()) return;
  if (out.is_string()) {
    charge_bytes(out.str().size());
  } else if (out.is_sequence()) {
    charge_bytes(out.items().size() * sizeof(Value));
  }
}

}  // namespace

// ------------------------------------------------------------------ Context services

std::string Renderer::to_string(const Value& v) {
  if (v.is_string()) return v.str();
  if (v.is_undefined() && strict_) raise_undefined(v);
  return to_str(v);
}

bool Renderer::truthy(const Value& v) {
  if (v.is_undefined() && strict_) raise_undefined(v);
  return py_truthy(v);
}

std::vector<Value> Renderer::iterate(const Value& v) {
  switch (v.kind()) {
    case Kind::List:
    case Kind::Tuple:
      return v.items();
    case Kind::Dict: {
      std::vector<Value> keys;
      keys.reserve(v.dict_obj().size());
      for (const auto& e : v.dict_obj().entries()) keys.push_back(e.key);
      return keys;
    }
    case Kind::Str:
    case Kind::Markup: {
      // one value per character: charged as the memory it takes, not as the string's bytes
      const std::size_t cost = v.str().size() * (sizeof(Value) + sizeof(StrObj));
      check_alloc(cost);
      charge_bytes(cost);
      std::vector<Value> chars;
      if (v.str_obj().is_ascii()) {
        for (char c : v.str()) chars.emplace_back(std::string(1, c));
      } else {
        for (auto& c : code_points(v.str())) chars.emplace_back(std::move(c));
      }
      return chars;
    }
    case Kind::Undefined:
      if (strict_) raise_undefined(v);
      return {};
    case Kind::Object: {
      std::vector<Value> out;
      if (v.object().iterate(out)) return out;
      break;
    }
    default:
      break;
  }
  throw_error(ErrorKind::Type, "'" + std::string(v.type_name()) + "' object is not iterable");
}

Value Renderer::getattr(const Value& obj, std::string_view name) {
  return attr_of(obj, name, DictObj::hash_string(name), std::string());
}

Value Renderer::getitem(const Value& obj, const Value& key) {
  return item_of(obj, key, std::string());
}

Value Renderer::call(const Value& callee, CallArgs& args) {
  count_operations();
  if (callee.is_object() && callee.object().is_callable()) return callee.object().call(*this, args);
  if (callee.is_undefined()) raise_undefined(callee);
  throw_error(ErrorKind::Type, "'" + std::string(callee.type_name()) + "' object is not callable");
}

Value Renderer::call_filter(std::string_view name, const Value& input, CallArgs& args) {
  const FilterFn* fn = env_.find_filter(name);
  if (!fn) throw_error(ErrorKind::Assertion, "No filter named '" + std::string(name) + "'.");
  return (*fn)(*this, input, args);
}

bool Renderer::call_test(std::string_view name, const Value& input, CallArgs& args) {
  const TestFn* fn = env_.find_test(name);
  if (!fn) throw_error(ErrorKind::Assertion, "No test named '" + std::string(name) + "'.");
  return (*fn)(*this, input, args);
}

// ------------------------------------------------------------------ lookups

std::vector<std::string> Renderer::visible_names(Frame& f) const {
  std::vector<std::string> out;
  for (Frame* p = &f; p; p = p->parent) {
    for (const auto& s : p->vars) out.emplace_back(name_text(s.id));
    if (p->base) {
      for (const auto& e : p->base->entries()) {
        if (e.key.is_string()) out.push_back(e.key.str());
      }
    }
  }
  for (const auto& e : env_.globals().entries()) out.push_back(e.key.str());
  return out;
}

Value Renderer::lookup(const NameExpr& n, Frame& f) {
  for (Frame* p = &f; p; p = p->parent) {
    if (const Value* v = p->find_local(n.id)) return *v;
    if (p->base) {
      if (const Value* v = p->base->find(n.name, n.hash)) return *v;
    }
  }
  if (const Value* g = env_.find_global(n.name, n.hash)) return *g;
  if (n.id == self_id() && tc_) {
    auto s = make_rc<SelfObj>();
    s->tc = tc_->handle;
    return Value(Rc<Object>(s));
  }
  auto info = make_rc<UndefinedInfo>();
  info->name = n.name;
  if (strict_) {
    std::vector<Value> names;
    for (auto& s : visible_names(f)) names.emplace_back(std::move(s));
    info->owner_value = Value::list(std::move(names));
  }
  return Value::undefined(std::move(info));
}

Value Renderer::located(Value v, const Expr& e) const {
  if (!strict_ || !v.is_undefined() || !cur_tpl_) return v;
  // A fresh lookup miss (not a hint, not an undefined value stored earlier) learns where
  // it happened. The info was made for this value alone, so writing to it is safe.
  auto* info = const_cast<UndefinedInfo*>(v.undefined_info());
  if (info && info->line == 0 && info->hint.empty()) {
    info->template_name = cur_tpl_->name();
    info->line = e.line;
    info->column = e.column;
    info->source_line = std::string(source_line(cur_tpl_->source(), e.line));
  }
  return v;
}

Value Renderer::attr_of(const Value& obj, std::string_view attr, std::size_t hash,
                        const std::string& owner_text) {
  switch (obj.kind()) {
    case Kind::Dict:
      if (has_method(obj, attr))
        return Value(Rc<Object>(make_rc<BoundMethodObj>(obj, std::string(attr))));
      if (const Value* v = obj.dict_obj().find(attr, hash)) return *v;
      break;
    case Kind::Str:
    case Kind::Markup:
    case Kind::List:
    case Kind::Tuple:
      if (obj.is_list() && obj.list_obj().flavor == ListFlavor::Group) {
        if (attr == "grouper") return obj.items()[0];
        if (attr == "list") return obj.items()[1];
      }
      if (has_method(obj, attr))
        return Value(Rc<Object>(make_rc<BoundMethodObj>(obj, std::string(attr))));
      break;
    case Kind::Object: {
      Value out;
      if (obj.object().get_attr(attr, out)) return out;
      break;
    }
    case Kind::Undefined:
      raise_undefined(obj);
    default:
      break;
  }
  return make_missing(obj, std::string(attr), owner_text, false);
}

Value Renderer::item_of(const Value& obj, const Value& key, const std::string& owner_text) {
  switch (obj.kind()) {
    case Kind::Dict: {
      const Value* v = nullptr;
      if (key.is_string()) {
        v = obj.dict_obj().find(std::string_view(key.str()));
      } else if (!key.is_list() && !key.is_dict()) {
        v = obj.dict_obj().find(key);
      }
      if (v) return *v;
      if (key.is_string() && has_method(obj, key.str())) {
        return Value(Rc<Object>(make_rc<BoundMethodObj>(obj, key.str())));
      }
      break;
    }
    case Kind::List:
    case Kind::Tuple:
      if (key.is_int() || key.is_bool()) {
        const auto& items = obj.items();
        std::int64_t i = key.as_int();
        if (i < 0) i += static_cast<std::int64_t>(items.size());
        if (i >= 0 && i < static_cast<std::int64_t>(items.size())) {
          return items[static_cast<std::size_t>(i)];
        }
      } else if (key.is_string()) {
        return attr_of(obj, key.str(), DictObj::hash_string(key.str()), owner_text);
      }
      break;
    case Kind::Str:
    case Kind::Markup:
      if (key.is_int() || key.is_bool()) {
        const StrObj& s = obj.str_obj();
        auto len = static_cast<std::int64_t>(s.cp_length());
        std::int64_t i = key.as_int();
        if (i < 0) i += len;
        if (i >= 0 && i < len) {
          std::string ch;
          if (s.is_ascii()) {
            ch = std::string(1, s.s[static_cast<std::size_t>(i)]);
          } else {
            std::size_t b = unicode::byte_offset(s.s, static_cast<std::size_t>(i));
            std::size_t e = b;
            unicode::decode(s.s, e);
            ch = s.s.substr(b, e - b);
          }
          return obj.is_markup() ? Value::markup(std::move(ch)) : Value(std::move(ch));
        }
      } else if (key.is_string()) {
        return attr_of(obj, key.str(), DictObj::hash_string(key.str()), owner_text);
      }
      break;
    case Kind::Object:
      if (key.is_string()) {
        Value out;
        if (obj.object().get_attr(key.str(), out)) return out;
      }
      break;
    case Kind::Undefined:
      raise_undefined(obj);
    default:
      break;
  }
  return make_missing(obj, to_repr(key), owner_text, true);
}

Value Renderer::slice_of(const Value& obj, const SliceExpr& s, Frame& f) {
  Value start = s.start ? eval(*s.start, f) : Value();
  Value stop = s.stop ? eval(*s.stop, f) : Value();
  Value step = s.step ? eval(*s.step, f) : Value();
  if (obj.is_undefined()) raise_undefined(obj);
  if (obj.is_sequence()) {
    const auto& items = obj.items();
    std::vector<Value> out;
    for (std::int64_t i :
         slice_indices(static_cast<std::int64_t>(items.size()), &start, &stop, &step)) {
      out.push_back(items[static_cast<std::size_t>(i)]);
    }
    return obj.is_tuple() ? Value::tuple(std::move(out)) : Value::list(std::move(out));
  }
  if (obj.is_string()) {
    const StrObj& so = obj.str_obj();
    std::string out;
    auto idx = slice_indices(static_cast<std::int64_t>(so.cp_length()), &start, &stop, &step);
    if (so.is_ascii()) {
      for (std::int64_t i : idx) out += so.s[static_cast<std::size_t>(i)];
    } else {
      auto cps = code_points(so.s);
      for (std::int64_t i : idx) out += cps[static_cast<std::size_t>(i)];
    }
    return obj.is_markup() ? Value::markup(std::move(out)) : Value(std::move(out));
  }
  return make_missing(obj, "slice", std::string(), true);
}

// ------------------------------------------------------------------ expressions

Value Renderer::eval(const Expr& e, Frame& f) {
  try {
    check_stack();
    return eval_node(e, f);
  } catch (TemplateError& err) {
    annotate(err, e);
    throw;
  }
}

void Renderer::eval_args(const CallArgsNode& node, Frame& f, CallArgs& out) {
  out.pos.reserve(node.args.size());
  for (const auto& a : node.args) out.pos.push_back(eval(*a, f));
  if (node.dyn_args) {
    for (auto& v : iterate(eval(*node.dyn_args, f))) out.pos.push_back(std::move(v));
  }
  for (const auto& [k, v] : node.kwargs) out.kw.emplace_back(k, eval(*v, f));
  if (node.dyn_kwargs) {
    Value d = eval(*node.dyn_kwargs, f);
    if (!d.is_dict()) throw_error(ErrorKind::Type, "argument after ** must be a mapping");
    for (const auto& e : d.dict_obj().entries()) {
      if (!e.key.is_string()) throw_error(ErrorKind::Type, "keywords must be strings");
      out.kw.emplace_back(e.key.str(), e.value);
    }
  }
}

Value Renderer::eval_call(const CallExpr& e, Frame& f) {
  if (e.callee->kind == NodeKind::Getattr) {
    const auto& g = static_cast<const GetattrExpr&>(*e.callee);
    Value obj = eval(*g.object, f);
    if ((obj.is_string() || obj.is_sequence() || obj.is_dict()) && has_method(obj, g.attr)) {
      CallArgs args;
      eval_args(e.args, f, args);
      Value out;
      count_operations();
      call_method(*this, obj, g.attr, args, out);
      charge_result(out, obj);
      return out;
    }
    Value callee = attr_of(obj, g.attr, g.hash, g.owner_text);
    CallArgs args;
    eval_args(e.args, f, args);
    CallSiteScope site(*this, e);
    return call(callee, args);
  }
  Value callee = eval(*e.callee, f);
  CallArgs args;
  eval_args(e.args, f, args);
  CallSiteScope site(*this, e);
  Value out = call(callee, args);
  // lists made by functions (range(), ...); strings made by macros were output already
  if (out.is_sequence()) charge_result(out, callee);
  return out;
}

Value Renderer::eval_filter(const FilterExpr& e, Frame& f, const Value* input) {
  Value in;
  if (!e.input) {
    in = input ? *input : Value();
  } else if (e.input->kind == NodeKind::Filter) {
    in = eval_filter(static_cast<const FilterExpr&>(*e.input), f, input);
  } else {
    in = eval(*e.input, f);
  }
  CallArgs args;
  eval_args(e.args, f, args);
  const FilterFn* fn = e.fn ? e.fn : env_.find_filter(e.name);
  if (!fn) fail_at(e, ErrorKind::Assertion, "No filter named '" + e.name + "'.");
  count_operations();
  try {
    Value out = (*fn)(*this, in, args);
    charge_result(out, in);
    return out;
  } catch (TemplateError& err) {
    annotate(err, e);
    throw;
  }
}

bool Renderer::eval_test(const TestExpr& e, Frame& f) {
  Value in = eval(*e.input, f);
  CallArgs args;
  eval_args(e.args, f, args);
  const TestFn* fn = e.fn ? e.fn : env_.find_test(e.name);
  if (!fn) fail_at(e, ErrorKind::Assertion, "No test named '" + e.name + "'.");
  count_operations();
  return (*fn)(*this, in, args);
}

Value Renderer::eval_concat(const ConcatExpr& e, Frame& f) {
  std::vector<Value> parts;
  parts.reserve(e.items.size());
  bool any_markup = false;
  std::size_t size = 0;
  for (const auto& item : e.items) {
    parts.push_back(eval(*item, f));
    if (parts.back().is_markup()) any_markup = true;
    if (!parts.back().is_string()) parts.back() = Value(to_string(parts.back()));
    size += parts.back().str().size();
  }
  check_size(size);  // before building it (escaping may add more: checked again below)
  std::string out;
  out.reserve(size);
  if (escaper_ && any_markup && !e.constant) {
    for (const auto& p : parts) {
      if (p.is_markup()) {
        out += p.str();
      } else {
        escaper_->escape(to_string(p), out);
      }
    }
    check_size(out.size());
    charge_bytes(out.size());
    return Value::markup(std::move(out));
  }
  for (const auto& p : parts) {
    if (p.is_string()) {
      out += p.str();
    } else {
      out += to_string(p);
    }
  }
  check_size(out.size());
  charge_bytes(out.size());
  return Value(std::move(out));
}

Value Renderer::eval_compare(const CompareExpr& e, Frame& f) {
  Value left = eval(*e.first, f);
  for (const auto& [op, expr] : e.ops) {
    Value right = eval(*expr, f);
    if (!compare_op(op, left, right, *this)) return Value(false);
    left = std::move(right);
  }
  return Value(true);
}

Value Renderer::eval_node(const Expr& e, Frame& f) {
  switch (e.kind) {
    case NodeKind::Const:
      return static_cast<const ConstExpr&>(e).value;
    case NodeKind::Name:
      return located(lookup(static_cast<const NameExpr&>(e), f), e);
    case NodeKind::Getattr: {
      const auto& g = static_cast<const GetattrExpr&>(e);
      return located(attr_of(eval(*g.object, f), g.attr, g.hash, g.owner_text), e);
    }
    case NodeKind::Getitem: {
      const auto& g = static_cast<const GetitemExpr&>(e);
      Value obj = eval(*g.object, f);
      if (g.index->kind == NodeKind::Slice) {
        return slice_of(obj, static_cast<const SliceExpr&>(*g.index), f);
      }
      return located(item_of(obj, eval(*g.index, f), g.owner_text), e);
    }
    case NodeKind::Call:
      return eval_call(static_cast<const CallExpr&>(e), f);
    case NodeKind::Filter:
      return eval_filter(static_cast<const FilterExpr&>(e), f, nullptr);
    case NodeKind::Test:
      return Value(eval_test(static_cast<const TestExpr&>(e), f));
    case NodeKind::Unary: {
      const auto& u = static_cast<const UnaryExpr&>(e);
      return unary_op(u.op, eval(*u.operand, f));
    }
    case NodeKind::Not:
      return Value(!truthy(eval(*static_cast<const NotExpr&>(e).operand, f)));
    case NodeKind::Binary: {
      const auto& b = static_cast<const BinaryExpr&>(e);
      Value l = eval(*b.left, f);
      Value r = eval(*b.right, f);
      Value out = binary_op(b.op, l, r, *this);
      // strings here; lists made by + and * are charged by binary_op itself
      if (out.is_string() && out.identity() != r.identity()) charge_result(out, l);
      return out;
    }
    case NodeKind::And: {
      const auto& l = static_cast<const LogicalExpr&>(e);
      Value a = eval(*l.left, f);
      if (!truthy(a)) return a;
      return eval(*l.right, f);
    }
    case NodeKind::Or: {
      const auto& l = static_cast<const LogicalExpr&>(e);
      Value a = eval(*l.left, f);
      if (truthy(a)) return a;
      return eval(*l.right, f);
    }
    case NodeKind::Compare:
      return eval_compare(static_cast<const CompareExpr&>(e), f);
    case NodeKind::Concat:
      return eval_concat(static_cast<const ConcatExpr&>(e), f);
    case NodeKind::CondExpr: {
      const auto& c = static_cast<const CondExpr&>(e);
      if (truthy(eval(*c.test, f))) return eval(*c.then, f);
      if (c.otherwise) return eval(*c.otherwise, f);
      return make_undefined_hint("the inline if-expression on line " + std::to_string(c.line) +
                                 " evaluated to false and no else section was defined.");
    }
    case NodeKind::ListLit:
    case NodeKind::TupleLit: {
      const auto& s = static_cast<const SequenceExpr&>(e);
      std::vector<Value> items;
      items.reserve(s.items.size());
      for (const auto& item : s.items) items.push_back(eval(*item, f));
      return e.kind == NodeKind::TupleLit ? Value::tuple(std::move(items))
                                          : Value::list(std::move(items));
    }
    case NodeKind::DictLit: {
      const auto& d = static_cast<const DictExpr&>(e);
      Value out = Value::dict();
      for (const auto& [k, v] : d.items) {
        Value key = eval(*k, f);
        out.dict_obj().set(std::move(key), eval(*v, f));
      }
      return out;
    }
    case NodeKind::Slice:
      // x[a:b, c]: a tuple holding a slice indexes nothing (Jinja2 gives undefined)
      return Value::undefined();
    case NodeKind::NSRef:
      fail_at(e, ErrorKind::Syntax, "namespace references are only allowed in set");
    default:
      fail_at(e, ErrorKind::Runtime, "internal error: not an expression");
  }
}

}  // namespace samrapport::jinja::detail
