/* answers.h — from figures to answers: the cheapest configuration that
 * meets the SLOs (search), sweeps, side-by-side comparisons and
 * sensitivity.  Built on the public math API (model_eval) and the
 * parameter table only: every answer is a scenario that `--report` would
 * evaluate to the same figures.  No curses here; the explorer's views call
 * the same functions.
 */
#ifndef INFERTUI_ANSWERS_H
#define INFERTUI_ANSWERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "scenario.h"
#include "report.h"
#include "model/model.h"

/* ---- the search (--optimize) ------------------------------------------ */

#define SEARCH_MAX_GPU_IDS 64
#define SEARCH_MAX_LIST 32
#define SEARCH_TOP_MAX 50
#define SEARCH_EXCLUDED_MAX 8

enum search_objective { OBJ_MONTHLY, OBJ_RESERVED, OBJ_TOKENS };

/* What to search and under which caps.  A list with n == 0 takes its
 * default (see search_opts_defaults and infertui(1), "SEARCH"). */
typedef struct {
	int n_gpu_ids;
	char gpu_ids[SEARCH_MAX_GPU_IDS][ID_MAX];  /* accelerators (0: all) */
	int n_tp, tp[SEARCH_MAX_LIST];             /* GPUs per replica */
	int n_weights, weights[PREC_COUNT];        /* enum prec */
	int n_kv, kv[PREC_COUNT];
	int n_batching, batching[2];
	int n_max_batch, max_batch[SEARCH_MAX_LIST];
	int n_spec, spec[2];                       /* 0 off, 1 on */
	bool instances;        /* also rent the catalog's cloud instances */
	int max_spares;        /* spares tried per region above the scenario's */
	/* caps (0: none) */
	long max_gpus;         /* accelerators in the whole fleet */
	double max_usd_month;  /* on the objective's basis (on demand for tokens) */
	char region[ID_MAX];   /* cloud region: only instances priced there */
	enum search_objective objective;
	int top;
} search_opts;

void search_opts_defaults(search_opts *o);
/* Parse one KEY=VALUE of --search into *o: 0, or -1 with a message. */
int search_opts_set(search_opts *o, const char *assignment, char *err,
                    size_t errlen);

/* One configuration: what is chosen on top of the base scenario. */
typedef struct {
	char gpu[ID_MAX];
	char instance[ID_MAX];     /* "" = the accelerator's own hourly price */
	double usd_per_gpu_hour;
	int gpus, weights, kv, batching, max_batch, spares;
	bool speculative;
} search_config;

/* A ranked answer, with the figures model_eval gives for it. */
typedef struct {
	search_config c;
	double objective;          /* what it is ranked by */
	double monthly_usd, monthly_reserved_usd;
	double usd_per_1m_tokens;  /* the fleet's month over the tokens it serves */
	double usd_per_1m_at_slo;  /* one replica at its SLO capacity */
	int replicas;
	long fleet_gpus;
	int batch, slo_batch;
	double ttft_p95_s, tpot_s, e2e_p95_s, availability;
	/* relative margins to each constraint ((limit - value) / limit; for
	 * availability on the unavailability); NAN when not set */
	double m_ttft, m_tpot, m_e2e, m_avail;
	const char *binds;         /* the smallest margin's name */
} search_row;

/* Why a family (accelerator × GPUs per replica × weights) has no answer. */
typedef struct {
	char what[96];             /* "h100-sxm bf16 x1" */
	char why[200];             /* "does not fit: weights 141 GB > ..." */
	double replica_usd_h;
} search_excluded;

typedef struct {
	long configurations;       /* the space covered */
	long evaluations;          /* model_eval calls it took */
	long families, feasible_families;
	long pruned;               /* families a lower bound ruled out */
	int n_rows;
	search_row rows[SEARCH_TOP_MAX];
	int n_excluded;
	search_excluded excluded[SEARCH_EXCLUDED_MAX];
} search_result;

/* Run the search from *base (its workload, SLOs, availability target,
 * regions and prices).  0, or -1 with a message (an unknown accelerator). */
int search_run(const scenario *base, const search_opts *o, search_result *out,
               char *err, size_t errlen);
/* Set *s to the configuration (over the scenario it came from). */
void search_apply(scenario *s, const search_config *c);
/* The --set assignments that reproduce it, space-separated. */
void search_config_sets(const scenario *base, const search_config *c,
                        char *buf, size_t len);
/* "h100-sxm x2 fp8/fp8 continuous b256 spec" */
void search_config_label(const search_config *c, char *buf, size_t len);

int search_write(FILE *out, enum report_format f, const scenario *base,
                 const search_opts *o, const search_result *r);

/* ---- sweeps, comparisons, sensitivity ---------------------------------- */

/* --sweep KEY=v1,v2,... or KEY=a:b:step */
#define SWEEP_MAX_KEYS 16
typedef struct sweep_axis sweep_axis;
typedef struct {
	int n;
	sweep_axis *axes[SWEEP_MAX_KEYS];
	long rows;                 /* product of the axis lengths */
} sweep_plan;

int sweep_add(sweep_plan *p, const char *spec, char *err, size_t errlen);
void sweep_free(sweep_plan *p);
/* Write every scenario of the grid; progress on `progress` when not NULL. */
int sweep_write(FILE *out, enum report_format f, const scenario *base,
                const sweep_plan *p, FILE *progress, char *err, size_t errlen);

/* Sensitivity: every numeric input ±10 %, every choice one step. */
int sensitivity_write(FILE *out, enum report_format f, const scenario *base);

/* Comparisons: n scenarios, one column each, deltas against the first. */

/* The headline figures every table shares (sweep, compare, sensitivity). */
typedef struct {
	const char *key;           /* "tco.monthly_usd" */
	const char *label;         /* "$/month on demand" */
	int kind;                  /* 0 number, 1 integer, 2 yes/no */
	double (*get)(const scenario *s, const results *r);
} headline;
size_t headline_count(void);
const headline *headline_at(size_t i);
/* the fleet's month over the tokens it serves per month, $ per 1M */
double answers_fleet_usd_per_1m(const scenario *s, const results *r);
/* fits, every SLO and the availability target */
bool answers_meets(const scenario *s, const results *r);

/* Comparisons: n scenarios, one column each, deltas against the first;
 * the explorer's compare view (key c) shows the same cells. */
int compare_write(FILE *out, enum report_format f, int n,
                  const scenario *const *s, const char *const *names);
/* One figure of one scenario as --compare writes it: human (text and
 * Markdown) "143,533", "0.4123", "yes", and a figure that does not exist
 * in words ("does not fit", "cannot meet TPOT 5 ms", "never"), never 0;
 * else the machine form (empty when it does not exist). */
void compare_cell(const headline *h, const scenario *s, const results *r,
                  bool human, char *buf, size_t n);
/* Its change against the first scenario: "+12.3%" (human), the
 * difference (machine), "changed" for yes/no, "n/a" when a side has no
 * number. */
void compare_change(const headline *h, const scenario *s0, const results *r0,
                    const scenario *s, const results *r, bool human, char *buf,
                    size_t n);
/* the last row: what sets the operating point (results.op.text) */
#define COMPARE_BINDS_LABEL "what binds"

/* ---- charts: the data behind the explorer's charts and --charts ------- */

#define CHART_POINTS 48

/* The frontier: one replica across batch sizes, InferenceMAX style. */
typedef struct {
	int batch;
	double user_tok_s;         /* tokens/s one user sees: 1/TPOT */
	double gpu_tok_s;          /* output tokens/s per GPU */
	bool tpot_ok;              /* within the TPOT SLO (or none set) */
} frontier_pt;
/* batch 1, 2, 4, ... up to the largest batch KV memory and max_batch
 * allow (that one included); 0 points when the model does not fit */
int chart_frontier(const scenario *s, frontier_pt *pt, int max);

/* $/month against daily volume: the scenario's fleet re-sized for each
 * volume, and the API at its per-token prices. */
typedef struct {
	double requests_per_day;
	double fleet_usd_month;    /* NAN: nothing served (does not fit) */
	double api_usd_month;      /* NAN: no API prices */
} volume_pt;
/* n points, log-spaced from a hundredth to a hundred times the volume */
int chart_volume(const scenario *s, volume_pt *pt, int n);

/* The roofline of the accelerator and where the decode step and one
 * prefill sit on it (per GPU). */
typedef struct {
	double peak_flops;         /* the compute precision's dense peak */
	double bandwidth;          /* bytes/s */
	double ridge;              /* peak / bandwidth, FLOP per byte */
	double decode_ai, decode_flops;    /* intensity, achieved FLOP/s */
	double prefill_ai, prefill_flops;
	bool decode_compute_bound, prefill_compute_bound;
} roofline;
void chart_roofline(const scenario *s, const results *r, roofline *out);

/* Sensitivity rows, ranked (sensitivity_write prints them). */
typedef struct {
	const char *key;
	char lo[64], hi[64];             /* the values tried (exact text) */
	char lo_h[64], hi_h[64];         /* the same for a person */
	double month[2], per_m[2];       /* NAN: nothing served there */
	double swing_month, swing_per_m; /* max |relative change|; INFINITY
	                                    when one side serves nothing */
} sens_row;
/* Fills at most max rows (inputs that move a figure), ranked; returns the
 * count, *unmoved the inputs that move neither; base figures in *month,
 * *per_m. */
int sensitivity_compute(const scenario *base, sens_row *rows, int max,
                        int *unmoved, double *month, double *per_m);

/* --charts: the three charts' data as tables (every format) */
int charts_write(FILE *out, enum report_format f, const scenario *s);
/* --report --format markdown: the report, then a "Charts" section with
 * the same tables (after the headline figures); 0 or -1 (errno) */
int report_write_with_charts(FILE *out, const scenario *s, const results *r);

/* ---- the command line --------------------------------------------------- */

typedef struct {
	bool optimize, sensitivity, compare, charts;
	int n_search;              /* --search options given */
	search_opts search;
	sweep_plan sweep;
} answers_request;

void answers_request_init(answers_request *q);
bool answers_requested(const answers_request *q);
/* one of main's options: "optimize", "search", "sweep", "compare",
 * "sensitivity"; 0, or 2 after printing the error */
int answers_option(answers_request *q, const char *name, const char *arg);
/* Run what was asked on the scenario main built; args are the positional
 * arguments (--compare's scenarios).  Returns the exit status. */
int answers_run(answers_request *q, const scenario *s, enum report_format f,
                int nargs, char **args);

#endif
