/* instances.c — the built-in cloud instances and their regional prices, each
 * with its source and date. */
#include "catalog_impl.h"

/* Price cut of mid-2025 on AWS P4/P5 instances: post-cut us-east-1 price
 * divided by the pre-cut one of the SkyPilot snapshot (ref §B1).  Regional
 * prices of the cut instances are the snapshot's regional prices times this
 * factor [D]: the cut was a uniform percentage (p4d and p4de both come out at
 * exactly 0.6700), and the snapshot's regional premiums are what is known. */
#define P4D_CUT (21.9576 / 32.7726)    /* = 0.6700 */
#define P4DE_CUT (27.4471 / 40.9658)   /* = 0.6700 */
#define P5_CUT (55.04 / 98.32)         /* = 0.5598 */
#define P5EN_CUT (63.296 / 84.80)      /* = 0.7464 */

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

const catalog_table catalog_instances = {
	builtin_instances, sizeof builtin_instances / sizeof builtin_instances[0],
	NULL, 0, sizeof(instance_spec),
};
