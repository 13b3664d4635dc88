/*===- snnrt.h - C API of the snnc emulator runtime ------------------------===*
 *
 * Load an snnx image, feed inputs, step, read outputs, probes and activity.
 * Every function that can fail returns 0 on success and non-zero on failure,
 * with the message available from snnrt_last_error.
 *
 *===----------------------------------------------------------------------===*/

#ifndef SNNRT_SNNRT_H
#define SNNRT_SNNRT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct snnrt_network snnrt_network;

/* Loads an image; on failure returns NULL and, if `error` is not NULL,
 * copies the message into it (truncated to `error_size`). */
snnrt_network *snnrt_load(const char *path, char *error, size_t error_size);
void snnrt_free(snnrt_network *net);
const char *snnrt_last_error(const snnrt_network *net);

double snnrt_dt_ms(const snnrt_network *net);
uint64_t snnrt_current_step(const snnrt_network *net);

size_t snnrt_num_inputs(const snnrt_network *net);
size_t snnrt_input_size(const snnrt_network *net, size_t input);
/* 1 if the input takes spikes, 0 if it takes currents. */
int snnrt_input_is_spikes(const snnrt_network *net, size_t input);
/* Spikes for the next step (payloads may be NULL: 1 each). */
int snnrt_set_input_spikes(snnrt_network *net, size_t input,
                           const uint32_t *indices, const uint32_t *payloads,
                           size_t count);
/* Currents, held until set again. `count` must equal the input's size. */
int snnrt_set_input_currents(snnrt_network *net, size_t input,
                             const double *values, size_t count);

int snnrt_step(snnrt_network *net);

size_t snnrt_num_outputs(const snnrt_network *net);
size_t snnrt_output_size(const snnrt_network *net, size_t output);
int snnrt_output_is_spikes(const snnrt_network *net, size_t output);
/* Active elements of a spike output this step; returns their number and
 * writes at most `capacity` of them. */
size_t snnrt_output_spikes(const snnrt_network *net, size_t output,
                           uint32_t *indices, size_t capacity);
/* Dense values of an output (0/1 or payload for spikes). */
int snnrt_output_values(const snnrt_network *net, size_t output,
                        double *values, size_t count);

size_t snnrt_num_probes(const snnrt_network *net);
const char *snnrt_probe_name(const snnrt_network *net, size_t probe);
size_t snnrt_probe_size(const snnrt_network *net, size_t probe);
int snnrt_read_probe(const snnrt_network *net, size_t probe, double *values,
                     size_t count);

typedef struct snnrt_activity {
  uint64_t spikes;
  uint64_t synaptic_events;
  uint64_t neuron_updates;
} snnrt_activity;
/* Totals over every node since loading. */
snnrt_activity snnrt_total_activity(const snnrt_network *net);

#ifdef __cplusplus
}
#endif

#endif /* SNNRT_SNNRT_H */
