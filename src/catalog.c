/* catalog.c — built-in accelerators, cloud instances and model shapes.
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
#include <stddef.h>
#include <string.h>
#include <strings.h>

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

/* Price cut of mid-2025 on AWS P4/P5 instances: post-cut us-east-1 price
 * divided by the pre-cut one of the SkyPilot snapshot (ref §B1).  Regional
 * prices of the cut instances are the snapshot's regional prices times this
 * factor [D]: the cut was a uniform percentage (p4d and p4de both come out at
 * exactly 0.6700), and the snapshot's regional premiums are what is known. */
#define P4D_CUT (21.9576 / 32.7726)    /* = 0.6700 */
#define P4DE_CUT (27.4471 / 40.9658)   /* = 0.6700 */
#define P5_CUT (55.04 / 98.32)         /* = 0.5598 */
#define P5EN_CUT (63.296 / 84.80)      /* = 0.7464 */

/* ---------------------------------------------------------------- GPUs */

static const gpu_spec builtin_gpus[] = {
	{
		/* NVIDIA A100 40GB SXM4.  Memory 40 GiB HBM2 (nvidia-smi shows
		 * 40960 MiB, as recalled); 1.555 TB/s; BF16/FP16 312 dense (624 sparse),
		 * INT8 624, INT4 1248 dense; NVLink3 600 GB/s bidirectional
		 * = 300 GB/s each way.  ref §A: glennklockwood.com A100 page
		 * citing the NVIDIA A100 datasheet [S].  FP32 19.5 TFLOPS:
		 * NVIDIA A100 datasheet (2020) as recalled [?]. */
		.id = "a100-40g",
		.label = "NVIDIA A100 40GB SXM",
		.source = "NVIDIA A100 datasheet via glennklockwood.com [S]; $ = AWS p4d.24xlarge "
		          "post-cut $21.9576/8 (data-receipts 2026-11-09)",
		.eff_source = ASSUMED_EFF,
		.mem_bytes = 40 * GiB,
		.bandwidth = 1.555 * TB_S,
		.flops = {
			[PREC_FP32] = 19.5 * TF,
			[PREC_BF16] = 312 * TF,
			[PREC_FP16] = 312 * TF,
			[PREC_FP8] = 0,          /* no FP8 tensor cores on Ampere */
			[PREC_INT8] = 624 * TF,
			[PREC_INT4] = 1248 * TF,
		},
		.link_bw = 300 * GB_S,
		.alpha_s = 20 * US,      /* assumed (see header) */
		/* p4d.24xlarge post-cut $21.9576 (datareceipts/data-receipts
		 * 109-gpu-pricing/hyperscalers.json, 2026-11-09 [S]; also
		 * 21.957642 in an instances.vantage.sh sample) / 8 GPUs */
		.usd_per_hour = 21.9576 / 8,
		.mbu = H100_MBU,
		.mfu = H100_MFU,
		ASSUMED_HALF(1.555 * TB_S),
		.overhead_bytes = 1.5 * GiB,
	},
	{
		/* NVIDIA A100 80GB SXM4: as the 40GB but 80 GiB HBM2e at
		 * 2.039 TB/s (ref §A [S]; nvidia-smi shows 81920 MiB,
		 * as recalled). */
		.id = "a100-80g",
		.label = "NVIDIA A100 80GB SXM",
		.source = "NVIDIA A100 datasheet via glennklockwood.com [S]; $ = AWS p4de.24xlarge "
		          "post-cut $27.4471/8 (data-receipts 2026-11-09)",
		.eff_source = ASSUMED_EFF,
		.mem_bytes = 80 * GiB,
		.bandwidth = 2.039 * TB_S,
		.flops = {
			[PREC_FP32] = 19.5 * TF,
			[PREC_BF16] = 312 * TF,
			[PREC_FP16] = 312 * TF,
			[PREC_FP8] = 0,
			[PREC_INT8] = 624 * TF,
			[PREC_INT4] = 1248 * TF,
		},
		.link_bw = 300 * GB_S,
		.alpha_s = 20 * US,      /* assumed */
		/* p4de.24xlarge post-cut $27.4471 (data-receipts 2026-11-09 [S]) / 8 */
		.usd_per_hour = 27.4471 / 8,
		.mbu = H100_MBU,
		.mfu = H100_MFU,
		ASSUMED_HALF(2.039 * TB_S),
		.overhead_bytes = 1.5 * GiB,
	},
	{
		/* NVIDIA H100 SXM5 80GB.  80 GiB HBM3 (5 stacks; the calibration
		 * device reports 79.2 GiB to torch), 3.35 TB/s; dense BF16/FP16
		 * 989.4, FP8 1978.9, INT8 1978.9, FP32 66.9 TFLOPS; NVLink4
		 * 900 GB/s bidirectional = 450 each way.  glennklockwood.com
		 * H100 page (theoretical peaks table), read 2026-11-26 [S];
		 * NVIDIA table via hpctech.co.jp mirror agrees (989/1979
		 * "shown with sparsity, 1/2 lower without") [S]. */
		.id = "h100-sxm",
		.label = "NVIDIA H100 SXM5 80GB",
		.source = "NVIDIA H100 datasheet via glennklockwood.com, hpctech.co.jp [S]; $ = AWS "
		          "p5.48xlarge post-cut $55.04/8 (data-receipts 2026-11-09)",
		.eff_source = "measured: fit to 10 decode + 4 prefill H100 SXM points "
		              "(shared/calibration), max residual 3.8%, median 1.4%; "
		              "see infertui-model(7)",
		.mem_bytes = 80 * GiB,
		.bandwidth = 3.35 * TB_S,
		.flops = {
			[PREC_FP32] = 66.9 * TF,
			[PREC_BF16] = 989.4 * TF,
			[PREC_FP16] = 989.4 * TF,
			[PREC_FP8] = 1978.9 * TF,
			[PREC_INT8] = 1978.9 * TF,
			[PREC_INT4] = 0,         /* Hopper has no INT4 tensor path */
		},
		.link_bw = 450 * GB_S,
		.alpha_s = 20 * US,      /* assumed (see header) */
		/* p5.48xlarge post-cut $55.04 (data-receipts 2026-11-09 [S];
		 * p5.4xlarge 1xH100 is $6.88 in an instances.vantage.sh sample) / 8 */
		.usd_per_hour = 55.04 / 8,
		.mbu = H100_MBU,         /* fitted (math module) */
		.mfu = H100_MFU,         /* fitted (math module) */
		/* fitted with mbu/mfu: MBU is half of mbu at 92 MB per layer
		 * per device (a fixed 35 us per layer), MFU half of mfu at 72
		 * tokens per forward pass (infertui-model(7), "Calibration") */
		.mbu_half_bytes = 92e6,
		.mfu_half_tokens = 72,
		.overhead_bytes = 1.5 * GiB,
	},
	{
		/* NVIDIA H100 PCIe 80GB.  NVIDIA table via hpctech.co.jp
		 * mirror [S], read 2026-11-26: FP32 51, BF16/FP16 1,513*,
		 * FP8 3,026*, INT8 3,026* TFLOPS (* with sparsity; dense is
		 * half), 2,000 GB/s HBM2e, TDP 300-350 W, NVLink bridge
		 * 600 GB/s (pairs only), PCIe Gen5 128 GB/s.  Product brief
		 * PB-11133-001 (manuals.plus mirror): ">2,000 GB/s" [P-mirror].
		 * Link: PCIe Gen5 x16, 64 GB/s each way (a bridge joins only
		 * two cards, so PCIe carries TP > 2). */
		.id = "h100-pcie",
		.label = "NVIDIA H100 PCIe 80GB",
		.source = "NVIDIA H100 table via hpctech.co.jp mirror, PB-11133-001 [S]; $ = Lambda "
		          "1x H100 PCIe $3.29/h (silybench 2026-09-25) [S]",
		.eff_source = ASSUMED_EFF,
		.mem_bytes = 80 * GiB,
		.bandwidth = 2.0 * TB_S,
		.flops = {
			[PREC_FP32] = 51 * TF,
			[PREC_BF16] = 1513.0 / 2 * TF,
			[PREC_FP16] = 1513.0 / 2 * TF,
			[PREC_FP8] = 3026.0 / 2 * TF,
			[PREC_INT8] = 3026.0 / 2 * TF,
			[PREC_INT4] = 0,
		},
		.link_bw = 64 * GB_S,
		.alpha_s = 30 * US,      /* assumed: PCIe, no NVSwitch */
		/* No hyperscaler rents the H100 PCIe on demand (Azure's NC H100
		 * v5 is the NVL).  Lambda 1x H100 PCIe $3.29/h, silybench
		 * gpu_prices.csv 2026-09-25 (ref §B4) [S]. */
		.usd_per_hour = 3.29,
		.mbu = H100_MBU,
		.mfu = H100_MFU,
		ASSUMED_HALF(2.0 * TB_S),
		.overhead_bytes = 1.5 * GiB,
	},
	{
		/* NVIDIA H200 SXM 141GB: H100 SXM compute (ref §A: "same as
		 * H100", glennklockwood: "H200 GPUs are the same as H100 GPUs
		 * ... with more and faster HBM") with 141 GiB HBM3e at 4.8 TB/s
		 * (lzwjava, aiwiki [S]); NVLink4 900 GB/s bidirectional.
		 * FP32 67 TFLOPS as for H100 SXM. */
		.id = "h200",
		.label = "NVIDIA H200 SXM 141GB",
		.source = "ref-figures: lzwjava H200 page, aiwiki, glennklockwood [S]; $ = AWS "
		          "p5en.48xlarge $63.296/8 (dstack PR #4110) [S]",
		.eff_source = ASSUMED_EFF,
		.mem_bytes = 141 * GiB,
		.bandwidth = 4.8 * TB_S,
		.flops = {
			[PREC_FP32] = 66.9 * TF,
			[PREC_BF16] = 989.4 * TF,
			[PREC_FP16] = 989.4 * TF,
			[PREC_FP8] = 1978.9 * TF,
			[PREC_INT8] = 1978.9 * TF,
			[PREC_INT4] = 0,
		},
		.link_bw = 450 * GB_S,
		.alpha_s = 20 * US,      /* assumed */
		/* p5en.48xlarge $63.296 in us-east-1 after the cut (dstack PR
		 * #4110 [S]; same figure in an instances.vantage.sh sample) / 8 */
		.usd_per_hour = 63.296 / 8,
		.mbu = H100_MBU,
		.mfu = H100_MFU,
		ASSUMED_HALF(4.8 * TB_S),
		.overhead_bytes = 1.5 * GiB,
	},
	{
		/* NVIDIA B200 (HGX, 1000 W).  180 GiB usable of 192 (nvidia-smi
		 * ~179 GiB; TRT-LLM perf-overview "B200 180GB"), 8.0 TB/s; dense
		 * BF16/FP16 2250, FP8 4500, INT8 4500 (FP4 9000, not modelled);
		 * NVLink5 1.8 TB/s bidirectional = 900 GB/s each way.
		 * ref §A: glennklockwood B200, docs.vultr.com HGX B200 [S].
		 * FP32: not read this session, left 0. */
		.id = "b200",
		.label = "NVIDIA B200 180GB (HGX)",
		.source = "glennklockwood.com B200, docs.vultr.com HGX B200 [S]; $ = AWS "
		          "p6-b200.48xlarge $113.9328/8 (instances.vantage.sh sample) [S]",
		.eff_source = ASSUMED_EFF,
		.mem_bytes = 180 * GiB,
		.bandwidth = 8.0 * TB_S,
		.flops = {
			[PREC_FP32] = 0,         /* not read */
			[PREC_BF16] = 2250 * TF,
			[PREC_FP16] = 2250 * TF,
			[PREC_FP8] = 4500 * TF,
			[PREC_INT8] = 4500 * TF,
			[PREC_INT4] = 0,
		},
		.link_bw = 900 * GB_S,
		.alpha_s = 20 * US,      /* assumed */
		/* p6-b200.48xlarge us-east-1 $113.9328: instances.vantage.sh
		 * data as sampled in a public collector's test fixture (the
		 * same sample has p5 55.04, p5en 63.296, p4d 21.957642, matching
		 * ref §B1) [S] / 8 */
		.usd_per_hour = 113.9328 / 8,
		.mbu = H100_MBU,
		.mfu = H100_MFU,
		ASSUMED_HALF(8.0 * TB_S),
		.overhead_bytes = 1.5 * GiB,
	},
	{
		/* NVIDIA L4 24GB.  24 GiB GDDR6 (nvidia-smi ~23034 MiB with ECC, as
		 * recalled),
		 * 300 GB/s; dense BF16/FP16 121, FP8 242.5, INT8 242.5 (NVIDIA
		 * quotes the sparse 242/485/485) — ref §A grokipedia
		 * NVIDIA_L4_vs_L40S [S].  FP32 30.3 TFLOPS: L4 datasheet as
		 * recalled [?].  PCIe Gen4 x16, no NVLink: 32 GB/s each way. */
		.id = "l4",
		.label = "NVIDIA L4 24GB",
		.source = "NVIDIA L4 figures via grokipedia L4 vs L40S [S]; $ = AWS g6.xlarge $0.8048 "
		          "(SkyPilot AWS catalog) [P]",
		.eff_source = ASSUMED_EFF,
		.mem_bytes = 24e9,       /* datasheet "24GB"; nvidia-smi shows 23034 MiB = 24.15e9 B (ECC on GDDR6 reserves the rest of the 24 GiB) [S, recalled] */
		.bandwidth = 0.300 * TB_S,
		.flops = {
			[PREC_FP32] = 30.3 * TF,
			[PREC_BF16] = 121 * TF,
			[PREC_FP16] = 121 * TF,
			[PREC_FP8] = 242.5 * TF,
			[PREC_INT8] = 242.5 * TF,
			[PREC_INT4] = 0,
		},
		.link_bw = 32 * GB_S,
		.alpha_s = 30 * US,      /* assumed: PCIe */
		/* g6.xlarge (1x L4 + 4 vCPU) $0.8048 us-east-1, SkyPilot
		 * catalogs/v7/aws/vms.csv @001367d2 [P-scrape]; not part of the
		 * P4/P5 cut.  GCP's L4 GPU part alone is $0.560 (ref §B2). */
		.usd_per_hour = 0.8048,
		.mbu = H100_MBU,
		.mfu = H100_MFU,
		ASSUMED_HALF(0.300 * TB_S),
		.overhead_bytes = 1.0 * GiB,
	},
	{
		/* NVIDIA L40S 48GB.  48 GiB GDDR6 (46068 MiB visible with ECC, per a
		 * SkyPilot-format row in public code),
		 * 864 GB/s; dense BF16/FP16 362, FP8 733 TFLOPS (mullet.se
		 * reproduces NVIDIA's L40/L40S table, ref §A [S]).  INT8 733
		 * dense: L40S datasheet as recalled, the table read left it
		 * blank [?].  FP32 91.6 TFLOPS: datasheet as recalled [?].
		 * PCIe Gen4 x16 "64 GB/s" = 32 GB/s each way. */
		.id = "l40s",
		.label = "NVIDIA L40S 48GB",
		.source = "NVIDIA L40S table via mullet.se [S]; INT8/FP32 uncertain; $ = AWS g6e.xlarge "
		          "$1.861 (SkyPilot AWS catalog) [P]",
		.eff_source = ASSUMED_EFF,
		.mem_bytes = 48e9,       /* datasheet "48GB"; nvidia-smi shows 46068 MiB = 48.3e9 B (ECC reserves the rest of the 48 GiB) [S, recalled] */
		.bandwidth = 0.864 * TB_S,
		.flops = {
			[PREC_FP32] = 91.6 * TF,
			[PREC_BF16] = 362 * TF,
			[PREC_FP16] = 362 * TF,
			[PREC_FP8] = 733 * TF,
			[PREC_INT8] = 733 * TF,
			[PREC_INT4] = 0,
		},
		.link_bw = 32 * GB_S,
		.alpha_s = 30 * US,      /* assumed: PCIe */
		/* g6e.xlarge (1x L40S) $1.861 us-east-1, SkyPilot @001367d2 [P] */
		.usd_per_hour = 1.861,
		.mbu = H100_MBU,
		.mfu = H100_MFU,
		ASSUMED_HALF(0.864 * TB_S),
		.overhead_bytes = 1.5 * GiB,
	},
	{
		/* NVIDIA A10G 24GB (AWS-only A10 variant).  24 GB GDDR6 at
		 * 600 GB/s: Baseten "NVIDIA A10 vs A10G for ML model inference"
		 * [S], read 2026-11-26 ("share the same GPU memory ... 600
		 * gigabytes per second"; "the A10 prioritizes tensor compute,
		 * while the A10G has a higher CUDA core performance").  SkyPilot
		 * GpuInfo shows 22,888 MiB visible.  Compute figures (FP32 35,
		 * BF16/FP16 70, INT8 140 dense) are Baseten's A10G column as
		 * recalled — the table itself was not in the excerpt read [?].
		 * PCIe Gen4 x16: 32 GB/s each way. */
		.id = "a10g",
		.label = "NVIDIA A10G 24GB (AWS)",
		.source = "memory/BW: Baseten A10 vs A10G [S]; compute uncertain (A10G column as "
		          "recalled); $ = AWS g5.xlarge $1.006 (SkyPilot) [P]",
		.eff_source = ASSUMED_EFF,
		.mem_bytes = 22888 * MiB, /* visible to software: SkyPilot GpuInfo [P] */
		.bandwidth = 0.600 * TB_S,
		.flops = {
			[PREC_FP32] = 35 * TF,
			[PREC_BF16] = 70 * TF,
			[PREC_FP16] = 70 * TF,
			[PREC_FP8] = 0,          /* Ampere: no FP8 */
			[PREC_INT8] = 140 * TF,
			[PREC_INT4] = 0,
		},
		.link_bw = 32 * GB_S,
		.alpha_s = 30 * US,      /* assumed: PCIe */
		/* g5.xlarge (1x A10G) $1.006 us-east-1, SkyPilot @001367d2 [P] */
		.usd_per_hour = 1.006,
		.mbu = H100_MBU,
		.mfu = H100_MFU,
		ASSUMED_HALF(0.600 * TB_S),
		.overhead_bytes = 1.0 * GiB,
	},
	{
		/* AMD Instinct MI300X.  192 GiB HBM3 (8 x 24 GiB), 5.3 TB/s;
		 * dense BF16/FP16 1307.4, FP8 2614.9, INT8 2614.9 (sparse
		 * doubles: codesota mislabels 2615 as FP16 dense, ref §A);
		 * FP32 163.4 (RunPod MI300X spec card [S]).  Infinity Fabric
		 * 896 GB/s aggregate = 7 links x 128 GB/s bidirectional, so
		 * 448 GB/s each way.  ref §A: jaredwatkins.com, gpu.blog,
		 * aiwiki [S]. */
		.id = "mi300x",
		.label = "AMD Instinct MI300X 192GB",
		.source = "jaredwatkins.com, gpu.blog, aiwiki via ref-figures [S]; $ = RunPod $2.69/GPU-h "
		          "(undated price table in public code) [S, uncertain]",
		.eff_source = ASSUMED_EFF,
		.mem_bytes = 192 * GiB,
		.bandwidth = 5.3 * TB_S,
		.flops = {
			[PREC_FP32] = 163.4 * TF,
			[PREC_BF16] = 1307.4 * TF,
			[PREC_FP16] = 1307.4 * TF,
			[PREC_FP8] = 2614.9 * TF,
			[PREC_INT8] = 2614.9 * TF,
			[PREC_INT4] = 0,
		},
		.link_bw = 448 * GB_S,
		.alpha_s = 20 * US,      /* assumed */
		/* No hyperscaler on-demand price found (Azure ND MI300X v5's
		 * was not found).  A public MI300X price table (code, undated)
		 * lists RunPod $2.69, Hot Aisle $1.99, DigitalOcean $1.99 per
		 * GPU-hour; RunPod's spec card elsewhere shows $4.99.  $2.69 is
		 * taken: a specialist-cloud price, so compare it with the
		 * H100's specialist $2.69-3.49, not AWS's $6.88. [S, ?] */
		.usd_per_hour = 2.69,
		.mbu = H100_MBU,
		.mfu = H100_MFU,
		ASSUMED_HALF(5.3 * TB_S),
		.overhead_bytes = 1.5 * GiB,
	},
	{
		/* Google Cloud TPU v5e.  cloud.google.com/tpu/docs/v5e [P],
		 * several language versions read 2026-11-26: 197 TFLOPS bf16,
		 * 393 TOPS int8, 16 GB HBM2 at 819 GB/s (one version says
		 * "800 GiBps"), ICI "1600 Gbps" = "400 GB/s bidirectional per
		 * chip", 4 ports: 200 GB/s each way.  No fp16/fp8 path listed. */
		.id = "tpu-v5e",
		.label = "Google TPU v5e",
		.source = "cloud.google.com/tpu/docs/v5e [P]; $ = GCP $1.20/chip-h us-west4 (SkyPilot-"
		          "format row; pricing page not read) [S]",
		.eff_source = ASSUMED_EFF,
		.mem_bytes = 16 * GiB,
		.bandwidth = 0.819 * TB_S,
		.flops = {
			[PREC_FP32] = 0,
			[PREC_BF16] = 197 * TF,
			[PREC_FP16] = 0,
			[PREC_FP8] = 0,
			[PREC_INT8] = 393 * TF,
			[PREC_INT4] = 0,
		},
		.link_bw = 200 * GB_S,
		.alpha_s = 20 * US,      /* assumed */
		/* tpu-v5litepod-1, us-west4, on-demand $1.20/chip-hour: a
		 * SkyPilot-format GCP row in public test code [S]; ref §B2
		 * records the v5e price as a gap. */
		.usd_per_hour = 1.20,
		.mbu = H100_MBU,
		.mfu = H100_MFU,
		ASSUMED_HALF(0.819 * TB_S),
		.overhead_bytes = 1.0 * GiB,
	},
	{
		/* Google Cloud TPU v6e (Trillium).  docs.cloud.google.com/tpu/
		 * docs/v6e [P] via ref §A: 918 TFLOPS bf16, 1836 TOPS int8,
		 * 32 GB HBM at 1.638 TB/s (1600 x 1.024, the same convention as
		 * v5e's 819), ICI 800 GB/s bidirectional over 4 ports: 400 GB/s
		 * each way. */
		.id = "tpu-v6e",
		.label = "Google TPU v6e (Trillium)",
		.source = "docs.cloud.google.com/tpu/docs/v6e [P]; $ = GCP $2.70/chip-h us-central1 "
		          "(SkyPilot GCP catalog @017e2502) [P]",
		.eff_source = ASSUMED_EFF,
		.mem_bytes = 32 * GiB,
		.bandwidth = 1.638 * TB_S,
		.flops = {
			[PREC_FP32] = 0,
			[PREC_BF16] = 918 * TF,
			[PREC_FP16] = 0,
			[PREC_FP8] = 0,
			[PREC_INT8] = 1836 * TF,
			[PREC_INT4] = 0,
		},
		.link_bw = 400 * GB_S,
		.alpha_s = 20 * US,      /* assumed */
		/* $2.70/chip-hour in us-central1, us-east1/4/5, us-west1,
		 * us-south1: SkyPilot catalogs/v7/gcp/vms.csv @017e2502 [P]. */
		.usd_per_hour = 2.70,
		.mbu = H100_MBU,
		.mfu = H100_MFU,
		ASSUMED_HALF(1.638 * TB_S),
		.overhead_bytes = 1.0 * GiB,
	},
	{
		/* AWS Inferentia2 (one chip, two NeuronCore-v2).  AWS Neuron docs
		 * inferentia2.html [P], read 2026-11-26: "380 INT8 TOPS,
		 * 190 FP16/BF16/cFP8/TF32 TFLOPS, and 47.5 FP32 TFLOPS";
		 * "32GiB ... with 820 GiB/sec" (older versions: "32GB", "820
		 * GB/sec").  Bandwidth stored as 820e9 B/s: 12 chips x 820 GB/s
		 * = 9.84 TB/s, AWS's "9.8 TB/s" for inf2.48xlarge; 820 GiB/s
		 * would give 10.6.  NeuronLink-v2: Inferentia2 has 2 links,
		 * Trainium1 4 (NKI architecture guide [P]); Trainium1's
		 * inter-chip figure is 384 GB/s/chip (trainium2.rst [P]), so
		 * 192 GB/s/chip [D], read as bidirectional: 96 GB/s each way
		 * [?]. */
		.id = "inferentia2",
		.label = "AWS Inferentia2",
		.source = "AWS Neuron docs inferentia2 arch [P]; link derived, uncertain; $ = AWS "
		          "inf2.48xlarge $12.9813/12 (SkyPilot AWS catalog) [P]",
		.eff_source = ASSUMED_EFF,
		.mem_bytes = 32 * GiB,
		.bandwidth = 820 * GB_S,
		.flops = {
			[PREC_FP32] = 47.5 * TF,
			[PREC_BF16] = 190 * TF,
			[PREC_FP16] = 190 * TF,
			[PREC_FP8] = 190 * TF,   /* cFP8 at the 16-bit rate */
			[PREC_INT8] = 380 * TF,
			[PREC_INT4] = 0,
		},
		.link_bw = 96 * GB_S,
		.alpha_s = 20 * US,      /* assumed */
		/* inf2.48xlarge $12.9813 us-east-1 (SkyPilot @001367d2 [P]; not
		 * part of the P4/P5 cut; the seed uses $12.98) / 12 chips */
		.usd_per_hour = 12.9813 / 12,
		.mbu = H100_MBU,
		.mfu = H100_MFU,
		ASSUMED_HALF(820 * GB_S),
		.overhead_bytes = 1.0 * GiB,
	},
	{
		/* AWS Trainium2 (one chip, eight NeuronCore-v3).  AWS Neuron docs
		 * trainium2.rst [P] (aws-neuron/aws-neuron-sdk @7c165a3e, read
		 * 2026-11-26): "1,299 FP8 TFLOPS, 667 BF16/FP16/TF32 TFLOPS,
		 * 2,563 ... sparse, 181 FP32 TFLOPS"; "96 GiB of device memory
		 * with 2.9 TB/sec" (a newer NKI guide says 3 TB/s); NeuronLink-v3
		 * "1.28 TB/sec bandwidth per chip", read as bidirectional:
		 * 640 GB/s each way [?].  INT8 not listed. */
		.id = "trainium2",
		.label = "AWS Trainium2",
		.source = "AWS Neuron docs trainium2 arch [P]; $ = AWS trn2.48xlarge $35.76/16 in "
		          "us-east-2 (instances.vantage.sh 2025-11-30) [S]",
		.eff_source = ASSUMED_EFF,
		.mem_bytes = 96 * GiB,
		.bandwidth = 2.9 * TB_S,
		.flops = {
			[PREC_FP32] = 181 * TF,
			[PREC_BF16] = 667 * TF,
			[PREC_FP16] = 667 * TF,
			[PREC_FP8] = 1299 * TF,
			[PREC_INT8] = 0,         /* not listed */
			[PREC_INT4] = 0,
		},
		.link_bw = 640 * GB_S,
		.alpha_s = 20 * US,      /* assumed */
		/* trn2.48xlarge (16 chips) $35.76 on demand in us-east-2, the
		 * only region listed: tsaol/aws-gpu data/trn2_instances.js, "from
		 * instances.vantage.sh, last updated 2025-11-30" [S] / 16 */
		.usd_per_hour = 35.76 / 16,
		.mbu = H100_MBU,
		.mfu = H100_MFU,
		ASSUMED_HALF(2.9 * TB_S),
		.overhead_bytes = 1.5 * GiB,
	},
	{
		/* Intel Gaudi 3 (OAM, 900 W).  128 GiB HBM2e (8 stacks), 3.7 TB/s;
		 * 1835 TFLOPS FP8 and BF16 on the MME (yobitel.com, pcguia.pt via
		 * ref §A [S]; pcguia read 2026-11-26: "1835 TFLOPS em matrizes
		 * FP8 e BF16").  FP16/FP32/INT8: not read, left 0.  Link: 24 x
		 * 200 GbE on die; 21 serve the in-node all-to-all (Intel Gaudi 3
		 * white paper as recalled [?]): 21 x 25 GB/s = 525 GB/s each way. */
		.id = "gaudi3",
		.label = "Intel Gaudi 3 128GB",
		.source = "yobitel.com, pcguia.pt [S]; link uncertain; $ uncertain: no rental price "
		          "found, derived from the $125k 8-card kit list price",
		.eff_source = ASSUMED_EFF,
		.mem_bytes = 128 * GiB,
		.bandwidth = 3.7 * TB_S,
		.flops = {
			[PREC_FP32] = 0,
			[PREC_BF16] = 1835 * TF,
			[PREC_FP16] = 0,         /* not read */
			[PREC_FP8] = 1835 * TF,
			[PREC_INT8] = 0,         /* not read */
			[PREC_INT4] = 0,
		},
		.link_bw = 525 * GB_S,
		.alpha_s = 20 * US,      /* assumed */
		/* No on-demand price found (IBM Cloud offers Gaudi 3; its price
		 * was not found).  Intel's Computex 2024 list price, as reported
		 * by nextplatform.com (2024-06-13) and recalled: $125,000 for a
		 * kit of eight on a baseboard = $15,625 per device [S, ?].  Rule
		 * (header): 15,625 / 26,280 h x 3 = $1.78/h [D, ?]. */
		.usd_per_hour = 15625.0 / 26280.0 * 3.0,
		.mbu = H100_MBU,
		.mfu = H100_MFU,
		ASSUMED_HALF(3.7 * TB_S),
		.overhead_bytes = 1.5 * GiB,
	},
	{
		/* Groq LPU (GroqChip, 14 nm TSP).  techpowerup news [S], read
		 * 2026-11-26: "750 TOPS at INT8 and 188 TeraFLOPS at FP16 ...
		 * 80 TB/s of bandwidth ... 230 MB capacity of local SRAM".  The
		 * memory is on-die SRAM only: models are spread over hundreds of
		 * chips.  BF16: no figure is published; the entry uses the FP16
		 * rate so that 16-bit compute resolves [?].  Chip-to-chip: 16
		 * links x 4 lanes x 30 Gb/s = 240 GB/s each way, from the ISCA
		 * 2020 TSP paper as recalled [?]. */
		.id = "groq-lpu",
		.label = "Groq LPU (GroqChip)",
		.source = "techpowerup Groq LPU news [S]; bf16 = fp16 rate, link and $ uncertain (no "
		          "hourly rental; derived from GroqCard list price)",
		.eff_source = ASSUMED_EFF,
		.mem_bytes = 230 * MiB,
		.bandwidth = 80 * TB_S,
		.flops = {
			[PREC_FP32] = 0,
			[PREC_BF16] = 188 * TF,
			[PREC_FP16] = 188 * TF,
			[PREC_FP8] = 0,
			[PREC_INT8] = 750 * TF,
			[PREC_INT4] = 0,
		},
		.link_bw = 240 * GB_S,
		.alpha_s = 10 * US,      /* assumed: statically scheduled links */
		/* Groq sells tokens, not chip-hours.  GroqCard list price
		 * $20,625 (distributor listing reported in 2023, recalled [?]);
		 * rule (header): 20,625 / 26,280 h x 3 = $2.35/h [D, ?]. */
		.usd_per_hour = 20625.0 / 26280.0 * 3.0,
		.mbu = H100_MBU,
		.mfu = H100_MFU,
		ASSUMED_HALF(80 * TB_S),
		/* compiler-scheduled, no runtime allocator in SRAM [?] */
		.overhead_bytes = 0,
	},
};


/* ---------------------------------------------------------- instances */

/* Default on-demand price = us-east-1 AFTER the mid-2025 P4/P5 price cut,
 * not the SkyPilot snapshot (ref §B1), because the snapshot predates the
 * cut and overstates p4d/p4de by 1.49x and p5 by 1.79x.  The seed's $32.77
 * (p4d) is the pre-cut price; presets that reproduce the seed set their own
 * price.  Instances outside the cut (inf2, g5, g6, g6e) keep the snapshot's
 * prices (SkyPilot catalogs/v7/aws/vms.csv @001367d2, AWS price API scrape
 * [P]), regional ones included.  Regional prices of cut instances: the
 * snapshot's times the cut factor (P*_CUT above) [D] unless a post-cut
 * regional price was read. */
static const instance_spec builtin_instances[] = {
	{
		.id = "p4d.24xlarge", .gpu = "a100-40g", .gpus = 8,
		.usd_per_hour = 21.9576,
		.source = "AWS post-cut us-east-1 $21.9576 (data-receipts 2026-11-09) [S]; regions = "
		          "SkyPilot pre-cut x 0.67 [D]",
		.n_prices = 5,
		.prices = {
			{ "us-east-1", 21.9576 },
			{ "eu-west-1", 35.40 * P4D_CUT },
			{ "ap-south-1", 39.32 * P4D_CUT },
			{ "ap-southeast-2", 42.6044 * P4D_CUT },
			{ "ap-northeast-1", 44.9222 * P4D_CUT },
		},
	},
	{
		.id = "p4de.24xlarge", .gpu = "a100-80g", .gpus = 8,
		.usd_per_hour = 27.4471,
		.source = "AWS post-cut us-east-1 $27.4471 (data-receipts 2026-11-09) [S]; us-west-2 "
		          "same (SkyPilot) [P]",
		.n_prices = 2,
		.prices = {
			{ "us-east-1", 27.4471 },
			{ "us-west-2", 40.9658 * P4DE_CUT },
		},
	},
	{
		.id = "p5.48xlarge", .gpu = "h100-sxm", .gpus = 8,
		.usd_per_hour = 55.04,
		.source = "AWS post-cut us-east-1 $55.04 (data-receipts 2026-11-09) [S]; regions = "
		          "SkyPilot pre-cut x 55.04/98.32 [D]",
		.n_prices = 5,
		.prices = {
			{ "us-east-1", 55.04 },
			{ "us-west-1", 122.90 * P5_CUT },
			{ "eu-north-1", 105.20 * P5_CUT },
			{ "ap-southeast-2", 127.816 * P5_CUT },
			{ "ap-northeast-1", 123.195 * P5_CUT },
		},
	},
	{
		/* p5.4xlarge (1x H100) $6.88 us-east-1: instances.vantage.sh
		 * sample in public collector test code [S] */
		.id = "p5.4xlarge", .gpu = "h100-sxm", .gpus = 1,
		.usd_per_hour = 6.88,
		.source = "AWS us-east-1 $6.88 (instances.vantage.sh sample) [S]",
		.n_prices = 1,
		.prices = { { "us-east-1", 6.88 } },
	},
	{
		/* post-cut $63.296 in us-east-1/us-east-2/us-west-2 and $67.73
		 * in eu-north-1: dstack PR #4110 [S] (read as direct post-cut
		 * figures); Tokyo and Mumbai from SkyPilot pre-cut x cut [D]. */
		.id = "p5en.48xlarge", .gpu = "h200", .gpus = 8,
		.usd_per_hour = 63.296,
		.source = "AWS post-cut $63.296 us-east-1/2, us-west-2, eu-north-1 $67.73 (dstack PR "
		          "#4110) [S]; Tokyo, Mumbai derived [D]",
		.n_prices = 6,
		.prices = {
			{ "us-east-1", 63.296 },
			{ "us-east-2", 63.296 },
			{ "us-west-2", 63.296 },
			{ "eu-north-1", 67.73 },
			{ "ap-northeast-1", 106.00 * P5EN_CUT },
			{ "ap-south-1", 101.76 * P5EN_CUT },
		},
	},
	{
		.id = "p6-b200.48xlarge", .gpu = "b200", .gpus = 8,
		.usd_per_hour = 113.9328,
		.source = "AWS us-east-1 $113.9328 (instances.vantage.sh sample in public code) [S]",
		.n_prices = 1,
		.prices = { { "us-east-1", 113.9328 } },
	},
	{
		.id = "inf2.48xlarge", .gpu = "inferentia2", .gpus = 12,
		.usd_per_hour = 12.9813,
		.source = "SkyPilot AWS catalog v7 @001367d2 (AWS price API scrape) [P]; not in the "
		          "P4/P5 cut",
		.n_prices = 5,
		.prices = {
			{ "us-east-1", 12.9813 },
			{ "eu-north-1", 14.28 },
			{ "ap-southeast-2", 16.8757 },
			{ "ap-southeast-1", 18.1738 },
			{ "ap-northeast-1", 19.4719 },
		},
	},
	{
		.id = "inf2.xlarge", .gpu = "inferentia2", .gpus = 1,
		.usd_per_hour = 0.7582,
		.source = "SkyPilot AWS catalog v7 @001367d2 (AWS price API scrape) [P]",
		.n_prices = 4,
		.prices = {
			{ "us-east-1", 0.7582 },
			{ "ap-southeast-2", 0.9857 },
			{ "ap-southeast-1", 1.0615 },
			{ "ap-northeast-1", 1.1373 },
		},
	},
	{
		.id = "g5.xlarge", .gpu = "a10g", .gpus = 1,
		.usd_per_hour = 1.006,
		.source = "SkyPilot AWS catalog v7 @001367d2 (AWS price API scrape) [P]",
		.n_prices = 3,
		.prices = {
			{ "us-east-1", 1.006 },
			{ "ap-southeast-2", 1.308 },
			{ "ap-northeast-1", 1.459 },
		},
	},
	{
		.id = "g6.xlarge", .gpu = "l4", .gpus = 1,
		.usd_per_hour = 0.8048,
		.source = "SkyPilot AWS catalog v7 @001367d2 (AWS price API scrape) [P]",
		.n_prices = 3,
		.prices = {
			{ "us-east-1", 0.8048 },
			{ "ap-southeast-2", 1.0464 },
			{ "ap-northeast-1", 1.1672 },
		},
	},
	{
		/* us-east-1 not read in the snapshot: $4.6016 is AWS's list price
		 * as recalled [?], and agrees with Sydney's 5.98299 / 1.30 (the
		 * snapshot's uniform Sydney premium) = 4.6023 [D]. */
		.id = "g6.12xlarge", .gpu = "l4", .gpus = 4,
		.usd_per_hour = 4.6016,
		.source = "Sydney, Tokyo: SkyPilot AWS catalog [P]; us-east-1 $4.6016 uncertain (= "
		          "Sydney / 1.30 within 0.02%)",
		.n_prices = 3,
		.prices = {
			{ "us-east-1", 4.6016 },
			{ "ap-southeast-2", 5.98299 },
			{ "ap-northeast-1", 6.67369 },
		},
	},
	{
		.id = "g6e.xlarge", .gpu = "l40s", .gpus = 1,
		.usd_per_hour = 1.861,
		.source = "SkyPilot AWS catalog v7 @001367d2 (AWS price API scrape) [P]",
		.n_prices = 1,
		.prices = { { "us-east-1", 1.861 } },
	},
	{
		.id = "g6e.12xlarge", .gpu = "l40s", .gpus = 4,
		.usd_per_hour = 10.4926,
		.source = "SkyPilot AWS catalog v7 @001367d2 (AWS price API scrape) [P]",
		.n_prices = 1,
		.prices = { { "us-east-1", 10.4926 } },
	},
	{
		/* only region listed: us-east-2 (see the trainium2 entry) */
		.id = "trn2.48xlarge", .gpu = "trainium2", .gpus = 16,
		.usd_per_hour = 35.76,
		.source = "AWS us-east-2 $35.76 (instances.vantage.sh via tsaol/aws-gpu, 2025-11-30) "
		          "[S]; default is the us-east-2 price",
		.n_prices = 1,
		.prices = { { "us-east-2", 35.76 } },
	},
	{
		/* GCP region ids.  SkyPilot catalogs/v7/gcp/vms.csv @017e2502
		 * [P-scrape], ref §B2. */
		.id = "tpu-v6e-1", .gpu = "tpu-v6e", .gpus = 1,
		.usd_per_hour = 2.70,
		.source = "SkyPilot GCP catalog v7 @017e2502 [P]; GCP region ids",
		.n_prices = 10,
		.prices = {
			{ "us-central1", 2.70 },
			{ "us-east1", 2.70 },
			{ "us-east4", 2.70 },
			{ "us-east5", 2.70 },
			{ "us-west1", 2.70 },
			{ "us-south1", 2.70 },
			{ "asia-southeast1", 2.97 },
			{ "europe-west4", 2.97 },
			{ "asia-northeast1", 3.24 },
			{ "asia-south1", 3.24 },
		},
	},
	{
		.id = "tpu-v5litepod-1", .gpu = "tpu-v5e", .gpus = 1,
		.usd_per_hour = 1.20,
		.source = "GCP us-west4 $1.20/chip-h (SkyPilot-format row in public code) [S]; GCP "
		          "region ids",
		.n_prices = 1,
		.prices = { { "us-west4", 1.20 } },
	},
};


/* -------------------------------------------------------------- models */

/* Shapes: HF config.json (via mirrors naming the official repo) and MaxText
 * src/maxtext/configs/models/<name>.yml @e591f30c, as collected in ref §D.  All
 * use a gated MLP (SwiGLU, or GeGLU for Gemma).  Published sizes, which
 * tests/unit/test_catalog.c checks model_count_params() against, are cited
 * there. */
static const model_spec builtin_models[] = {
	{
		/* MaxText llama2-7b.yml [P-derived]; HF meta-llama/Llama-2-7b-hf
		 * config.json: max_position_embeddings 4096 */
		.id = "llama-2-7b", .label = "Llama 2 7B",
		.source = "MaxText llama2-7b.yml @e591f30c, HF config.json (via ref-figures)",
		.layers = 32, .hidden = 4096, .heads = 32, .kv_heads = 32, .head_dim = 128,
		.ffn = 11008, .vocab = 32000,
		.experts = 1, .experts_active = 1,
		.tied_embeddings = false, .mlp = MLP_GATED,
		.max_context = 4096,
	},
	{
		.id = "llama-2-13b", .label = "Llama 2 13B",
		.source = "MaxText llama2-13b.yml @e591f30c, HF config.json (via ref-figures)",
		.layers = 40, .hidden = 5120, .heads = 40, .kv_heads = 40, .head_dim = 128,
		.ffn = 13824, .vocab = 32000,
		.experts = 1, .experts_active = 1,
		.tied_embeddings = false, .mlp = MLP_GATED,
		.max_context = 4096,
	},
	{
		/* 8 KV heads (GQA): MaxText; HF model print k_proj out 1024 */
		.id = "llama-2-70b", .label = "Llama 2 70B",
		.source = "MaxText llama2-70b.yml @e591f30c, HF config.json (via ref-figures)",
		.layers = 80, .hidden = 8192, .heads = 64, .kv_heads = 8, .head_dim = 128,
		.ffn = 28672, .vocab = 32000,
		.experts = 1, .experts_active = 1,
		.tied_embeddings = false, .mlp = MLP_GATED,
		.max_context = 4096,
	},
	{
		/* 131072 context: rope_scaling llama3 x8 of 8192, theta 5e5 */
		.id = "llama-3.1-8b", .label = "Llama 3.1 8B",
		.source = "MaxText llama3.1-8b.yml @e591f30c, HF config.json (via ref-figures)",
		.layers = 32, .hidden = 4096, .heads = 32, .kv_heads = 8, .head_dim = 128,
		.ffn = 14336, .vocab = 128256,
		.experts = 1, .experts_active = 1,
		.tied_embeddings = false, .mlp = MLP_GATED,
		.max_context = 131072,
	},
	{
		.id = "llama-3.1-70b", .label = "Llama 3.1 70B",
		.source = "MaxText llama3.1-70b.yml @e591f30c, HF config.json (via ref-figures)",
		.layers = 80, .hidden = 8192, .heads = 64, .kv_heads = 8, .head_dim = 128,
		.ffn = 28672, .vocab = 128256,
		.experts = 1, .experts_active = 1,
		.tied_embeddings = false, .mlp = MLP_GATED,
		.max_context = 131072,
	},
	{
		.id = "llama-3.1-405b", .label = "Llama 3.1 405B",
		.source = "MaxText llama3.1-405b.yml @e591f30c, HF config.json (via ref-figures)",
		.layers = 126, .hidden = 16384, .heads = 128, .kv_heads = 8, .head_dim = 128,
		.ffn = 53248, .vocab = 128256,
		.experts = 1, .experts_active = 1,
		.tied_embeddings = false, .mlp = MLP_GATED,
		.max_context = 131072,
	},
	{
		/* tie_word_embeddings true; rope x32 */
		.id = "llama-3.2-3b", .label = "Llama 3.2 3B",
		.source = "HF meta-llama/Llama-3.2-3B config.json (via ref-figures); tied embeddings",
		.layers = 28, .hidden = 3072, .heads = 24, .kv_heads = 8, .head_dim = 128,
		.ffn = 8192, .vocab = 128256,
		.experts = 1, .experts_active = 1,
		.tied_embeddings = true, .mlp = MLP_GATED,
		.max_context = 131072,
	},
	{
		/* v0.2 (rope theta 1e6, no sliding window, vocab 32000; v0.3
		 * has 32768).  max_position_embeddings 32768: HF
		 * mistralai/Mistral-7B-Instruct-v0.2 config.json as recalled;
		 * ref §D marks it [?]. */
		.id = "mistral-7b", .label = "Mistral 7B (v0.2)",
		.source = "MaxText mistral-7b.yml @e591f30c (via ref-figures); max context 32768 from "
		          "HF config as recalled, uncertain",
		.layers = 32, .hidden = 4096, .heads = 32, .kv_heads = 8, .head_dim = 128,
		.ffn = 14336, .vocab = 32000,
		.experts = 1, .experts_active = 1,
		.tied_embeddings = false, .mlp = MLP_GATED,
		.max_context = 32768,
	},
	{
		/* 8 experts, top-2; MaxText base_moe_mlp_dim 14336.  Router
		 * (8 x 4096 per layer, 1M in all) is not counted. */
		.id = "mixtral-8x7b", .label = "Mixtral 8x7B",
		.source = "MaxText mixtral-8x7b.yml @e591f30c (via ref-figures); max context 32768 from "
		          "HF config as recalled, uncertain",
		.layers = 32, .hidden = 4096, .heads = 32, .kv_heads = 8, .head_dim = 128,
		.ffn = 14336, .vocab = 32000,
		.experts = 8, .experts_active = 2,
		.tied_embeddings = false, .mlp = MLP_GATED,
		.max_context = 32768,
	},
	{
		.id = "mixtral-8x22b", .label = "Mixtral 8x22B",
		.source = "MaxText mixtral-8x22b.yml @e591f30c (via ref-figures); max context 65536 "
		          "from HF config as recalled, uncertain",
		.layers = 56, .hidden = 6144, .heads = 48, .kv_heads = 8, .head_dim = 128,
		.ffn = 16384, .vocab = 32768,
		.experts = 8, .experts_active = 2,
		.tied_embeddings = false, .mlp = MLP_GATED,
		.max_context = 65536,
	},
	{
		/* QKV bias: (3584 + 2 x 512) x 28 = 129k parameters, 0.002%:
		 * not modelled.  Untied.  32768 = instruct config.json; the model
		 * card gives 131072 with YaRN scaling. */
		.id = "qwen2.5-7b", .label = "Qwen2.5 7B",
		.source = "HF Qwen/Qwen2.5-7B-Instruct config.json (via ref-figures); QKV bias "
		          "negligible, not modelled",
		.layers = 28, .hidden = 3584, .heads = 28, .kv_heads = 4, .head_dim = 128,
		.ffn = 18944, .vocab = 152064,
		.experts = 1, .experts_active = 1,
		.tied_embeddings = false, .mlp = MLP_GATED,
		.max_context = 32768,
	},
	{
		/* 32768 = instruct config.json; base config says 131072 */
		.id = "qwen2.5-72b", .label = "Qwen2.5 72B",
		.source = "HF Qwen/Qwen2.5-72B-Instruct config.json (via ref-figures); QKV bias "
		          "negligible, not modelled",
		.layers = 80, .hidden = 8192, .heads = 64, .kv_heads = 8, .head_dim = 128,
		.ffn = 29568, .vocab = 152064,
		.experts = 1, .experts_active = 1,
		.tied_embeddings = false, .mlp = MLP_GATED,
		.max_context = 32768,
	},
	{
		/* DeepSeek-V3 (HF deepseek-ai/DeepSeek-V3 config.json via ref
		 * §D): 61 layers, first 3 dense (first_k_dense_replace 3,
		 * intermediate_size 18432), then 256 routed experts of 2048
		 * (moe_intermediate_size) + 1 shared, top-8; MLA with
		 * q_lora_rank 1536, kv_lora_rank 512, qk_rope_head_dim 64,
		 * qk_nope_head_dim 128, v_head_dim 128; vocab 129280, untied;
		 * max_position_embeddings 163840.  The multi-token-prediction
		 * module (14B; HF's 685B) is not modelled. */
		.id = "deepseek-v3", .label = "DeepSeek-V3 (MLA, MoE)",
		.source = "HF deepseek-ai/DeepSeek-V3 config.json (via ref-figures); MTP module not "
		          "modelled",
		.layers = 61, .hidden = 7168, .heads = 128, .kv_heads = 128, .head_dim = 128,
		.ffn = 2048, .vocab = 129280,
		.experts = 256, .experts_active = 8, .shared_experts = 1,
		.dense_layers = 3, .dense_ffn = 18432,
		.tied_embeddings = false, .mlp = MLP_GATED,
		.mla_latent = 512, .mla_rope = 64, .q_lora = 1536, .v_head_dim = 128,
		.max_context = 163840,
	},
	{
		/* Phi-3-mini-4k-instruct: MHA, head 96, fused gate_up (gated) */
		.id = "phi-3-mini", .label = "Phi-3-mini (4k)",
		.source = "HF microsoft/Phi-3-mini-4k-instruct config.json (via ref-figures)",
		.layers = 32, .hidden = 3072, .heads = 32, .kv_heads = 32, .head_dim = 96,
		.ffn = 8192, .vocab = 32064,
		.experts = 1, .experts_active = 1,
		.tied_embeddings = false, .mlp = MLP_GATED,
		.max_context = 4096,
	},
	{
		/* vocab 256000 (HF config; MaxText pads to 256128), tied, head
		 * 256, max_position_embeddings 8192 (Gemma configs in public
		 * code read 2026-11-26 show 256000/8192 [S]).  Every other layer
		 * is a 4096-token sliding window: not modelled, so the KV cache
		 * is overstated beyond 4096 tokens. */
		.id = "gemma-2-9b", .label = "Gemma 2 9B",
		.source = "HF google/gemma-2-9b config.json (via ref-figures); tied; sliding-window "
		          "layers not modelled (KV overstated > 4096 tok)",
		.layers = 42, .hidden = 3584, .heads = 16, .kv_heads = 8, .head_dim = 256,
		.ffn = 14336, .vocab = 256000,
		.experts = 1, .experts_active = 1,
		.tied_embeddings = true, .mlp = MLP_GATED,
		.max_context = 8192,
	},
	{
		.id = "gemma-2-27b", .label = "Gemma 2 27B",
		.source = "HF google/gemma-2-27b config.json (via ref-figures); tied; sliding-window "
		          "layers not modelled (KV overstated > 4096 tok)",
		.layers = 46, .hidden = 4608, .heads = 32, .kv_heads = 16, .head_dim = 128,
		.ffn = 36864, .vocab = 256000,
		.experts = 1, .experts_active = 1,
		.tied_embeddings = true, .mlp = MLP_GATED,
		.max_context = 8192,
	},
};

/* ------------------------------------------------------------- tables */

/* Models, accelerators and instances are looked up the same way: by the id
 * that opens each struct.  A table pairs the built-in rows with the user
 * rows (none for instances); a user row with a built-in's id shadows it. */
_Static_assert(offsetof(model_spec, id) == 0 && offsetof(gpu_spec, id) == 0
               && offsetof(instance_spec, id) == 0, "catalog rows start with their id");

typedef struct {
	const void *builtin;
	size_t n_builtin;
	void *user;                 /* CATALOG_USER_MAX rows, or NULL */
	size_t n_user;
	size_t stride;              /* sizeof the row struct */
} table;

static const char *row_id(const void *rows, size_t stride, size_t i)
{
	return (const char *)rows + i * stride;
}

/* Index of the row with this id (case-insensitive), or -1. */
static long row_find(const void *rows, size_t n, size_t stride, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(row_id(rows, stride, i), id) == 0)
			return (long)i;
	return -1;
}

static bool shadows_builtin(const table *t, size_t u)
{
	return row_find(t->builtin, t->n_builtin, t->stride, row_id(t->user, t->stride, u)) >= 0;
}

/* Listing order: the built-ins (each replaced in place by a user row of the
 * same id), then the user rows with new ids, in order of addition. */
static size_t table_count(const table *t)
{
	size_t n = t->n_builtin;
	for (size_t u = 0; u < t->n_user; u++)
		if (!shadows_builtin(t, u))
			n++;
	return n;
}

static const void *table_at(const table *t, size_t i)
{
	if (i < t->n_builtin) {
		const void *row = row_id(t->builtin, t->stride, i);
		long u = row_find(t->user, t->n_user, t->stride, row);
		return u >= 0 ? row_id(t->user, t->stride, (size_t)u) : row;
	}
	i -= t->n_builtin;
	for (size_t u = 0; u < t->n_user; u++) {
		if (shadows_builtin(t, u))
			continue;
		if (i-- == 0)
			return row_id(t->user, t->stride, u);
	}
	return NULL;
}

static const void *table_lookup(const table *t, const char *id)
{
	if (!id)
		return NULL;
	long u = row_find(t->user, t->n_user, t->stride, id);
	if (u >= 0)
		return row_id(t->user, t->stride, (size_t)u);
	long b = row_find(t->builtin, t->n_builtin, t->stride, id);
	return b >= 0 ? row_id(t->builtin, t->stride, (size_t)b) : NULL;
}

/* Add or replace a user row: 0, or -1 when full or the id is empty or
 * unterminated. */
static int table_add(table *t, const void *row)
{
	const char *id = row;
	if (!row || !id[0] || !memchr(id, '\0', ID_MAX))
		return -1;
	long u = row_find(t->user, t->n_user, t->stride, id);
	if (u < 0) {
		if (t->n_user >= CATALOG_USER_MAX)
			return -1;
		u = (long)t->n_user++;
	}
	memcpy((char *)t->user + (size_t)u * t->stride, row, t->stride);
	return 0;
}

static void table_reset(table *t)
{
	memset(t->user, 0, CATALOG_USER_MAX * t->stride);
	t->n_user = 0;
}

static model_spec user_models[CATALOG_USER_MAX];
static gpu_spec user_gpus[CATALOG_USER_MAX];

static table models = {
	builtin_models, sizeof builtin_models / sizeof builtin_models[0],
	user_models, 0, sizeof(model_spec),
};
static table gpus = {
	builtin_gpus, sizeof builtin_gpus / sizeof builtin_gpus[0],
	user_gpus, 0, sizeof(gpu_spec),
};
static const table instances = {
	builtin_instances, sizeof builtin_instances / sizeof builtin_instances[0],
	NULL, 0, sizeof(instance_spec),
};

/* ------------------------------------------------------------ the API */

size_t catalog_model_count(void) { return table_count(&models); }
const model_spec *catalog_model_at(size_t i) { return table_at(&models, i); }
const model_spec *catalog_model(const char *id) { return table_lookup(&models, id); }

size_t catalog_gpu_count(void) { return table_count(&gpus); }
const gpu_spec *catalog_gpu_at(size_t i) { return table_at(&gpus, i); }
const gpu_spec *catalog_gpu(const char *id) { return table_lookup(&gpus, id); }

size_t catalog_instance_count(void) { return table_count(&instances); }
const instance_spec *catalog_instance_at(size_t i) { return table_at(&instances, i); }
const instance_spec *catalog_instance(const char *id) { return table_lookup(&instances, id); }

int catalog_add_model(const model_spec *m) { return table_add(&models, m); }
int catalog_add_gpu(const gpu_spec *g) { return table_add(&gpus, g); }

void catalog_reset_user(void)
{
	table_reset(&models);
	table_reset(&gpus);
}

double catalog_instance_price(const instance_spec *in, const char *region_id, int *known)
{
	if (known)
		*known = 0;
	if (!in)
		return 0;
	if (region_id && region_id[0]) {
		int n = in->n_prices < MAX_INSTANCE_PRICES ? in->n_prices : MAX_INSTANCE_PRICES;
		for (int i = 0; i < n; i++) {
			if (strcasecmp(in->prices[i].region, region_id) == 0) {
				if (known)
					*known = 1;
				return in->prices[i].usd_per_hour;
			}
		}
	}
	return in->usd_per_hour;
}

double catalog_assumed_mbu_half_bytes(double bandwidth, double mbu)
{
	return H100_LAYER_S * bandwidth * mbu;
}

double catalog_assumed_mfu_half_tokens(void)
{
	return H100_MFU_HALF_TOKENS;
}
