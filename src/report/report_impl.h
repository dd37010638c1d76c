/* report_impl.h — the two writers behind report_write(): the structured
 * emitter (emit.c) and the text/Markdown layout (text.c).  Private to
 * src/report/.
 */
#ifndef INFERTUI_REPORT_IMPL_H
#define INFERTUI_REPORT_IMPL_H

#include <stdbool.h>
#include <stdio.h>

#include "report.h"

/* JSON (json) or CSV, from one walk over the results */
void report_emit_structured(FILE *out, bool json, const scenario *s, const results *r);
/* text for a person, or Markdown (md) with the same tables */
void report_emit_text(FILE *out, const scenario *s, const results *r, bool md);
/* whether an option has a price: not one whose model does not fit its
 * hardware (text: "does not fit"; JSON and CSV: null) */
bool report_option_priced(const option_result *o);

#endif
