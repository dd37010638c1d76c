/* params.h — the one table of every tunable input.
 *
 * Each row: dotted key (the INI key, the --set key and the report's input
 * name), label, unit, group, range, step, slider mapping, default, and where
 * in the scenario it lives.  Validation, sliders, INI keys, the report's
 * inputs and the man page's key list all come from this table.
 */
#ifndef INFERTUI_PARAMS_H
#define INFERTUI_PARAMS_H

#include <stdbool.h>
#include <stddef.h>
#include "scenario.h"

enum param_type {
	PT_INT,       /* whole number; stored as int */
	PT_REAL,      /* real number; stored as double */
	PT_BOOL,      /* stored as bool */
	PT_CHOICE,    /* one of a fixed list; stored as int index (or enum) */
	PT_MODEL,     /* a model catalog id; setting it copies the shape */
	PT_GPU,       /* an accelerator catalog id; setting it copies the spec */
};

enum param_group {
	G_MODEL, G_PRECISION, G_HARDWARE, G_SERVING, G_WORKLOAD, G_FLEET,
	G_PRICING, G_OWN, G_COUNT
};

/* flags */
#define PF_LOG        0x01  /* logarithmic slider */
#define PF_FROM_MODEL 0x02  /* default comes from the chosen model's catalog entry */
#define PF_FROM_GPU   0x04  /* default comes from the chosen accelerator's entry */
#define PF_ZERO_AUTO  0x08  /* 0 means "automatic" (shown as auto) */
#define PF_COMPUTE_FLOPS 0x10 /* offset is gpu.flops[]: indexed by the resolved
                                 compute precision (hardware.tflops) */

typedef struct param {
	const char *key;            /* "serving.max_batch" */
	const char *label;          /* "Max batch" */
	const char *unit;           /* user unit: "GB", "ms", "$/h", "" */
	const char *help;           /* one line for the help screen and man page */
	enum param_type type;
	enum param_group group;
	double min, max;            /* in user units, inclusive */
	double step, big_step;      /* linear step; for PF_LOG a factor */
	double def;                 /* default, user units (ignored for PT_MODEL/PT_GPU) */
	double scale;               /* stored SI value = user value × scale */
	const char *const *choices; /* PT_CHOICE: NULL-terminated lower-case names */
	const int *choice_values;   /* PT_CHOICE: stored value of each choice (NULL: index) */
	size_t offset;              /* offsetof(scenario, field) */
	unsigned flags;
} param;

const char *params_group_name(enum param_group g);   /* "Model", ... */
size_t params_count(void);
const param *params_at(size_t i);
const param *params_find(const char *key);           /* exact, NULL if none */
/* The nearest key to a misspelt one (edit distance), or NULL if none is close. */
const char *params_suggest(const char *key);

/* Scenario with every default (llama-3.1-8b on one h100-sxm ...). */
void scenario_defaults(scenario *s);

/* Parse text (INI/--set syntax) and store it.  Numbers: decimal or exponent
 * form, no octal, no hex, no trailing junk, finite, within [min,max];
 * booleans true/false yes/no on/off 1/0; choices by lower-case name.
 * Returns 0, or -1 with a message (no key prefix) such as
 * "value '9999' out of range (allowed: 1 to 4096)" in err. */
int params_set_text(scenario *s, const param *p, const char *text,
                    char *err, size_t errlen);
/* Current value as text in user units, round-trippable through set_text. */
void params_get_text(const scenario *s, const param *p, char *buf, size_t len);
/* Numeric value in user units (choice: index; bool: 0/1). */
double params_get(const scenario *s, const param *p);
/* Set a numeric value in user units, clamped to [min,max] (slider use). */
void params_set(scenario *s, const param *p, double v);
/* One slider step: dir -1/+1, big for Shift/PgUp; clamps; choices cycle. */
void params_step(scenario *s, const param *p, int dir, bool big);
/* Slider position 0..1 of the current value, and back (log-aware). */
double params_position(const scenario *s, const param *p);
void params_set_position(scenario *s, const param *p, double pos);
/* true when the value equals its default (or the catalog's for PF_FROM_*). */
bool params_is_default(const scenario *s, const param *p);
/* Where the current value comes from: "default", "catalog: <source>", "set". */
const char *params_provenance(const scenario *s, const param *p);

/* Choice names for PT_CHOICE / PT_MODEL / PT_GPU (catalog-backed). */
size_t params_choice_count(const param *p);
const char *params_choice_name(const param *p, size_t i);

/* Names of precision/batching/... enums, for reports. */
const char *params_prec_name(int prec);

/* precision.compute resolved (PREC_AUTO: fp8 for fp8 weights, else bf16). */
int params_compute_prec(const scenario *s);
/* Strict decimal number (no hex, octal, inf, nan, junk): 0; -1 not a
 * number; -2 overflow. */
int params_parse_number(const char *text, double *out);
/* Levenshtein distance (capped for long words), and the nearest of cands
 * to word when it is close enough to be a likely typo (else NULL). */
size_t params_edit_distance(const char *a, const char *b);
const char *params_nearest(const char *word, const char *const *cands, size_t n);
/* Checks across parameters (kv_heads <= heads, experts_active <= experts,
 * ...): 0, or -1 with the message in err and the offending key in *key. */
int params_validate(const scenario *s, char *err, size_t errlen, const char **key);
/* The shortest decimal text u with strtod(u)·scale == x exactly (so that
 * saving and loading reproduce x bit for bit); "e+" written as "e". */
void params_format_exact(char *buf, size_t len, double x, double scale);

#endif
