/* report.h — text, JSON, Markdown and CSV reports of one evaluation. */
#ifndef INFERTUI_REPORT_H
#define INFERTUI_REPORT_H

#include <stdio.h>
#include "scenario.h"
#include "model/model.h"

enum report_format { REPORT_TEXT, REPORT_JSON, REPORT_MARKDOWN, REPORT_CSV };

/* Returns 0, or -1 when writing failed (errno set). */
int report_write(FILE *out, enum report_format f, const scenario *s,
                 const results *r);

#endif
