//===- Network.h - the event-driven float reference emulator ----*- C++ -*-===//
//
// Builds an executable network from an snnx image and steps it. Work per step
// is proportional to the spikes times their fan-out plus the neurons updated;
// connections scatter only the non-zero elements of their input. Plain C++;
// never includes MLIR.
//
//===----------------------------------------------------------------------===//

#ifndef SNNRT_NETWORK_H
#define SNNRT_NETWORK_H

#include "snnrt/Image.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace snnrt {

/// The value of one stream for the current step. Spike streams list their
/// active elements (and payloads when graded); current streams are dense.
struct Stream {
  bool spiking = false;
  uint32_t payloadBits = 0;
  /// Payloads are signed (two's complement in 32 bits): TernaryLIF's +1/-1.
  bool signedPayload = false;
  std::vector<int64_t> shape;
  size_t size = 0;
  std::vector<uint32_t> active;
  std::vector<uint32_t> payload;
  std::vector<double> values;

  void clear();
  /// Calls fn(index, value) for every non-zero element.
  template <typename Fn> void forEachNonZero(Fn &&fn) const {
    if (spiking) {
      for (size_t k = 0; k < active.size(); ++k)
        fn(active[k], payload.empty() ? 1.0 : double(payload[k]));
      return;
    }
    for (size_t i = 0; i < size; ++i)
      if (values[i] != 0.0)
        fn(uint32_t(i), values[i]);
  }
};

/// Counters that feed power estimates and the activity report.
struct Activity {
  uint64_t spikes = 0;          ///< spikes emitted (neurons and inputs)
  uint64_t synapticEvents = 0;  ///< synaptic operations performed
  uint64_t neuronUpdates = 0;   ///< neuron state updates
};

class Node;

class Network {
public:
  ~Network();

  /// Builds the network; returns null and sets `error` on a malformed image.
  static std::unique_ptr<Network> load(const std::vector<Record> &records,
                                       std::string &error);
  /// Loads an snnx image or a chip's artifact, by the kind the file
  /// declares (its magic bytes or its JSON "format"), not by its name.
  static std::unique_ptr<Network> loadFile(const std::string &path,
                                           std::string &error);
  /// Reads the records `loadFile` builds from, without building. Every
  /// `load` of the same records gives a network in its initial state, so a
  /// batch reads its model once and loads it again for each sample.
  static bool readFile(const std::string &path, std::vector<Record> &records,
                       std::string &error);

  double dtMs() const { return dt; }
  const std::string &name() const { return networkName; }
  uint64_t currentStep() const { return stepCount; }

  size_t numInputs() const { return inputNodes.size(); }
  const Stream &inputInfo(size_t i) const;
  /// Spikes for input `i` at the next step (cleared after each step).
  bool setInputSpikes(size_t i, const uint32_t *indices,
                      const uint32_t *payloads, size_t n, std::string &error);
  /// Currents for input `i` at the next step (held until set again).
  bool setInputValues(size_t i, const double *values, size_t n,
                      std::string &error);

  void step();

  /// Runs each step on `threads` threads (1 by default): populations and
  /// procedural connections split their work, results stay the same bit for
  /// bit. Fails for 0 or more than 256.
  bool setThreads(size_t threads, std::string &error);
  size_t threads() const { return numThreads; }

  size_t numOutputs() const { return outputNodes.size(); }
  const Stream &output(size_t i) const;

  struct Probe {
    std::string name;
    size_t node;
    std::string state; ///< empty: the stream itself
    size_t size;
  };
  const std::vector<Probe> &probes() const { return probeList; }
  /// Adds a probe of the node named `nodeName` (its stream, or its state
  /// `state` when not empty), recorded like the image's own. Fails, with
  /// `error`, when no node has that name, the node has no such state, or it
  /// is a connection whose output goes straight into its population.
  bool addProbe(const std::string &nodeName, const std::string &state,
                std::string &error);
  /// Reads probe `i` for the current step into `out` (one value per element;
  /// spike streams read as 0/1 or the payload).
  void readProbe(size_t i, std::vector<double> &out) const;

  struct NodeInfo {
    std::string name;
    std::string kind;
    size_t size;
    bool population;
    bool spiking;
    Activity activity;
  };
  std::vector<NodeInfo> nodeInfo() const;

  /// Bytes held for synapses (weights, indices, kernels); procedural synapses
  /// hold none.
  uint64_t synapseBytes() const;
  /// Stored synapses (explicit and expanded), and procedural ones (expected).
  uint64_t storedSynapses() const;

private:
  Network() = default;
  void fuseConnections();
  void stepNodes(size_t thread);
  void workerLoop(size_t thread);
  void stopWorkers();

  struct Pool;
  std::unique_ptr<Pool> pool;
  size_t numThreads = 1;
  double dt = 0;
  std::string networkName;
  uint64_t stepCount = 0;
  std::vector<std::unique_ptr<Node>> nodes;
  std::vector<size_t> inputNodes, outputNodes;
  std::vector<Probe> probeList;
};

} // namespace snnrt

#endif // SNNRT_NETWORK_H
