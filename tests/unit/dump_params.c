/* dump_params — print the KEYS list of infertui.ini(5) from the parameter
 * table, one troff paragraph per key.  tests/unit/man-keys.sh checks that
 * every line it prints appears in man/infertui.ini.5, so the page cannot
 * drift from the table; the page's list was produced by this program. */
#include <stdio.h>
#include <string.h>

#include "params.h"

static void num(char *buf, size_t len, double v)
{
	params_format_exact(buf, len, v, 1);
}

int main(void)
{
	int group = -1;
	for (size_t i = 0; i < params_count(); i++) {
		const param *p = params_at(i);
		char lo[32], hi[32], def[32];
		if ((int)p->group != group) {
			group = (int)p->group;
			char sec[32];
			snprintf(sec, sizeof sec, "%s", params_group_name(p->group));
			sec[0] = (char)(sec[0] - 'A' + 'a');
			printf(".SS [%s]\n", sec);
		}
		printf(".TP\n.B %s\n", p->key);
		printf("%s%s%s%s: %s.\n", p->label, p->unit[0] ? " (" : "", p->unit,
		       p->unit[0] ? ")" : "", p->help);
		num(lo, sizeof lo, p->min);
		num(hi, sizeof hi, p->max);
		num(def, sizeof def, p->def);
		const char *from = (p->flags & PF_FROM_MODEL) ? "the model's catalog entry" :
		                   (p->flags & PF_FROM_GPU) ? "the accelerator's catalog entry" : NULL;
		switch (p->type) {
		case PT_INT:
		case PT_REAL:
			printf("%s %s to %s%s%s", p->type == PT_INT ? "Whole number," : "Number,",
			       lo, hi, p->unit[0] ? " " : "", p->unit);
			if (from)
				printf("; default from %s.\n", from);
			else
				printf("; default %s.\n", def);
			break;
		case PT_BOOL:
			if (from)
				printf("Boolean; default from %s.\n", from);
			else
				printf("Boolean; default %s.\n", p->def ? "true" : "false");
			break;
		case PT_CHOICE:
			printf("One of:");
			for (size_t c = 0; p->choices[c]; c++)
				printf(" %s%s", p->choices[c], p->choices[c + 1] ? "," : "");
			if (from)
				printf("; default from %s.\n", from);
			else
				printf("; default %s.\n", p->choices[(size_t)p->def]);
			break;
		case PT_MODEL:
			printf("A model id (\\fBinfertui \\-\\-list\\-models\\fR); default llama\\-3.1\\-8b.\n");
			break;
		case PT_GPU:
			printf("An accelerator id (\\fBinfertui \\-\\-list\\-gpus\\fR); default h100\\-sxm.\n");
			break;
		}
	}
	return 0;
}
