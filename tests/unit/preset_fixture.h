/* preset_fixture.h — unit tests load a shipped preset by name from the
 * source tree ($top_srcdir, else the configured one), over the defaults and
 * with no user catalog entries left from an earlier test. */
#ifndef INFERTUI_TEST_PRESET_FIXTURE_H
#define INFERTUI_TEST_PRESET_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>

#include "catalog.h"
#include "config.h"
#include "params.h"

static const char *srcdir(void)
{
	const char *d = getenv("top_srcdir");
	return d && *d ? d : INFERTUI_SRCDIR;
}

static void load_preset(const char *name, scenario *s)
{
	char path[1024];
	diag d;

	snprintf(path, sizeof path, "%s/presets/%s.ini", srcdir(), name);
	diag_init(&d);
	catalog_reset_user();
	scenario_defaults(s);
	if (config_load_preset(path, s, &d) != 0) {
		diag_print(&d, stderr);
		fail_msg("cannot load %s", path);
	}
}

#endif
