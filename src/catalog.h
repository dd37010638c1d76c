/* catalog.h — built-in accelerators, instances and models, each figure with
 * its source in src/catalog/; extended at run time by [gpu.ID] / [model.ID]
 * sections (config/usercat.c) through catalog_add_*.
 */
#ifndef INFERTUI_CATALOG_H
#define INFERTUI_CATALOG_H

#include <stddef.h>
#include "scenario.h"

size_t catalog_model_count(void);
const model_spec *catalog_model_at(size_t i);
const model_spec *catalog_model(const char *id);        /* NULL if unknown */

size_t catalog_gpu_count(void);
const gpu_spec *catalog_gpu_at(size_t i);
const gpu_spec *catalog_gpu(const char *id);

size_t catalog_instance_count(void);
const instance_spec *catalog_instance_at(size_t i);
const instance_spec *catalog_instance(const char *id);
/* Price of an instance in a region: the region's own price if known,
 * else the default price; *known tells which. */
double catalog_instance_price(const instance_spec *in, const char *region, int *known);

/* Device memory as infertui writes it everywhere: GB of 10^9 bytes, with
 * the GiB figure beside it when the size is a whole number of GiB (HBM
 * parts are sold by GiB: an "80GB" H100 is "85.9 GB (80 GiB)"; a 24 GB
 * GDDR part is "24 GB").  Returns b. */
char *catalog_fmt_memory(char *b, size_t n, double bytes);

/* Electricity price ($/kWh) of a named region (hk, sg, syd, us-east and
 * their AWS names), 0 when unknown; sources in src/catalog/regions.c. */
double catalog_region_usd_per_kwh(const char *region);

/* The H100 fit's size terms carried to a device that has no measurement of
 * its own (built-in entries marked "assumed", and user [gpu.ID] entries that
 * give none): the same fixed time per layer (39.6 us), and MFU half of mfu
 * at 286 hidden columns per device.  See infertui-model(7), "Calibration". */
double catalog_assumed_mbu_half_bytes(double bandwidth, double mbu);
double catalog_assumed_mfu_half_hidden(void);

/* Add or replace a user entry (same id replaces).  0, or -1 when full. */
#define CATALOG_USER_MAX 32     /* user models, and user accelerators, each */
int catalog_add_model(const model_spec *m);
int catalog_add_gpu(const gpu_spec *g);
/* Forget user entries (tests, preset switching). */
void catalog_reset_user(void);

#endif
