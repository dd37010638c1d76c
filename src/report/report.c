/* report.c — report_write(): one evaluation in the chosen format (JSON and
 * CSV in emit.c, text and Markdown in text.c). */
#include <errno.h>

#include "report/report_impl.h"

int report_write(FILE *out, enum report_format f, const scenario *s,
                 const results *r)
{
	switch (f) {
	case REPORT_JSON: report_emit_structured(out, true, s, r); break;
	case REPORT_CSV: report_emit_structured(out, false, s, r); break;
	case REPORT_MARKDOWN: report_emit_text(out, s, r, true); break;
	case REPORT_TEXT:
	default: report_emit_text(out, s, r, false); break;
	}
	if (fflush(out) != 0 || ferror(out)) {
		if (!errno)
			errno = EIO;
		return -1;
	}
	return 0;
}
