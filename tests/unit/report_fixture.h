/* report_fixture.h — a report written to a string, for unit tests that
 * compare or scan reports (test_report, test_properties). */
#ifndef INFERTUI_TEST_REPORT_FIXTURE_H
#define INFERTUI_TEST_REPORT_FIXTURE_H

#include <stdio.h>

#include "report.h"

/* the report of r in format f, as a string (malloc'd: free it) */
static char *render(enum report_format f, const scenario *s, const results *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);

	assert_non_null(m);
	assert_int_equal(report_write(m, f, s, r), 0);
	fclose(m);
	return buf;
}

#endif
