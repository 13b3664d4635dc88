//===- LavaLearning.cpp - Lava's fixed-point learning engine --------------===//
//
// The parser follows Lava's SymbolicEquation and ProductSeries symbol by
// symbol, quirks included (all literals of a product multiply into its
// scale; a second dependency becomes a factor; u_k reads the first digit of
// k); the engine follows LearningConnectionModelBitApproximate step by step.
//
//===----------------------------------------------------------------------===//

#include "snnrt/LavaLearning.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

using namespace snnrt;
using namespace snnrt::loihi2;

namespace {
/// A symbol of Lava's learning-rule syntax.
struct Symbol {
  enum class Kind { Add, Sub, Mul, X0, Y0, Uk, Var, Bracket, Sgn, Literal };
  Kind kind;
  std::string text;              ///< variable name
  int64_t mantissa = 0;          ///< literal: mantissa * base^exponent
  int64_t base = 1, exponent = 0;
  int decimate = 0;              ///< u_k
  std::vector<Symbol> children;  ///< bracket and sgn contents
};

class RuleParser {
public:
  explicit RuleParser(std::string &error) : error(error) {}

  bool parse(const std::string &expr, std::vector<Symbol> &out) {
    size_t pos = 0;
    if (expr.empty())
      return fail("an empty expression");
    while (pos < expr.size()) {
      Symbol s{};
      if (!next(expr, pos, s))
        return false;
      out.push_back(std::move(s));
    }
    return true;
  }

private:
  bool fail(const std::string &message) {
    error = message;
    return false;
  }

  static bool digitsAt(const std::string &e, size_t &p) {
    size_t start = p;
    while (p < e.size() && std::isdigit((unsigned char)e[p]))
      ++p;
    return p > start;
  }

  /// An optionally signed integer at `p`.
  static bool signedAt(const std::string &e, size_t &p, int64_t &value) {
    size_t start = p;
    if (p < e.size() && (e[p] == '+' || e[p] == '-'))
      ++p;
    size_t digits = p;
    if (!digitsAt(e, p) || p - digits > 9) {
      p = start;
      return false;
    }
    value = std::stoll(e.substr(start, p - start));
    return true;
  }

  /// Lava's three literal forms, tried in its order: x*2^y, 2^y, x.
  static bool literalAt(const std::string &e, size_t &p, Symbol &s) {
    size_t start = p;
    int64_t m = 0, y = 0;
    if (signedAt(e, p, m) && e.compare(p, 3, "*2^") == 0) {
      size_t q = p + 3;
      if (signedAt(e, q, y)) {
        s = {Symbol::Kind::Literal};
        s.mantissa = m;
        s.base = 2;
        s.exponent = y;
        p = q;
        return true;
      }
    }
    p = start;
    size_t q = start;
    if (q < e.size() && (e[q] == '+' || e[q] == '-'))
      ++q;
    if (e.compare(q, 2, "2^") == 0) {
      size_t r = q + 2;
      if (signedAt(e, r, y)) {
        s = {Symbol::Kind::Literal};
        s.mantissa = e[start] == '-' ? -1 : 1; // int(+-2 / 2)
        s.base = 2;
        s.exponent = y;
        p = r;
        return true;
      }
    }
    p = start;
    if (signedAt(e, p, m)) {
      s = {Symbol::Kind::Literal};
      s.mantissa = m;
      return true;
    }
    return false;
  }

  /// The index of the bracket closing the one at `open`, or npos.
  static size_t closing(const std::string &e, size_t open) {
    int depth = 0;
    for (size_t i = open; i < e.size(); ++i) {
      depth += e[i] == '(' ? 1 : e[i] == ')' ? -1 : 0;
      if (depth == 0 && (e[i] == '(' || e[i] == ')'))
        return i;
    }
    return std::string::npos;
  }

  bool next(const std::string &e, size_t &p, Symbol &s) {
    char c = e[p];
    auto take = [&](Symbol::Kind kind, size_t len, std::string text = "") {
      s = {kind};
      s.text = std::move(text);
      p += len;
      return true;
    };
    if (c == '+')
      return take(Symbol::Kind::Add, 1);
    if (c == '-')
      return take(Symbol::Kind::Sub, 1);
    if (c == '*')
      return take(Symbol::Kind::Mul, 1);
    if (e.compare(p, 2, "x0") == 0)
      return take(Symbol::Kind::X0, 2, "x0");
    if (e.compare(p, 2, "y0") == 0)
      return take(Symbol::Kind::Y0, 2, "y0");
    if (c == 'u' && p + 1 < e.size() && std::isdigit((unsigned char)e[p + 1])) {
      take(Symbol::Kind::Uk, 2);
      s.decimate = e[p - 1] - '0';
      return true;
    }
    for (const char *v : {"x1", "x2", "y1", "y2", "y3", "w"})
      if (e.compare(p, std::char_traits<char>::length(v), v) == 0)
        return take(Symbol::Kind::Var, std::char_traits<char>::length(v), v);
    if (c == 'd' || c == 't')
      return fail(std::string("'") + c +
                  "' (the synaptic " + (c == 'd' ? "delay" : "tag") +
                  ") is not supported: only weights learn");
    bool sgn = e.compare(p, 4, "sgn(") == 0;
    if (c == '(' || sgn) {
      size_t open = sgn ? p + 3 : p;
      size_t close = closing(e, open);
      if (close == std::string::npos)
        return fail("a bracket without its closing bracket in '" +
                    e.substr(p) + "'");
      s = {sgn ? Symbol::Kind::Sgn : Symbol::Kind::Bracket};
      std::string inner = e.substr(open + 1, close - open - 1);
      if (!parse(inner, s.children))
        return fail(error + " inside '" + e.substr(p, close + 1 - p) + "'");
      p = close + 1;
      return true;
    }
    if (literalAt(e, p, s))
      return true;
    return fail("cannot read '" + e.substr(p) + "'");
  }

  std::string &error;
};

bool isDependency(const Symbol &s) {
  return s.kind == Symbol::Kind::X0 || s.kind == Symbol::Kind::Y0 ||
         s.kind == Symbol::Kind::Uk;
}

bool factorVar(const std::string &name, LearningFactor::Var &var) {
  static const std::pair<const char *, LearningFactor::Var> names[] = {
      {"x0", LearningFactor::Var::X0}, {"y0", LearningFactor::Var::Y0},
      {"x1", LearningFactor::Var::X1}, {"x2", LearningFactor::Var::X2},
      {"y1", LearningFactor::Var::Y1}, {"y2", LearningFactor::Var::Y2},
      {"y3", LearningFactor::Var::Y3}, {"w", LearningFactor::Var::W}};
  for (const auto &[n, v] : names)
    if (name == n) {
      var = v;
      return true;
    }
  return false;
}

/// One product from its symbols (ProductSeries._generate_product).
bool makeProduct(const std::vector<const Symbol *> &symbols,
                 ProductSeries &series, LearningProduct &product,
                 std::string &error) {
  std::optional<LearningProduct::Dependency> dependency;
  int64_t mantissa = 1, exponent = 0;
  auto addFactor = [&](const std::string &name, std::optional<double> constant,
                       bool sign) {
    LearningFactor f;
    if (!factorVar(name, f.var)) {
      error = "'" + name + "' cannot be a factor";
      return false;
    }
    f.hasConstant = constant.has_value();
    f.constant = constant.value_or(0);
    f.sign = sign;
    product.factors.push_back(f);
    return true;
  };
  auto literalValue = [](const Symbol &s) {
    return double(s.mantissa) * std::pow(double(s.base), double(s.exponent));
  };
  for (const Symbol *s : symbols) {
    switch (s->kind) {
    case Symbol::Kind::Add:
    case Symbol::Kind::Mul:
      break;
    case Symbol::Kind::Sub:
      mantissa = -mantissa;
      break;
    case Symbol::Kind::Uk:
      if (series.decimateExponent && *series.decimateExponent != s->decimate) {
        error = "u dependencies with different decimation exponents";
        return false;
      }
      series.decimateExponent = s->decimate;
      if (!dependency)
        dependency = LearningProduct::Dependency::U;
      break;
    case Symbol::Kind::X0:
    case Symbol::Kind::Y0:
      if (!dependency)
        dependency = s->kind == Symbol::Kind::X0
                         ? LearningProduct::Dependency::X0
                         : LearningProduct::Dependency::Y0;
      else if (!addFactor(s->text, std::nullopt, false))
        return false;
      break;
    case Symbol::Kind::Literal:
      mantissa *= s->mantissa;
      exponent += s->exponent;
      break;
    case Symbol::Kind::Var:
      if (!addFactor(s->text, std::nullopt, false))
        return false;
      break;
    case Symbol::Kind::Bracket:
    case Symbol::Kind::Sgn: {
      std::vector<Symbol> sub = s->children;
      if (sub[0].kind != Symbol::Kind::Add && sub[0].kind != Symbol::Kind::Sub &&
          sub[0].kind != Symbol::Kind::Mul)
        sub.insert(sub.begin(), Symbol{Symbol::Kind::Add});
      std::optional<std::string> var;
      std::optional<double> constant;
      bool negatedVar = false;
      if (sub.size() <= 2) {
        int sign = sub[0].kind == Symbol::Kind::Sub ? -1 : 1;
        if (sub.size() == 2 && sub[1].kind == Symbol::Kind::Var) {
          var = sub[1].text;
        } else if (sub.size() == 2 && sub[1].kind == Symbol::Kind::Literal) {
          mantissa *= sub[1].mantissa * sign;
          exponent += sub[1].exponent;
        }
      } else {
        auto variable = [](const Symbol &x) {
          return isDependency(x) || x.kind == Symbol::Kind::Var;
        };
        size_t varSign, varAt, constSign, constAt;
        if (sub.size() >= 4 && variable(sub[1]) &&
            sub[3].kind == Symbol::Kind::Literal) {
          varSign = 0, varAt = 1, constSign = 2, constAt = 3;
        } else if (sub.size() >= 4 && variable(sub[3]) &&
                   sub[1].kind == Symbol::Kind::Literal) {
          varSign = 2, varAt = 3, constSign = 0, constAt = 1;
        } else {
          error = "a bracket that is not [+-]var[+-]const";
          return false;
        }
        if (sub[varAt].kind == Symbol::Kind::Uk) {
          error = "u cannot be a factor";
          return false;
        }
        var = sub[varAt].text;
        double c = literalValue(sub[constAt]);
        if (sub[constSign].kind == Symbol::Kind::Sub)
          c = -c;
        negatedVar = sub[varSign].kind == Symbol::Kind::Sub;
        if (negatedVar) {
          mantissa = -mantissa;
          c = -c;
        }
        constant = c;
      }
      if (s->kind == Symbol::Kind::Bracket) {
        if (var && !addFactor(*var, constant, false))
          return false;
      } else {
        if (!var || *var != "w") {
          error = "sgn(..) applies to w only";
          return false;
        }
        if (negatedVar) {
          error = "the variable in sgn(..) cannot be negative";
          return false;
        }
        if (!addFactor(*var, constant, true))
          return false;
      }
      break;
    }
    }
  }
  while (std::llabs(mantissa) > 7 && mantissa % 2 == 0 && exponent < 8) {
    mantissa /= 2;
    ++exponent;
  }
  if (!dependency) {
    error = "a product without a dependency (x0, y0 or u)";
    return false;
  }
  if (mantissa < -8 || mantissa >= 8) {
    error = "a scale mantissa of " + std::to_string(mantissa) +
            ", outside -8..7";
    return false;
  }
  if (exponent < -7 || exponent >= 9) {
    error = "a scale exponent of " + std::to_string(exponent) +
            ", outside -7..8";
    return false;
  }
  product.dependency = *dependency;
  product.mantissa = int(mantissa);
  product.exponent = int(exponent + 7);
  return true;
}

/// numpy's clip of a float, then astype(int32) (toward zero).
int32_t clipToInt(double value, int width) {
  double bound = double(int64_t(1) << width);
  return int32_t(std::trunc(std::min(bound - 1, std::max(-bound, value))));
}

/// int32 arithmetic as numpy does it: wrapping.
int32_t wrapMul(int32_t a, int32_t b) {
  return int32_t(uint32_t(a) * uint32_t(b));
}

int factorWidth(LearningFactor::Var v) {
  switch (v) {
  case LearningFactor::Var::X0:
  case LearningFactor::Var::Y0:
    return 1;
  case LearningFactor::Var::W:
    return kLearnedWeightBits + 1;
  default:
    return kTraceBits;
  }
}

/// A parameter's value for a message: shortest round form (%g).
std::string number(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

/// Lava's _add_impulse: + integer part, + 1 if random < fractional part,
/// saturated to the trace's 7 bits.
int64_t addImpulse(int64_t trace, int64_t random, int64_t whole,
                   int64_t fraction) {
  return std::clamp<int64_t>(trace + whole + (random < fraction ? 1 : 0), 0,
                             (int64_t(1) << kTraceBits) - 1);
}

/// Lava's _decay_trace over one step: floor(e * trace) + 1 if random is
/// below the fractional part.
int64_t decayTrace(int64_t trace, double factor, double random) {
  double x = factor * double(trace);
  double whole = std::floor(x);
  return int64_t(whole) + (random < x - whole ? 1 : 0);
}
} // namespace

bool loihi2::parseLearningRule(const std::string &text, ProductSeries &series,
                               std::string &error) {
  std::string expr;
  for (char c : text)
    if (c != ' ')
      expr.push_back(c);
  std::vector<Symbol> symbols;
  RuleParser parser(error);
  if (!parser.parse(expr, symbols))
    return false;
  // Products split at + and - (ProductSeries._separate_products).
  std::vector<std::vector<const Symbol *>> products(1);
  for (const Symbol &s : symbols) {
    if (s.kind == Symbol::Kind::Mul)
      continue;
    if ((s.kind == Symbol::Kind::Add || s.kind == Symbol::Kind::Sub) &&
        !products.back().empty())
      products.emplace_back();
    products.back().push_back(&s);
  }
  series = {};
  for (const auto &symbolsOf : products) {
    LearningProduct p;
    if (!makeProduct(symbolsOf, series, p, error))
      return false;
    series.products.push_back(std::move(p));
  }
  return true;
}

bool LearningEngine::configure(const LearningRule &r, size_t nPre,
                               size_t nPost, SignMode mode,
                               std::string &error) {
  rule = r;
  pre = nPre;
  post = nPost;
  signMode = mode;
  if (!parseLearningRule(rule.dw, series, error)) {
    error = "dw \"" + rule.dw + "\": " + error;
    return false;
  }
  if (rule.epoch < 1 || rule.epoch > kMaxEpoch) {
    error = "t_epoch is " + std::to_string(rule.epoch) + ", outside 1.." +
            std::to_string(kMaxEpoch);
    return false;
  }
  if (mode == SignMode::Null) {
    error = "a learning connection needs its sign_mode";
    return false;
  }
  if (rule.gradedSpikeCfg < 0 || rule.gradedSpikeCfg > 3) {
    error = "graded_spike_cfg is " + std::to_string(rule.gradedSpikeCfg) +
            ", not one of Lava's 0..3";
    return false;
  }
  const char *names[5] = {"x1", "x2", "y1", "y2", "y3"};
  for (int k = 0; k < 5; ++k) {
    double impulse = k < 2 ? rule.xImpulse[k] : rule.yImpulse[k - 2];
    double tau = k < 2 ? rule.xTau[k] : rule.yTau[k - 2];
    if (!(impulse >= 0) || impulse >= double(int64_t(1) << kTraceBits)) {
      error = std::string(names[k]) + "_impulse is " + number(impulse) +
              ", outside [0, 128)";
      return false;
    }
    if (!(tau >= 0) || !std::isfinite(tau)) {
      error = std::string(names[k]) + "_tau is " + number(tau) +
              ", not a time constant >= 0";
      return false;
    }
    // _decompose_impulses: floor, then np.round (half to even) of 8 bits.
    double whole = std::floor(impulse);
    impulseInt[k] = int64_t(whole);
    impulseFrac[k] = int64_t(
        std::nearbyint((impulse - whole) * double(1 << kTraceFractionBits)));
    decays[k] = tau != 0;
    // exp(-1 / tau) correctly rounded (numpy's exp agrees to the last bit
    // on all but rare arguments; see docs/targets/loihi2.md).
    double exponent = -1.0 / (tau == 0 ? 1.0 : tau);
    decayFactor[k] = double(std::exp((long double)exponent));
  }
  for (int k = 0; k < 5; ++k)
    traces[k].assign(k < 2 ? pre : post, 0);
  tx.assign(pre, 0);
  ty.assign(post, 0);
  xRandom = std::make_unique<TraceRandom>(rule.seed);
  yRandom = std::make_unique<TraceRandom>(rule.seed + 2);
  // ConnVarRandom() keeps numpy's default seed 2 whatever rng_seed is.
  roundingStream = std::make_unique<numpy::PCG64>(2);
  roundingRandom = roundingStream->random();
  return true;
}

void LearningEngine::recordSpikes(uint64_t timeStep,
                                  const std::vector<uint32_t> &preSpikes,
                                  const std::vector<int64_t> &payloads,
                                  const std::vector<uint32_t> &postSpikes) {
  int64_t within = int64_t(timeStep % uint64_t(rule.epoch));
  if (within == 0)
    within = rule.epoch;
  // Pre (_process_pre_spikes): a second spike in the epoch adds the
  // impulse to x2 at once, rounding with random 0; x1 takes the impulse
  // too (mode 0) or the payload / 2, rounded half to even and cast to 8
  // unsigned bits (modes 1-3).
  for (size_t n = 0; n < preSpikes.size(); ++n) {
    uint32_t i = preSpikes[n];
    int64_t payload = payloads.empty() ? 1 : payloads[n];
    if (payload == 0)
      continue; // not a spike (s_in.astype(bool))
    bool multi = tx[i] > 0, stamp = true, second = multi;
    int64_t half = int64_t(std::nearbyint(double(payload) / 2)) & 0xff;
    int64_t &x1 = traces[0][i];
    switch (rule.gradedSpikeCfg) {
    case 0:
      if (multi)
        x1 = addImpulse(x1, 0, impulseInt[0], impulseFrac[0]);
      break;
    case 1:
      x1 = half;
      break;
    case 2:
      x1 = std::min<int64_t>((x1 + half) & 0xff, 127);
      break;
    default: {
      // Only an overflow past 127 counts as a spike: it keeps the rest.
      int64_t sum = (x1 + half) & 0xff;
      bool overflow = sum > 127;
      stamp = overflow;
      second = multi && overflow;
      x1 = overflow ? sum - 127 : sum;
    }
    }
    if (second)
      traces[1][i] = addImpulse(traces[1][i], 0, impulseInt[1],
                                impulseFrac[1]);
    if (stamp)
      tx[i] = within;
  }
  xRandom->advance();
  yRandom->advance();
  for (uint32_t j : postSpikes) {
    if (ty[j] > 0)
      for (int k = 2; k < 5; ++k)
        traces[k][j] = addImpulse(traces[k][j], yRandom->impulse,
                                  impulseInt[k], impulseFrac[k]);
    ty[j] = within;
  }
  xRandom->advance();
  yRandom->advance();
}

void LearningEngine::connect(std::vector<uint32_t> t,
                             std::vector<uint32_t> s) {
  targets = std::move(t);
  sources = std::move(s);
  auto index = [&](const std::vector<uint32_t> &of, size_t n,
                   std::vector<size_t> &start, std::vector<uint32_t> &list) {
    start.assign(n + 1, 0);
    for (uint32_t v : of)
      ++start[v + 1];
    for (size_t i = 0; i < n; ++i)
      start[i + 1] += start[i];
    list.resize(of.size());
    std::vector<size_t> fill(start.begin(), start.end() - 1);
    for (size_t k = 0; k < of.size(); ++k)
      list[fill[of[k]]++] = uint32_t(k);
  };
  index(sources, pre, preStart, byPre);
  index(targets, post, postStart, byPost);
  saturated = false;
}

void LearningEngine::learn(uint64_t timeStep, int64_t *weights,
                           size_t stride) {
  roundingRandom = roundingStream->random();
  size_t epoch = size_t(rule.epoch);
  for (int k = 0; k < 5; ++k) {
    bool isX = k < 2;
    size_t n = isX ? pre : post;
    const TraceRandom &random = isX ? *xRandom : *yRandom;
    const std::vector<int64_t> &spikeTimes = isX ? tx : ty;
    std::vector<int64_t> &h = history[k];
    h.resize((epoch + 1) * n);
    std::copy(traces[k].begin(), traces[k].end(), h.begin());
    for (size_t t = 1; t <= epoch; ++t)
      for (size_t i = 0; i < n; ++i) {
        int64_t value =
            decays[k] ? decayTrace(h[(t - 1) * n + i], decayFactor[k],
                                   random.decay)
                      : 0;
        if (spikeTimes[i] == int64_t(t))
          value = addImpulse(value, random.impulse, impulseInt[k],
                             impulseFrac[k]);
        h[t * n + i] = value;
      }
    std::copy(h.begin() + epoch * n, h.end(), traces[k].begin());
  }
  int64_t u = 0;
  if (series.decimateExponent) {
    uint64_t period = uint64_t(1) << *series.decimateExponent;
    u = (timeStep / uint64_t(rule.epoch)) % period == 0 ? 1 : 0;
  }
  const int64_t accLo = -(int64_t(1) << kAccumulatorBits) - 1,
                accHi = (int64_t(1) << kAccumulatorBits) - 1;
  const int accShift = kAccumulatorBits - kLearnedWeightBits;
  const WeightLimits limits = weightLimits(signMode);
  auto update = [&](size_t s) {
    size_t j = targets[s], i = sources[s];
    int64_t x0 = tx[i] > 0, y0 = ty[j] > 0;
    int64_t &weight = weights[s * stride];
    // A trace as the product's dependency sees it.
    auto traceAt = [&](LearningProduct::Dependency dep, int k) -> int64_t {
      bool isX = k < 2;
      size_t n = isX ? pre : post, at = isX ? i : j;
      size_t t = dep == LearningProduct::Dependency::X0   ? size_t(tx[i])
                 : dep == LearningProduct::Dependency::Y0 ? size_t(ty[j])
                                                          : epoch;
      return history[k][t * n + at];
    };
    int64_t acc = weight * (int64_t(1) << accShift);
    for (const LearningProduct &p : series.products) {
      int64_t dep = p.dependency == LearningProduct::Dependency::X0   ? x0
                    : p.dependency == LearningProduct::Dependency::Y0 ? y0
                                                                      : u;
      // A product whose dependency is 0 adds 0, whatever its factors.
      if (dep == 0)
        continue;
      int32_t current = int32_t(dep);
      int widthSum = 0;
      for (const LearningFactor &f : p.factors) {
        int width = factorWidth(f.var);
        widthSum += width;
        int64_t v = f.var == LearningFactor::Var::X0   ? x0
                    : f.var == LearningFactor::Var::Y0 ? y0
                    : f.var == LearningFactor::Var::W
                        ? weight
                        : traceAt(p.dependency,
                                  int(f.var) - int(LearningFactor::Var::X1));
        int32_t factor;
        if (!f.hasConstant && !f.sign) {
          // An integer: saturated to the factor's width (graded payloads
          // can leave x1 above 127).
          factor = int32_t(std::clamp<int64_t>(v, -(int64_t(1) << width),
                                               (int64_t(1) << width) - 1));
        } else {
          double value = double(v) + f.constant;
          if (f.sign)
            value = value > 0 ? 1 : value < 0 ? -1 : 0;
          factor = clipToInt(value, width);
        }
        current = wrapMul(current, factor);
      }
      widthSum += kScaleMantissaBits;
      current = wrapMul(current, int32_t(p.mantissa));
      current >>= std::max(0, widthSum - kAccumulatorBits);
      current = int32_t(uint32_t(current) << p.exponent);
      acc = std::clamp<int64_t>(
          acc + std::clamp<int64_t>(current, accLo, accHi), accLo, accHi);
    }
    if (signMode == SignMode::Excitatory)
      acc = std::max<int64_t>(0, acc);
    else if (signMode == SignMode::Inhibitory)
      acc = std::min<int64_t>(0, acc);
    // Stochastic rounding to the weight's 8 bits.
    double scaled = double(acc) / double(int64_t(1) << accShift);
    double whole = std::floor(scaled);
    int64_t w = int64_t(whole) + (roundingRandom < scaled - whole ? 1 : 0);
    weight = std::clamp(w, limits.lo, limits.hi);
  };
  // Without a u dependency every product of a synapse whose neurons did not
  // spike is 0, and a weight within its limits rounds back to itself: once
  // a full pass has saturated every weight, only the synapses of neurons
  // that spiked change (each updated once).
  bool anyU = false;
  for (const LearningProduct &p : series.products)
    anyU |= p.dependency == LearningProduct::Dependency::U;
  if (anyU || !saturated) {
    for (size_t s = 0; s < targets.size(); ++s)
      update(s);
    saturated = true;
  } else {
    for (size_t i = 0; i < pre; ++i)
      if (tx[i] > 0)
        for (size_t k = preStart[i]; k < preStart[i + 1]; ++k)
          update(byPre[k]);
    for (size_t j = 0; j < post; ++j)
      if (ty[j] > 0)
        for (size_t k = postStart[j]; k < postStart[j + 1]; ++k)
          if (tx[sources[byPost[k]]] == 0)
            update(byPost[k]);
  }
  std::fill(tx.begin(), tx.end(), 0);
  std::fill(ty.begin(), ty.end(), 0);
}
