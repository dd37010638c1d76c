/* catalog_impl.h — what the catalog's data files (gpus.c, instances.c,
 * models.c) share with its look-up (lookup.c): the row table, units and the
 * H100 fit's efficiency figures.  Private to src/catalog/.
 *
 *
 * Every figure carries its source and date in a comment; the `source`
 * strings carry the short form shown to users.  Labels used below:
 *   [P]  primary source (vendor datasheet or docs, official config.json,
 *        cloud price API scrape),
 *   [S]  secondary page or mirror,
 *   [D]  derived here from other figures (the derivation is shown),
 *   [?]  uncertain: not read from a source this session, or sources conflict;
 *        the entry's `source` string then says "uncertain".
 * Most figures come from ../shared/design/reference-figures.md ("ref" below),
 * which cites its own sources; look-ups made for this file are cited inline.
 *
 * Units are SI: bytes, bytes/s, FLOP/s, seconds, US dollars per hour.
 *
 * Conventions
 * - Compute: DENSE peak per precision, never the 2:4-sparsity figure.  fp32 is
 *   the plain (non-tensor, non-TF32) rate.  0 = no such tensor path (or no
 *   figure published: the comment says which).  int4 is filled only where a
 *   real int4 tensor path exists (A100); int4 is not offered as a compute
 *   precision anyway.
 * - Memory: vendors' "NN GB" of HBM/GDDR are binary (stacks of 16/24 GiB), so
 *   NN GiB is stored; runtimes see 1-6% less (ECC, driver reserve), which the
 *   memory-utilisation fraction and overhead_bytes absorb.  Visible figures
 *   are noted where known.
 * - link_bw: interconnect bandwidth per device, ONE direction.  NVIDIA and AMD
 *   quote bidirectional aggregates (H100 "900 GB/s" = 450 GB/s each way).
 * - alpha_s: latency of one small all-reduce.  No per-chip measurement was
 *   found for most parts; assumed values are said so.  NCCL's own cost model
 *   estimates 25.9 us for a 4 KiB all-reduce on an H100 cluster (log in
 *   NVIDIA/nccl issue #1453); serving engines' one-shot all-reduce kernels on
 *   NVLink run below that.  model.md §4: "alpha of tens of microseconds".
 * - usd_per_hour: on-demand $/device-hour, from an instance price divided by
 *   its device count where one exists (AWS us-east-1 after the mid-2025 P4/P5
 *   price cut).  Where no rental price exists, the rule is: list price per
 *   device / 26,280 h (3 years) x 3, the markup specialist clouds charge over
 *   a 3-year straight-line cost (H100 at $2.69-3.49/h on RunPod, silybench
 *   2026-09-25 [S], vs ~$25k street price [?] / 26,280 h = $0.95/h).
 * - mbu/mfu: defaults for the roofline.  h100-sxm's are fitted against
 *   ../shared/calibration by the math module's owner; the others found no
 *   public per-chip measurement this session and use the H100 values
 *   ("assumed: same as the H100 fit").
 * - overhead_bytes: per-device runtime overhead (CUDA context, activations,
 *   CUDA graphs, allocator slack), the engine convention of model.md §3:
 *   1.5 GiB on >= 40 GiB parts, 1 GiB on 16-32 GiB parts.
 */
#ifndef INFERTUI_CATALOG_IMPL_H
#define INFERTUI_CATALOG_IMPL_H

#include <stddef.h>

#include "catalog.h"

#define KiB 1024.0
#define MiB (1024.0 * KiB)
#define GiB (1024.0 * MiB)
#define GB_S 1e9
#define TB_S 1e12
#define TF 1e12                 /* TFLOPS or TOPS */
#define US 1e-6

/* Efficiency defaults.  H100 SXM: provisional until the calibration fit
 * (owner: math) replaces them.  Every entry marked ASSUMED_EFF uses these
 * two macros too, so setting the fitted values here (and the h100-sxm
 * eff_source) carries the fit to all of them at once. */
#define H100_MBU 0.784          /* fitted: man infertui-model(7), "Calibration" */
#define H100_MFU 0.61           /* fitted, idem */
#define ASSUMED_EFF "assumed: same as the H100 fit (no public per-chip measurement found)"
/* The H100 fit's size terms, carried to the other devices as infertui-model(7)
 * says: achieved MBU is half of mbu where a layer's bytes take as long to
 * stream as the fixed 35.03 us per layer (92e6 B = 35.03e-6 s x 3.35e12 B/s x
 * 0.784), and MFU is half of mfu at 72 tokens per forward pass. */
#define H100_LAYER_S 35.03e-6
#define H100_MFU_HALF_TOKENS 72
#define ASSUMED_HALF(bw) .mbu_half_bytes = H100_LAYER_S * (bw) * H100_MBU, \
	.mfu_half_tokens = H100_MFU_HALF_TOKENS

/* Models, accelerators and instances are looked up the same way: by the id
 * that opens each struct.  A table pairs the built-in rows with the user
 * rows (none for instances); a user row with a built-in's id shadows it. */
typedef struct {
	const void *builtin;
	size_t n_builtin;
	void *user;                 /* CATALOG_USER_MAX rows, or NULL */
	size_t n_user;
	size_t stride;              /* sizeof the row struct */
} catalog_table;

extern catalog_table catalog_gpus;          /* gpus.c */
extern const catalog_table catalog_instances; /* instances.c */
extern catalog_table catalog_models;        /* models.c */

#endif
