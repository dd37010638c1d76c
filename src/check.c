/* check.c — --check: each file read as a theme or a preset (by its
 * sections), every problem printed.  Sits above config/ and theme.c. */
#include <stdbool.h>

#include "catalog.h"
#include "check.h"
#include "config.h"
#include "params.h"
#include "theme.h"

int config_check_files(int n, char **paths, FILE *err)
{
	int bad = 0;
	for (int i = 0; i < n; i++) {
		static diag d;
		diag_init(&d);
		int nerr = 0;
		config_ini *ini = config_ini_read(paths[i], &d, &nerr);
		bool is_theme = ini && config_ini_section_line(ini, "theme") > 0;
		config_ini_free(ini);
		int rc;
		diag_init(&d);
		if (is_theme) {
			static theme t;
			rc = theme_load(paths[i], &t, &d);
		} else {
			/* each file on its own: no [gpu.ID] left over from the last */
			static scenario s;
			catalog_reset_user();
			static diag ud;
			diag_init(&ud);
			(void)config_load_user_catalog(&ud);   /* checked at startup */
			scenario_defaults(&s);
			rc = config_load_preset(paths[i], &s, &d);
		}
		if (rc != 0) {
			bad++;
			diag_print(&d, err);
		}
	}
	return bad;
}
