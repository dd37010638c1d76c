/* regions.c — electricity prices of the seed's regions and us-east, by
 * region name, each with its source and date.  Retail tariffs (except
 * us-east's commercial average): a data centre's negotiated rate is lower,
 * so each is only a default ([region.NAME] usd_per_kwh, own.usd_per_kwh). */
#include <strings.h>

#include "catalog_impl.h"

typedef struct {
	const char *names[5];
	double usd_per_kwh;
} region_power;

static const region_power region_power_table[] = {
	/* Virginia commercial average 8.95 c/kWh, EIA Electric Power Annual
	 * (2023 data, released 2024-10-17), "Average revenue per kWh" map [P] */
	{ { "us-east", "us-east-1", "use1", "virginia", NULL }, 0.0895 },
	/* CLP Power's average net tariff for 2026, 140.6 HK cents/kWh (basic
	 * 101.2 + fuel clause 39; Hong Kong Free Press, 2025-11-19) [S], at
	 * HK$7.80 per US$ (the linked rate's 7.75-7.85 band, HKMA) [D]:
	 * 1.406 / 7.80 = $0.1803 */
	{ { "hk", "hong-kong", "hongkong", "ap-east-1", NULL }, 1.406 / 7.80 },
	/* EMA: regulated tariffs averaged 28.1 Singapore cents/kWh from Jul
	 * 2024 to Jun 2025 (Singapore Energy Statistics, chapter 5) [P], at
	 * S$1.2943 per US$ (2025-05-07, trulysg.com citing CNA) [S]:
	 * 0.281 / 1.2943 = $0.2171 */
	{ { "sg", "singapore", "ap-southeast-1", NULL }, 0.281 / 1.2943 },
	/* Ausgrid (Sydney) average single-rate usage charge 34.0 Australian
	 * cents/kWh (Canstar Blue 2024-07-09, via ratecity.com.au) [S], at
	 * US$0.65 per A$ (mid-2025, approximate) [?]: $0.221 */
	{ { "syd", "sydney", "ap-southeast-2", NULL }, 0.340 * 0.65 },
};

double catalog_region_usd_per_kwh(const char *region)
{
	size_t n = sizeof region_power_table / sizeof region_power_table[0];

	if (!region)
		return 0.0;
	for (size_t i = 0; i < n; i++)
		for (int k = 0; k < 5 && region_power_table[i].names[k]; k++)
			if (strcasecmp(region, region_power_table[i].names[k]) == 0)
				return region_power_table[i].usd_per_kwh;
	return 0.0;
}
