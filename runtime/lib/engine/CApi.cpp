//===- CApi.cpp - the C API of the emulator runtime -----------------------===//

#include "snnrt/snnrt.h"
#include "snnrt/Network.h"

#include <cstring>

using namespace snnrt;

struct snnrt_network {
  std::unique_ptr<Network> net;
  std::string error;
  std::vector<double> scratch;
};

namespace {
int failWith(snnrt_network *h, const std::string &message) {
  h->error = message;
  return 1;
}
} // namespace

snnrt_network *snnrt_load(const char *path, char *error, size_t errorSize) {
  std::string message;
  auto net = Network::loadFile(path ? path : "", message);
  if (!net) {
    if (error && errorSize) {
      std::strncpy(error, message.c_str(), errorSize - 1);
      error[errorSize - 1] = '\0';
    }
    return nullptr;
  }
  auto *h = new snnrt_network();
  h->net = std::move(net);
  return h;
}

void snnrt_free(snnrt_network *net) { delete net; }

const char *snnrt_last_error(const snnrt_network *net) {
  return net ? net->error.c_str() : "null network";
}

double snnrt_dt_ms(const snnrt_network *net) { return net->net->dtMs(); }
uint64_t snnrt_current_step(const snnrt_network *net) {
  return net->net->currentStep();
}

size_t snnrt_num_inputs(const snnrt_network *net) {
  return net->net->numInputs();
}
size_t snnrt_input_size(const snnrt_network *net, size_t input) {
  return input < net->net->numInputs() ? net->net->inputInfo(input).size : 0;
}
int snnrt_input_is_spikes(const snnrt_network *net, size_t input) {
  return input < net->net->numInputs() && net->net->inputInfo(input).spiking;
}

int snnrt_set_input_spikes(snnrt_network *net, size_t input,
                           const uint32_t *indices, const uint32_t *payloads,
                           size_t count) {
  std::string error;
  if (!net->net->setInputSpikes(input, indices, payloads, count, error))
    return failWith(net, error);
  return 0;
}

int snnrt_set_input_currents(snnrt_network *net, size_t input,
                             const double *values, size_t count) {
  std::string error;
  if (!net->net->setInputValues(input, values, count, error))
    return failWith(net, error);
  return 0;
}

int snnrt_step(snnrt_network *net) {
  net->net->step();
  return 0;
}

size_t snnrt_num_outputs(const snnrt_network *net) {
  return net->net->numOutputs();
}
size_t snnrt_output_size(const snnrt_network *net, size_t output) {
  return output < net->net->numOutputs() ? net->net->output(output).size : 0;
}
int snnrt_output_is_spikes(const snnrt_network *net, size_t output) {
  return output < net->net->numOutputs() && net->net->output(output).spiking;
}

size_t snnrt_output_spikes(const snnrt_network *net, size_t output,
                           uint32_t *indices, size_t capacity) {
  if (output >= net->net->numOutputs())
    return 0;
  const Stream &s = net->net->output(output);
  for (size_t k = 0; k < s.active.size() && k < capacity; ++k)
    indices[k] = s.active[k];
  return s.active.size();
}

int snnrt_output_values(const snnrt_network *net, size_t output,
                        double *values, size_t count) {
  auto *h = const_cast<snnrt_network *>(net);
  if (output >= net->net->numOutputs())
    return failWith(h, "output " + std::to_string(output) + " does not exist");
  const Stream &s = net->net->output(output);
  if (count != s.size)
    return failWith(h, "output " + std::to_string(output) + " has " +
                           std::to_string(s.size) + " elements, asked for " +
                           std::to_string(count));
  if (!s.spiking) {
    std::copy(s.values.begin(), s.values.end(), values);
    return 0;
  }
  std::fill(values, values + count, 0.0);
  for (size_t k = 0; k < s.active.size(); ++k)
    values[s.active[k]] = s.payload.empty() ? 1.0 : double(s.payload[k]);
  return 0;
}

size_t snnrt_num_probes(const snnrt_network *net) {
  return net->net->probes().size();
}
const char *snnrt_probe_name(const snnrt_network *net, size_t probe) {
  return probe < net->net->probes().size()
             ? net->net->probes()[probe].name.c_str()
             : nullptr;
}
size_t snnrt_probe_size(const snnrt_network *net, size_t probe) {
  return probe < net->net->probes().size() ? net->net->probes()[probe].size : 0;
}
int snnrt_read_probe(const snnrt_network *net, size_t probe, double *values,
                     size_t count) {
  auto *h = const_cast<snnrt_network *>(net);
  if (probe >= net->net->probes().size())
    return failWith(h, "probe " + std::to_string(probe) + " does not exist");
  net->net->readProbe(probe, h->scratch);
  if (count != h->scratch.size())
    return failWith(h, "probe " + std::to_string(probe) + " has " +
                           std::to_string(h->scratch.size()) +
                           " values, asked for " + std::to_string(count));
  std::copy(h->scratch.begin(), h->scratch.end(), values);
  return 0;
}

snnrt_activity snnrt_total_activity(const snnrt_network *net) {
  snnrt_activity total{0, 0, 0};
  for (const auto &node : net->net->nodeInfo()) {
    total.spikes += node.activity.spikes;
    total.synaptic_events += node.activity.synapticEvents;
    total.neuron_updates += node.activity.neuronUpdates;
  }
  return total;
}
