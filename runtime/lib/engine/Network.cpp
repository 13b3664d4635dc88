//===- Network.cpp - loading and stepping the emulator --------------------===//

#include "engine/Nodes.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace snnrt;

void Stream::clear() {
  active.clear();
  payload.clear();
  if (!spiking)
    std::fill(values.begin(), values.end(), 0.0);
}

Node::~Node() = default;

const Stream &Node::input(Context &ctx, size_t k) const {
  Node &source = *(*ctx.nodes)[inputs[k]];
  return mode[k] == kPreviousStep ? source.previous : source.out;
}

//===----------------------------------------------------------------------===//
// FieldReader
//===----------------------------------------------------------------------===//

bool FieldReader::fail(const std::string &message) {
  error = "node '" + nodeName + "': " + message;
  return false;
}

const Field *FieldReader::require(const std::string &field) {
  if (const Field *f = record.find(field))
    return f;
  if (const Field *ref = record.find(field + ".ref")) {
    int64_t index = ref->count == 1 ? ref->at<int64_t>(0) : -1;
    if (!tensors || index < 0 || size_t(index) >= tensors->size()) {
      fail("field '" + field + ".ref' refers to tensor " +
           std::to_string(index) + ", which does not exist");
      return nullptr;
    }
    return (*tensors)[size_t(index)];
  }
  fail("missing field '" + field + "'");
  return nullptr;
}

bool FieldReader::f64s(const std::string &field, size_t n,
                       std::vector<double> &out) {
  Param p;
  if (!param(field, n, p))
    return false;
  out = p.expand(n);
  return true;
}

bool FieldReader::f64sOr(const std::string &field, size_t n, double fallback,
                         std::vector<double> &out) {
  if (!record.find(field)) {
    out.assign(n, fallback);
    return true;
  }
  return f64s(field, n, out);
}

bool FieldReader::param(const std::string &field, size_t n, Param &out) {
  const Field *f = require(field);
  if (!f)
    return false;
  if (f->count != 1 && f->count != n)
    return fail("field '" + field + "' has " + std::to_string(f->count) +
                " values, expected 1 or " + std::to_string(n));
  std::vector<double> values(f->count);
  for (size_t i = 0; i < f->count; ++i)
    values[i] = f->at<double>(i);
  out.assign(std::move(values));
  return true;
}

bool FieldReader::paramOr(const std::string &field, size_t n, double fallback,
                          Param &out) {
  if (!record.find(field)) {
    out.assign({fallback});
    return true;
  }
  return param(field, n, out);
}

bool FieldReader::f32s(const std::string &field, size_t count,
                       std::vector<float> &out) {
  const Field *f = require(field);
  if (!f)
    return false;
  if (f->count != count)
    return fail("field '" + field + "' has " + std::to_string(f->count) +
                " values, expected " + std::to_string(count));
  out.resize(count);
  for (size_t i = 0; i < count; ++i)
    out[i] = f->at<float>(i);
  return true;
}

bool FieldReader::i64s(const std::string &field, std::vector<int64_t> &out) {
  const Field *f = require(field);
  if (!f)
    return false;
  out.resize(f->count);
  for (size_t i = 0; i < f->count; ++i)
    out[i] = f->at<int64_t>(i);
  return true;
}

bool FieldReader::i64(const std::string &field, int64_t &out) {
  std::vector<int64_t> values;
  if (!i64s(field, values))
    return false;
  if (values.size() != 1)
    return fail("field '" + field + "' must hold one value");
  out = values[0];
  return true;
}

bool FieldReader::f64(const std::string &field, double &out) {
  std::vector<double> values;
  if (!f64s(field, 1, values))
    return false;
  out = values[0];
  return true;
}

//===----------------------------------------------------------------------===//
// Network
//===----------------------------------------------------------------------===//

/// A barrier for a handful of threads that step in lockstep: spins briefly,
/// then yields, so that more threads than cores still make progress.
class SpinBarrier {
public:
  /// With no more threads than cores a waiting thread spins long (a yield
  /// costs a system call per barrier); with more it yields soon.
  explicit SpinBarrier(size_t count)
      : count(count),
        spinLimit(count <= std::max(1u, std::thread::hardware_concurrency())
                      ? 200000
                      : 200),
        waiting(0), phase(0) {}
  void wait() {
    unsigned myPhase = phase.load(std::memory_order_acquire);
    if (waiting.fetch_add(1, std::memory_order_acq_rel) + 1 == count) {
      waiting.store(0, std::memory_order_relaxed);
      phase.fetch_add(1, std::memory_order_acq_rel);
      return;
    }
    for (unsigned spins = 0;
         phase.load(std::memory_order_acquire) == myPhase; ++spins)
      if (spins > spinLimit)
        std::this_thread::yield();
  }

private:
  const size_t count;
  const unsigned spinLimit;
  std::atomic<size_t> waiting;
  std::atomic<unsigned> phase;
};

/// Workers wait for a step by spinning on its number for a while, then
/// sleep on a condition variable: quick between steps run back to back, and
/// idle when the caller does other work between steps.
struct Network::Pool {
  explicit Pool(size_t threads) : barrier(threads) {}
  SpinBarrier barrier;
  std::vector<std::thread> workers;
  std::atomic<bool> stop{false};
  std::atomic<uint64_t> generation{0};
  std::atomic<int> sleepers{0};
  std::mutex mutex;
  std::condition_variable wake;

  void startStep() {
    generation.fetch_add(1);
    if (sleepers.load() > 0) {
      std::lock_guard<std::mutex> lock(mutex);
      wake.notify_all();
    }
  }

  /// Returns the next step's number once it is started.
  uint64_t awaitStep(uint64_t seen) {
    for (unsigned spins = 0; spins < 100000; ++spins)
      if (generation.load() != seen)
        return generation.load();
    std::unique_lock<std::mutex> lock(mutex);
    sleepers.fetch_add(1);
    wake.wait(lock, [&] { return generation.load() != seen; });
    sleepers.fetch_sub(1);
    return generation.load();
  }
};

Network::~Network() { stopWorkers(); }

void Network::stopWorkers() {
  if (!pool)
    return;
  pool->stop.store(true);
  pool->startStep(); // releases the workers waiting for a step
  for (std::thread &w : pool->workers)
    w.join();
  pool.reset();
}

bool Network::setThreads(size_t threads, std::string &error) {
  if (threads == 0 || threads > 256) {
    error = "the thread count must be in [1, 256], got " +
            std::to_string(threads);
    return false;
  }
  stopWorkers();
  numThreads = threads;
  for (auto &node : nodes)
    node->prepareThreads(threads);
  if (threads == 1)
    return true;
  pool = std::make_unique<Pool>(threads);
  for (size_t t = 1; t < threads; ++t)
    pool->workers.emplace_back([this, t] { workerLoop(t); });
  return true;
}

void Network::workerLoop(size_t thread) {
  uint64_t seen = 0;
  for (;;) {
    seen = pool->awaitStep(seen); // a step begins (or the pool stops)
    if (pool->stop.load())
      return;
    stepNodes(thread);
  }
}

/// Every thread walks the nodes in order; a parallel node is split and then
/// finished by thread 0, any other node runs on thread 0. Only the threads
/// other than 0 need to wait, and only before a parallel node, so that it
/// sees its inputs complete: a run of other nodes (a TrueNorth program's
/// thousands of cores) costs no barrier per node.
void Network::stepNodes(size_t thread) {
  Context ctx{&nodes, dt};
  for (size_t i = 0; i < nodes.size(); ++i) {
    Node &node = *nodes[i];
    if (node.parallel()) {
      node.stepRange(ctx, thread, numThreads);
      pool->barrier.wait();
      if (thread == 0)
        node.finishRange(ctx, numThreads);
      if (!node.finishPublishes())
        continue;
    } else if (thread == 0) {
      node.step(ctx);
    }
    if (i + 1 < nodes.size() && nodes[i + 1]->parallel())
      pool->barrier.wait();
  }
}

bool Network::readFile(const std::string &path, std::vector<Record> &records,
                       std::string &error) {
  return readArtifact(path, records, error);
}

std::unique_ptr<Network> Network::loadFile(const std::string &path,
                                           std::string &error) {
  std::vector<Record> records;
  if (!readFile(path, records, error))
    return nullptr;
  auto network = load(records, error);
  if (!network)
    error = path + ": " + error;
  return network;
}

namespace {
std::string fieldString(const Record &record, const std::string &name) {
  const Field *f = record.find(name);
  return f ? f->str() : std::string();
}
} // namespace

std::unique_ptr<Network> Network::load(const std::vector<Record> &records,
                                       std::string &error) {
  if (records.empty() || fieldString(records[0], "kind") != "network") {
    error = "the first record must describe the network";
    return nullptr;
  }
  std::unique_ptr<Network> net(new Network());
  FieldReader header(records[0], "network", error);
  net->networkName = fieldString(records[0], "name");
  if (!header.f64("dt", net->dt))
    return nullptr;
  if (!(net->dt > 0)) {
    error = "network dt must be > 0 ms, got " + std::to_string(net->dt);
    return nullptr;
  }
  std::vector<int64_t> outputs;
  if (!header.i64s("outputs", outputs))
    return nullptr;

  Context ctx{&net->nodes, net->dt};
  // Tensors shared by several nodes (written once by the compiler).
  std::vector<const Field *> tensors;
  for (size_t r = 1; r < records.size(); ++r)
    if (fieldString(records[r], "kind") == "tensor") {
      const Field *data = records[r].find("data");
      if (!data) {
        error = "tensor record " + std::to_string(tensors.size()) +
                " has no field 'data'";
        return nullptr;
      }
      tensors.push_back(data);
    }
  for (size_t r = 1; r < records.size(); ++r) {
    const Record &record = records[r];
    std::string kind = fieldString(record, "kind");
    if (kind == "tensor")
      continue;
    if (kind == "probe") {
      FieldReader reader(record, "probe " + fieldString(record, "name"), error);
      int64_t source;
      if (!reader.i64("source", source))
        return nullptr;
      if (source < 0 || size_t(source) >= net->nodes.size())
        return reader.fail("source " + std::to_string(source) +
                           " is not a node"),
               nullptr;
      // A probed state is checked and sized once the nodes are set up.
      net->probeList.push_back({fieldString(record, "name"), size_t(source),
                                fieldString(record, "state"),
                                net->nodes[source]->out.size});
      continue;
    }
    std::string name = fieldString(record, "name");
    FieldReader reader(record, name, error);
    NodeFactory factory = findNodeFactory(kind);
    if (!factory)
      return reader.fail("unknown node kind '" + kind + "'"), nullptr;
    std::unique_ptr<Node> node = factory();
    node->name = name;
    node->kind = kind;
    size_t self = net->nodes.size();
    node->index = self;

    std::vector<int64_t> inputs, delayed, shape;
    if (!reader.i64s("inputs", inputs) || !reader.i64s("delayed", delayed) ||
        !reader.i64s("shape", shape))
      return nullptr;
    if (delayed.size() != inputs.size())
      return reader.fail("'delayed' and 'inputs' differ in length"), nullptr;
    for (size_t k = 0; k < inputs.size(); ++k) {
      if (delayed[k] < 0 || delayed[k] > kEndOfStep)
        return reader.fail("input " + std::to_string(k) + " has mode " +
                           std::to_string(delayed[k])),
               nullptr;
      bool sameStep = delayed[k] == kSameStep;
      int64_t in = inputs[k];
      // Same-step inputs come earlier in the evaluation order; the others
      // may close a cycle and only need to exist at the end of loading.
      if (in < 0 || (sameStep && size_t(in) >= self) ||
          (!sameStep && size_t(in) >= records.size()))
        return reader.fail("input " + std::to_string(k) + " refers to node " +
                           std::to_string(in) +
                           ", which is not evaluated before it"),
               nullptr;
      node->inputs.push_back(size_t(in));
      node->mode.push_back(uint8_t(delayed[k]));
    }
    size_t size = 1;
    for (int64_t d : shape) {
      if (d <= 0)
        return reader.fail("shape dimensions must be positive"), nullptr;
      size *= size_t(d);
    }
    node->out.spiking = fieldString(record, "stream") == "spikes";
    node->out.shape = shape;
    node->out.size = size;
    int64_t bits = 0;
    if (reader.has("payload_bits") && !reader.i64("payload_bits", bits))
      return nullptr;
    node->out.payloadBits = uint32_t(bits);
    if (!node->out.spiking)
      node->out.values.assign(size, 0.0);
    node->previous = node->out;
    net->nodes.push_back(std::move(node));
    if (kind == "input")
      net->inputNodes.push_back(self);
  }
  // Delayed edges are checked once every node exists; then each node reads
  // its own fields (some look at their inputs' streams).
  size_t nodeIndex = 0;
  for (size_t r = 1; r < records.size(); ++r) {
    std::string kind = fieldString(records[r], "kind");
    if (kind == "probe" || kind == "tensor")
      continue;
    Node &node = *net->nodes[nodeIndex++];
    FieldReader reader(records[r], node.name, error, &tensors);
    for (size_t k = 0; k < node.inputs.size(); ++k)
      if (node.inputs[k] >= net->nodes.size())
        return reader.fail("delayed input " + std::to_string(k) +
                           " refers to a missing node"),
               nullptr;
    node.fused.assign(node.inputs.size(), false);
    if (!node.init(reader, ctx))
      return nullptr;
  }
  for (Probe &probe : net->probeList) {
    if (probe.state.empty())
      continue;
    // A state may be larger than the output (a connection's weights).
    std::vector<double> scratch;
    const Node &node = *net->nodes[probe.node];
    if (!node.readState(probe.state, scratch)) {
      error = "node 'probe " + probe.name + "': node '" + node.name +
              "' has no state '" + probe.state + "'";
      return nullptr;
    }
    probe.size = scratch.size();
  }
  for (int64_t o : outputs) {
    if (o < 0 || size_t(o) >= net->nodes.size()) {
      error = "network output refers to node " + std::to_string(o) +
              ", which does not exist";
      return nullptr;
    }
    net->outputNodes.push_back(size_t(o));
  }
  net->fuseConnections();
  return net;
}

void Network::fuseConnections() {
  // A connection read by exactly one population input (and by no output or
  // probe) adds straight into that population's input buffer: no dense
  // output stream to clear and scan every step. A same-step input always
  // allows it; a previous-step input only when the connection runs after
  // the population, so that what it adds in step t is consumed in t + 1.
  std::vector<std::vector<std::pair<size_t, size_t>>> readers(nodes.size());
  std::vector<bool> pinned(nodes.size(), false);
  for (size_t c = 0; c < nodes.size(); ++c)
    for (size_t k = 0; k < nodes[c]->inputs.size(); ++k)
      readers[nodes[c]->inputs[k]].push_back({c, k});
  for (size_t o : outputNodes)
    pinned[o] = true;
  for (const Probe &probe : probeList)
    pinned[probe.node] = true;
  for (size_t p = 0; p < nodes.size(); ++p) {
    Node &producer = *nodes[p];
    if (!producer.canFuse() || pinned[p] || readers[p].size() != 1)
      continue;
    auto [c, k] = readers[p][0];
    Node &consumer = *nodes[c];
    double *buffer = consumer.inputBuffer(k);
    uint8_t mode = consumer.mode[k];
    bool ordered = mode == kSameStep || (mode == kPreviousStep && p > c);
    if (!buffer || !ordered)
      continue;
    producer.fusedTarget = buffer;
    consumer.fused[k] = true;
  }
  for (auto &node : nodes)
    for (size_t k = 0; k < node->inputs.size(); ++k)
      if (node->mode[k] == kPreviousStep && !node->fused[k])
        nodes[node->inputs[k]]->keepPrevious = true;
}

const Stream &Network::inputInfo(size_t i) const {
  return nodes[inputNodes[i]]->out;
}

bool Network::setInputSpikes(size_t i, const uint32_t *indices,
                             const uint32_t *payloads, size_t n,
                             std::string &error) {
  if (i >= inputNodes.size()) {
    error = "input " + std::to_string(i) + " does not exist";
    return false;
  }
  Stream &s = nodes[inputNodes[i]]->out;
  if (!s.spiking) {
    error = "input " + std::to_string(i) + " takes currents, not spikes";
    return false;
  }
  s.active.clear();
  s.payload.clear();
  for (size_t k = 0; k < n; ++k) {
    if (indices[k] >= s.size) {
      error = "spike on element " + std::to_string(indices[k]) +
              " of input " + std::to_string(i) + ", which has " +
              std::to_string(s.size) + " elements";
      return false;
    }
    s.active.push_back(indices[k]);
    if (s.payloadBits)
      s.payload.push_back(payloads ? payloads[k] : 1u);
  }
  return true;
}

bool Network::setInputValues(size_t i, const double *values, size_t n,
                             std::string &error) {
  if (i >= inputNodes.size()) {
    error = "input " + std::to_string(i) + " does not exist";
    return false;
  }
  Stream &s = nodes[inputNodes[i]]->out;
  if (s.spiking) {
    error = "input " + std::to_string(i) + " takes spikes, not currents";
    return false;
  }
  if (n != s.size) {
    error = "input " + std::to_string(i) + " has " + std::to_string(s.size) +
            " elements, got " + std::to_string(n) + " values";
    return false;
  }
  s.values.assign(values, values + n);
  return true;
}

void Network::step() {
  Context ctx{&nodes, dt};
  if (numThreads == 1) {
    for (auto &node : nodes)
      node->step(ctx);
  } else {
    pool->startStep();
    stepNodes(0);
  }
  for (auto &node : nodes)
    node->endStep(ctx);
  // Every node rewrites all of `out` in its next step, so the previous
  // value is kept by a swap rather than a copy.
  for (auto &node : nodes)
    if (node->keepPrevious)
      std::swap(node->previous, node->out);
  for (size_t i : inputNodes) {
    Stream &s = nodes[i]->out;
    nodes[i]->activity.spikes += s.active.size();
    if (s.spiking) {
      s.active.clear();
      s.payload.clear();
    }
  }
  ++stepCount;
}

const Stream &Network::output(size_t i) const {
  return nodes[outputNodes[i]]->out;
}

bool Network::addProbe(const std::string &nodeName, const std::string &state,
                       std::string &error) {
  size_t found = nodes.size();
  for (size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i]->name == nodeName)
      found = i;
  if (found == nodes.size()) {
    std::string known;
    size_t listed = 0;
    for (const auto &node : nodes)
      if (!node->name.empty() && node->kind != "input" && listed++ < 12)
        known += (known.empty() ? "" : ", ") + node->name;
    error = "no node is named '" + nodeName + "' (nodes: " + known +
            (listed > 12 ? ", ..." : "") + ")";
    return false;
  }
  const Node &node = *nodes[found];
  Probe probe{state.empty() ? nodeName : nodeName + "." + state, found, state,
              node.out.size};
  if (!state.empty()) {
    std::vector<double> scratch;
    if (!node.readState(state, scratch)) {
      error = "node '" + nodeName + "' (" + node.kind + ") has no state '" +
              state + "'";
      return false;
    }
    probe.size = scratch.size();
  } else if (node.fusedTarget) {
    error = "node '" + nodeName + "' (" + node.kind +
            ") adds straight into the population it feeds and keeps no "
            "stream of its own; record that population";
    return false;
  }
  probeList.push_back(std::move(probe));
  return true;
}

void Network::readProbe(size_t i, std::vector<double> &out) const {
  const Probe &probe = probeList[i];
  const Node &node = *nodes[probe.node];
  if (!probe.state.empty()) {
    node.readState(probe.state, out);
    return;
  }
  const Stream &s = node.out;
  if (!s.spiking) {
    out = s.values;
    return;
  }
  out.assign(s.size, 0.0);
  for (size_t k = 0; k < s.active.size(); ++k)
    out[s.active[k]] = s.payload.empty() ? 1.0 : double(s.payload[k]);
}

std::vector<Network::NodeInfo> Network::nodeInfo() const {
  std::vector<NodeInfo> info;
  for (const auto &node : nodes)
    info.push_back({node->name, node->kind, node->out.size,
                    node->isPopulation(), node->out.spiking, node->activity});
  return info;
}

uint64_t Network::synapseBytes() const {
  uint64_t total = 0;
  for (const auto &node : nodes)
    total += node->synapseBytes();
  return total;
}

uint64_t Network::storedSynapses() const {
  uint64_t total = 0;
  for (const auto &node : nodes)
    total += node->storedSynapses();
  return total;
}
