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
 *   ../shared/calibration; h200's scaled by its measured ceilings; the
 *   others found no public per-chip measurement and carry the H100 fit
 *   scaled as the H100/H200 pair shows (below).
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

/* Efficiency defaults (man infertui-model(7), "Calibration" and "Other
 * accelerators").  H100 SXM: the joint fit to every calibration point
 * (tests/calib/fit.py): mbu 0.808 with a fixed 39.6 us per layer, mfu 0.672
 * at the large-size limit, half of it at 286 hidden columns per device.
 *
 * Other chips carry the fit scaled by measured ceilings (copy bandwidth
 * and an 8192^3 bf16 GEMM, shared/calibration), since achieved ceilings
 * do not follow the datasheet:
 *   H100 SXM: copy 3.016 of 3.35 TB/s (0.9003), GEMM 784.1 of 989.4 (0.7925)
 *   H200:     copy 4.189 of 4.8 TB/s (0.8727), GEMM 746.4 of 989.4 (0.7544)
 * H200: its own ceilings against the H100's (EFF_CEILINGS).  Every other
 * chip (EFF_ASSUMED): the mean of the pair's achieved/datasheet ratios
 * against the H100's, the best guess for a chip nobody measured here. */
#define H100_MBU 0.808
#define H100_MFU 0.672
#define H100_COPY (3.016 / 3.35)
#define H200_COPY (4.189 / 4.8)
#define H100_GEMM (784.1 / 989.4)
#define H200_GEMM (746.4 / 989.4)
#define H200_MBU (H100_MBU * H200_COPY / H100_COPY)       /* 0.7832 */
#define H200_MFU (H100_MFU * H200_GEMM / H100_GEMM)       /* 0.6397 */
#define ASSUMED_MBU (H100_MBU * (H100_COPY + H200_COPY) / 2 / H100_COPY) /* 0.7956 */
#define ASSUMED_MFU (H100_MFU * (H100_GEMM + H200_GEMM) / 2 / H100_GEMM) /* 0.6558 */
#define ASSUMED_EFF "assumed: H100 fit scaled by the mean H100/H200 measured ceiling ratios " \
	"(no per-chip measurement found); see infertui-model(7)"
/* The H100 fit's size terms, carried to the other devices: the same fixed
 * 39.6 us per layer (mbu_half_bytes = 39.6e-6 s x BW x mbu) and half of mfu
 * at 286 hidden columns per device. */
#define H100_LAYER_S 39.6e-6
#define H100_MFU_HALF_HIDDEN 286
#define ASSUMED_HALF(bw) .mbu = ASSUMED_MBU, .mfu = ASSUMED_MFU, \
	.mbu_half_bytes = H100_LAYER_S * (bw) * ASSUMED_MBU, \
	.mfu_half_hidden = H100_MFU_HALF_HIDDEN, .eff_basis = EFF_ASSUMED

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
