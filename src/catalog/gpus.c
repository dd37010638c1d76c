/* gpus.c — the built-in accelerators, each figure with its source (the
 * conventions are in catalog_impl.h), and the table user [gpu.ID] entries join. */
#include "catalog_impl.h"

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
		ASSUMED_HALF(1.555 * TB_S),
		.overhead_bytes = 1.5 * GiB,
		/* owning: 400 W TDP (ref §A); DGX A100 6.5 kW max system
		 * power and "starting at $199,000" list at launch (NVIDIA DGX
		 * A100 datasheet and press release, 2020-05-14; recalled [?]):
		 * per GPU 6,500/8 W and 199,000/8 $ */
		.tdp_w = 400,
		.system_w = 6500.0 / 8,
		.purchase_usd = 199000.0 / 8,
		.devices_per_server = 8,
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
		ASSUMED_HALF(2.039 * TB_S),
		.overhead_bytes = 1.5 * GiB,
		/* owning: 400 W TDP (ref §A: the A100 datasheet's SXM figure);
		 * a DGX A100 640GB has the 40GB model's 6.5 kW max system power
		 * (NVIDIA DGX A100 datasheet; recalled [?]): 6,500/8 W per GPU,
		 * the basis of the A100 40GB and H100 entries; no purchase price
		 * found (0). */
		.tdp_w = 400,
		.system_w = 6500.0 / 8,
		.devices_per_server = 8,
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
		.eff_source = "measured: joint fit to 15 decode + 4 prefill H100 SXM points "
		              "(bf16, fp8; MHA, GQA), median residual 2.5%, worst 4.2%; "
		              "infertui-model(7)",
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
		/* the joint fit (catalog_impl.h, infertui-model(7),
		 * "Calibration"): mbu, a fixed 39.6 us per layer, mfu and its
		 * half point at 286 hidden columns per device */
		.mbu = H100_MBU,
		.mfu = H100_MFU,
		.mbu_half_bytes = H100_LAYER_S * 3.35 * TB_S * H100_MBU,
		.mfu_half_hidden = H100_MFU_HALF_HIDDEN,
		.eff_basis = EFF_MEASURED,
		.overhead_bytes = 1.5 * GiB,
		/* owning: 700 W TDP (ref §A); DGX H100 10.2 kW max system
		 * power (NVIDIA DGX H100 user guide, via supercluster.blog
		 * "DGX Power, Cooling and Efficiency" [S]; measured peaks are
		 * lower: 8.4 kW training, Latif et al., IEEE Access 13, 2025,
		 * arXiv:2412.08602); price: NVIDIA publishes none, so the street
		 * figure: DGX H100 sale price ~$270,000 (SemiAnalysis, "AI
		 * Server Cost Analysis", 2023-05, as cited by Epoch AI's
		 * training-cost-trends) [S, street]; list "base price $199,000"
		 * per supercluster.blog.  Per GPU 10,200/8 W and 270,000/8 $. */
		.tdp_w = 700,
		.system_w = 10200.0 / 8,
		.purchase_usd = 270000.0 / 8,
		.devices_per_server = 8,
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
		.eff_source = "measured ceilings: H100 fit x H200/H100 copy (4.189 vs 3.016 TB/s) "
		              "and bf16 GEMM (746.4 vs 784.1 TFLOP/s); infertui-model(7)",
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
		/* the H100 fit scaled by this chip's measured ceilings
		 * (catalog_impl.h): copy 4.189 TB/s, bf16 GEMM 746.4 TFLOP/s */
		.mbu = H200_MBU,
		.mfu = H200_MFU,
		.mbu_half_bytes = H100_LAYER_S * 4.8 * TB_S * H200_MBU,
		.mfu_half_hidden = H100_MFU_HALF_HIDDEN,
		.eff_basis = EFF_CEILINGS,
		.overhead_bytes = 1.5 * GiB,
		/* owning: 700 W TDP (ref §A); DGX H200 10.2 kW max input, as
		 * the DGX H100 (NVIDIA DGX H100/H200 user guide, via
		 * unanswered.io [S]); no purchase price found (0). */
		.tdp_w = 700,
		.system_w = 10200.0 / 8,
		.devices_per_server = 8,
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
		ASSUMED_HALF(8.0 * TB_S),
		.overhead_bytes = 1.5 * GiB,
		/* owning: 1000 W (ref §A: the HGX B200 configuration); a DGX
		 * B200 draws ~14.3 kW at most (NVIDIA DGX B200 datasheet;
		 * recalled [?]): 14,300/8 W per GPU, the system basis of the
		 * A100 and H100 entries; no purchase price found (0).  PCIe
		 * cards and OAM modules with only a board figure (H100 PCIe,
		 * L40S, MI300X, Gaudi 3) are left without one: a card's watts
		 * beside a system's would make their J per token look low. */
		.tdp_w = 1000,
		.system_w = 14300.0 / 8,
		.devices_per_server = 8,
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
		ASSUMED_HALF(0.300 * TB_S),
		.overhead_bytes = 1.0 * GiB,
		/* owning: 72 W TDP (ref §A); the card alone (no host share
		 * found); no purchase price found (0). */
		.tdp_w = 72,
		.system_w = 72,
		.devices_per_server = 1,
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
		ASSUMED_HALF(80 * TB_S),
		/* compiler-scheduled, no runtime allocator in SRAM [?] */
		.overhead_bytes = 0,
	},
	/* ---- edge devices (the seed's "Edge Inference in APAC"): bought, not
	 * rented.  usd_per_hour follows the header's rule for parts with no
	 * rental price (price / 26,280 h x 3) only so that the headline fleet
	 * has a figure; the edge-3b preset prices them as owned devices. */
	{
		/* NVIDIA GeForce RTX 4090.  24 GB GDDR6X on a 384-bit bus at
		 * 21 Gbit/s = 1,008 GB/s; 450 W; launched at $1,599 MSRP
		 * (2022-10-12).  pcspecchart.com "RTX 4090 Specifications"
		 * (launch price $1599, 450 W, 24 GB) and the octo24.com spec
		 * sheet (1008 GB/s, 450 W) [S].  Dense tensor rates from the
		 * NVIDIA Ada GPU architecture whitepaper (v2.1, appendix),
		 * recalled [?]: FP16/BF16 165.2 TFLOPS with FP32 accumulate
		 * (330.3 with FP16 accumulate), FP8 330.3, INT8 660.6 TOPS,
		 * FP32 82.6.  PCIe Gen4 x16: 32 GB/s each way, no NVLink. */
		.id = "rtx-4090",
		.label = "NVIDIA GeForce RTX 4090 24GB",
		.source = "pcspecchart.com, octo24.com spec sheet [S]; $1,599 MSRP (2022-10-12); "
		          "tensor TFLOPS from the Ada whitepaper, recalled [?]",
		.eff_source = ASSUMED_EFF,
		.mem_bytes = 24 * GiB,
		.bandwidth = 1008 * GB_S,
		.flops = {
			[PREC_FP32] = 82.6 * TF,
			[PREC_BF16] = 165.2 * TF,
			[PREC_FP16] = 165.2 * TF,
			[PREC_FP8] = 330.3 * TF,
			[PREC_INT8] = 660.6 * TF,
			[PREC_INT4] = 0,
		},
		.link_bw = 32 * GB_S,
		.alpha_s = 30 * US,      /* assumed: PCIe */
		.usd_per_hour = 1599.0 / 26280.0 * 3.0,   /* rule (header) [D] */
		ASSUMED_HALF(1008 * GB_S),
		.overhead_bytes = 1.0 * GiB,
		/* the card alone: a host PC adds its own draw (not counted) */
		.tdp_w = 450,
		.system_w = 450,
		.purchase_usd = 1599,
		.devices_per_server = 1,
	},
	{
		/* Apple M4 Max, as in the base Mac Studio (2025): 14-core CPU,
		 * 32-core GPU, 36 GB unified memory at 410 GB/s, $1,999
		 * (Macworld on the 2025-03-05 launch; the 16-core/40-core M4
		 * Max of the MacBook Pro reaches 546 GB/s and 128 GB,
		 * macmegasite.com 2024-10-30) [S].  Sustained draw ~230 W at
		 * the wall under a long render (toolstac.com Mac Studio
		 * review) [S].  GPU compute: 32 cores x 128 FP32 lanes x 2 x
		 * ~1.58 GHz = 12.9 TFLOPS [D, ?]; FP16 at the FP32 rate, no
		 * FP8/INT8 tensor path on the GPU [?].  Thunderbolt 5,
		 * 120 Gbit/s = 15 GB/s, is its only link. */
		.id = "m4-max",
		.label = "Apple M4 Max 36GB (Mac Studio)",
		.source = "Macworld (Mac Studio 2025-03-05: $1,999, 36 GB, 410 GB/s) [S]; 230 W "
		          "toolstac.com [S]; GPU TFLOPS derived [?]",
		.eff_source = ASSUMED_EFF,
		.mem_bytes = 36 * GiB,
		.bandwidth = 410 * GB_S,
		.flops = {
			[PREC_FP32] = 12.9 * TF,
			[PREC_BF16] = 12.9 * TF,
			[PREC_FP16] = 12.9 * TF,
			[PREC_FP8] = 0,
			[PREC_INT8] = 0,
			[PREC_INT4] = 0,
		},
		.link_bw = 15 * GB_S,
		.alpha_s = 100 * US,     /* assumed: Thunderbolt */
		.usd_per_hour = 1999.0 / 26280.0 * 3.0,   /* rule (header) [D] */
		ASSUMED_HALF(410 * GB_S),
		.overhead_bytes = 1.0 * GiB,
		.tdp_w = 230,
		.system_w = 230,
		.purchase_usd = 1999,
		.devices_per_server = 1,
	},
	{
		/* Qualcomm Snapdragon 8 Gen 3 (Galaxy S24 Ultra class phone).
		 * LPDDR5X-4800: 76.8 GB/s; Hexagon NPU 45 TOPS INT8; phones
		 * with it sold at $899-1,399 (runlocalai.co hardware page)
		 * [S]; $1,299 is the S24 Ultra's launch price [?]; 12 GB of
		 * memory as in the S24 Ultra [?].  Power: 6.27 W for the big
		 * core alone in SPECint06 (Golden Reviewer on the Xiaomi 14
		 * Pro, via meterpreter.org) [S]; the whole SoC under an LLM
		 * is not published [?].  FP16: Adreno 750 at ~9.2 TFLOPS,
		 * recalled [?]. */
		.id = "sd-8-gen-3",
		.label = "Snapdragon 8 Gen 3 phone 12GB",
		.source = "runlocalai.co (76.8 GB/s, 45 TOPS, $899-1,399) [S]; 6.27 W big-core "
		          "SPECint06 via meterpreter.org [S]; FP16 and memory uncertain [?]",
		.eff_source = ASSUMED_EFF,
		.mem_bytes = 12 * GiB,
		.bandwidth = 76.8 * GB_S,
		.flops = {
			[PREC_FP32] = 4.6 * TF,
			[PREC_BF16] = 9.2 * TF,
			[PREC_FP16] = 9.2 * TF,
			[PREC_FP8] = 0,
			[PREC_INT8] = 45 * TF,
			[PREC_INT4] = 0,
		},
		.link_bw = 1 * GB_S,     /* none: a phone has no peer link */
		.alpha_s = 100 * US,     /* assumed */
		.usd_per_hour = 1299.0 / 26280.0 * 3.0,   /* rule (header) [D] */
		ASSUMED_HALF(76.8 * GB_S),
		.overhead_bytes = 1.0 * GiB,
		.tdp_w = 6.27,
		.system_w = 6.27,
		.purchase_usd = 1299,
		.devices_per_server = 1,
	},
};

static gpu_spec user_gpus[CATALOG_USER_MAX];

catalog_table catalog_gpus = {
	builtin_gpus, sizeof builtin_gpus / sizeof builtin_gpus[0],
	user_gpus, 0, sizeof(gpu_spec),
};
