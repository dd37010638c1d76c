# shipped themes (owner: config)
dist_themes_DATA += \
	themes/default.ini \
	themes/light.ini \
	themes/high-contrast.ini \
	themes/solarized.ini \
	themes/mono.ini
