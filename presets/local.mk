# shipped presets (owner: fleet)
dist_presets_DATA += \
	presets/apac-3region.ini \
	presets/per-token-70b-2xa100.ini \
	presets/finserv-before.ini \
	presets/finserv-after.ini \
	presets/h200-single-70b.ini \
	presets/mixtral-moe.ini \
	presets/speculative-decoding.ini \
	presets/long-context-128k.ini \
	presets/edge-3b.ini \
	presets/own-vs-rent-70b.ini \
	presets/hybrid-burst.ini \
	presets/gpt4o-to-70b.ini
