//===- Nodes.h - the executable nodes of the emulator -----------*- C++ -*-===//

#ifndef SNNRT_NODES_H
#define SNNRT_NODES_H

#include "engine/Registry.h"
#include "snnrt/Network.h"

namespace snnrt {

/// A parameter with one value per element or a single value for all. Reads
/// need no branch (`values[i & mask]`), and a shared value stays one double
/// instead of an array the size of the population.
class Param {
public:
  double operator[](size_t i) const { return values[i & mask]; }
  void assign(std::vector<double> v) {
    mask = v.size() == 1 ? 0 : ~size_t(0);
    values = std::move(v);
  }
  /// A copy of the addressing for hot loops: a local the compiler can keep
  /// in registers, where the member could alias the arrays being written.
  struct View {
    const double *values;
    size_t mask;
    double operator[](size_t i) const { return values[i & mask]; }
  };
  View view() const { return {values.data(), mask}; }
  /// True when one value serves every element.
  bool uniform() const { return mask == 0; }

  /// One value per element of `n`.
  std::vector<double> expand(size_t n) const {
    std::vector<double> out(n);
    for (size_t i = 0; i < n; ++i)
      out[i] = (*this)[i];
    return out;
  }

private:
  std::vector<double> values{0.0};
  size_t mask = 0;
};

/// Reads typed fields of one node record with diagnostics naming the node.
class FieldReader {
public:
  FieldReader(const Record &record, std::string nodeName, std::string &error,
              const std::vector<const Field *> *tensors = nullptr)
      : record(record), nodeName(std::move(nodeName)), error(error),
        tensors(tensors) {}

  /// True if the field is present, inline or as a reference (`<name>.ref`)
  /// to a shared `tensor` record.
  bool has(const std::string &field) const {
    return record.find(field) || record.find(field + ".ref");
  }
  /// A scalar or per-element array broadcast to `n` values.
  bool f64s(const std::string &field, size_t n, std::vector<double> &out);
  /// The same with a default when the field is absent.
  bool f64sOr(const std::string &field, size_t n, double fallback,
              std::vector<double> &out);
  /// A scalar or per-element parameter, kept unbroadcast.
  bool param(const std::string &field, size_t n, Param &out);
  bool paramOr(const std::string &field, size_t n, double fallback,
               Param &out);
  bool f32s(const std::string &field, size_t count, std::vector<float> &out);
  bool i64s(const std::string &field, std::vector<int64_t> &out);
  bool i64(const std::string &field, int64_t &out);
  bool f64(const std::string &field, double &out);
  /// A text field, empty when absent.
  std::string str(const std::string &field) const {
    const Field *f = record.find(field);
    return f ? f->str() : std::string();
  }
  bool fail(const std::string &message);
  const std::string &name() const { return nodeName; }

private:
  const Field *require(const std::string &field);
  const Record &record;
  std::string nodeName;
  std::string &error;
  const std::vector<const Field *> *tensors;
};

/// Everything a node needs to reach the streams of other nodes.
struct Context {
  std::vector<std::unique_ptr<Node>> *nodes;
  double dt;
};

class Node {
public:
  virtual ~Node();
  /// Reads the node's own fields; inputs and output stream are set already.
  virtual bool init(FieldReader &reader, Context &ctx) = 0;
  /// Computes `out` for this step from the inputs.
  virtual void step(Context &ctx) = 0;
  /// True if step() can be split: every thread t of T calls stepRange(t,
  /// T), then one calls finishRange(T). step() must equal that with T = 1.
  virtual bool parallel() const { return false; }
  virtual void stepRange(Context &ctx, size_t thread, size_t threads) {}
  /// Sizes per-thread buffers; called before any step with `threads`.
  virtual void prepareThreads(size_t threads) {}
  virtual void finishRange(Context &ctx, size_t threads) {}
  /// False when finishRange only updates counters, so that the next node
  /// need not wait for it.
  virtual bool finishPublishes() const { return true; }
  /// Runs after every node stepped (delay buffers, plasticity).
  virtual void endStep(Context &ctx) {}
  virtual bool isPopulation() const { return false; }
  /// State variable `name` into `out`, false if the node has none such.
  virtual bool readState(const std::string &name,
                         std::vector<double> &out) const {
    return false;
  }
  /// Where input `k` may be accumulated directly, or null. A population
  /// returns the buffer it sums its inputs into.
  virtual double *inputBuffer(size_t k) { return nullptr; }
  /// True for connections that can deliver straight into one consumer's
  /// input buffer instead of materializing their output stream.
  virtual bool canFuse() const { return false; }
  virtual uint64_t synapseBytes() const { return 0; }
  virtual uint64_t storedSynapses() const { return 0; }

  const Stream &input(Context &ctx, size_t k) const;

  std::string name, kind;
  /// Position in the evaluation order.
  size_t index = 0;
  std::vector<size_t> inputs;
  /// How each input is read: kSameStep, kPreviousStep or kEndOfStep.
  std::vector<uint8_t> mode;
  /// Inputs whose producer delivers into inputBuffer(k) directly.
  std::vector<bool> fused;
  /// For a fused connection: the consumer's buffer it adds into.
  double *fusedTarget = nullptr;
  Stream out, previous;
  bool keepPrevious = false;
  Activity activity;
};

/// A network input: its stream is written through the API.
class InputNode : public Node {
public:
  bool init(FieldReader &, Context &) override { return true; }
  void step(Context &) override {}
};

} // namespace snnrt

#endif // SNNRT_NODES_H
