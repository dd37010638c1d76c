/* capacity.h — capacity.c's offer to fleet.c and tco.c: the SLO capacity
 * search on a replica already set up, the replicas a load needs, and the
 * regions' load (public pieces: fleet.h). */
#ifndef INFERTUI_MODEL_CAPACITY_H
#define INFERTUI_MODEL_CAPACITY_H

#include "model/fleet.h"
#include "model/model_impl.h"

#define REPLICAS_CAP 100000000.0   /* keeps counts in int range */

/* One batch size as the SLO search sees it.  Its queueing bound ρ is
 * solved only when wanted: a search compares two points by rho_table.h's
 * ρ (one log when they nearly tie: capacity.c, cap_above), and solves the
 * one it answers with. */
typedef struct {
	double cap;       /* requests/s within the SLOs: when solved */
	double rho;       /* when solved */
	double rps;       /* R_max at this batch */
	double tpot, ttft0, e2e0;
	double x;         /* 2·slack/t_service: ρ solves ln(20ρ) = x(1−ρ) */
	double approx;    /* ρ from rho_table.h (0: not looked up yet) */
	bool ok;          /* some load meets the SLOs here (cap > 0) */
	bool solved;      /* cap and rho are set */
} slo_point;

/* One batch size from its TPOT, TTFT (no queue) and R_max: whether it
 * meets the SLOs (ok), its queueing slack; cap and rho wait for a search
 * that needs them (capacity.c solves them there). */
void capacity_point(const scenario *s, double tpot, double ttft0, double rps,
                    slo_point *o);
/* rho_table.h's interpolant of the root of ln(20ρ) = x(1−ρ), finite x > 0
 * (tests check it; the search uses it inline) */
double capacity_rho_approx(double x);
/* fleet_slo_capacity on a replica already set up; at_bmax, when not NULL,
 * is the point at bmax already computed by the caller (a shape's top: the
 * search reads it where it is, and may solve its ρ there), prefill1 one
 * prompt's prefill (or NULL), hint where to start looking (0: nowhere; the
 * answer does not depend on it, only the number of points tried) */
void capacity_search(const scenario *s, const model_hw *hw, int bmax,
                     slo_point *at_bmax, const phase_time *prefill1,
                     int hint, fleet_capacity *c);

/* One replica shape (an accelerator × T) as one evaluation sees it: set up
 * once (memory fit, model_hw, the point at the effective batch), its SLO
 * search run at most once, whoever asks (the scenario's own fleet, every
 * option and every GPUs-per-replica candidate). */
typedef struct {
	const gpu_spec *gpu;
	int T;
	int bmax;                 /* effective batch; 0: does not fit */
	model_hw hw;              /* set up when bmax > 0 */
	phase_time prefill1;      /* one prompt */
	slo_prep prep;            /* the search's constants (when fast) */
	bool fast;                /* model_slo_prep applies */
	slo_point top;            /* the point at bmax (tpot, ttft0 and rps
	                             only, until top_ready) */
	bool top_ready;
	bool searched;
	fleet_capacity cap;       /* when searched */
} replica_shape;

typedef struct shape_set {
	const scenario *s;
	const model_params *p;
	double weights, kv_req;   /* W and one request's KV: the fit's terms */
	int *hints;               /* MODEL_SEARCH_SHAPES slots (or NULL): where
	                             the last evaluation's searches ended */
	bool text;                /* notes are written (model_eval_figures:
	                             not; capacity_shapes_init: true) */
	int n;
	replica_shape *own;       /* the scenario's own (seeded), or NULL */
	replica_shape e[MODEL_SEARCH_SHAPES];
	/* one accelerator of each kind that performs differently
	 * (capacity_gpu): shapes are found by pointer */
	int n_gpus;
	const gpu_spec *gpus[8];
	/* one device's usable bytes on the last accelerator a shape was set
	 * up on (an option tries its T one after another) */
	const gpu_spec *usable_gpu;
	double usable_per;
} shape_set;

void capacity_shapes_init(shape_set *set, const scenario *s,
                          const model_params *p, int *hints);
/* the scenario's own shape, from model_eval's figures (a point at bmax) */
replica_shape *capacity_shape_seed(shape_set *set, const model_hw *hw,
                                   int bmax, const slo_point *top,
                                   const phase_time *prefill1);
/* What the shapes' set-up would otherwise work out again from the
 * scenario, handed on from model_eval's memory fit: W and one request's
 * held KV (model_held_weight_bytes and model_held_kv_per_request, the same
 * doubles: test_properties compares them) and one device's usable bytes
 * on the scenario's own accelerator g.  Inline: four stores. */
static inline void capacity_shapes_fit(shape_set *set, double weights,
                                       double kv_req, const gpu_spec *g,
                                       double usable_per)
{
	set->weights = weights;
	set->kv_req = kv_req;
	set->usable_gpu = g;
	set->usable_per = usable_per;
}
/* the accelerator that stands for g in set: the first one seen that
 * performs as g does (the same figures but the price), or g */
const gpu_spec *capacity_gpu(shape_set *set, const gpu_spec *g);
/* the shape g × T, set up on first use (g: from capacity_gpu, so that an
 * option on the scenario's own accelerator finds its shapes) */
replica_shape *capacity_shape(shape_set *set, const gpu_spec *g, int T);
/* its SLO capacity, searched on first use */
const fleet_capacity *capacity_slo(shape_set *set, replica_shape *sh);

/* floor(lam/r_max) + 1, the replicas a stable queue on R_max needs at the
 * peak lam (0 when r_max is not positive): capacity_needed's second term,
 * which a layout works out once per peak and keeps (capacity_needed_m) */
static inline double capacity_max_term(double lam, double r_max)
{
	return r_max > 0.0 ? model_floor_pos(lam / r_max) + 1.0 : 0.0;
}

/* capacity_needed with its R_max term m = capacity_max_term(lam, r_max)
 * already worked out */
static inline double capacity_needed_m(double lam, double r_slo, double m)
{
	double n = 0.0;

	if (!(lam > 0.0))
		return 0.0;
	if (r_slo > 0.0)
		n = model_ceil_pos(lam / r_slo);
	if (m > n)
		n = m;
	if (n < 1.0)
		n = 1.0;
	return n > REPLICAS_CAP ? REPLICAS_CAP : n;
}

/* Serving replicas the peak load lam needs: within the SLO capacity and with
 * a stable queue on R_max; at least one when there is any load.  Inline:
 * the layout search asks it a few dozen times an evaluation. */
static inline double capacity_needed(double lam, double r_slo, double r_max)
{
	if (!(lam > 0.0))
		return 0.0;
	return capacity_needed_m(lam, r_slo, capacity_max_term(lam, r_max));
}

/* the entries each of region_set's memos keeps (a ring: the oldest goes) */
#define MEMO_SLOTS 16

/* The regions and the fleet-level inputs, sanitised once (a non-finite or
 * negative input counts as 0, a missing price factor as 1): every figure
 * stays finite whatever the scenario holds. */
typedef struct {
	int n;
	double share[MAX_REGIONS];
	double factor[MAX_REGIONS];
	const char *name[MAX_REGIONS];
	double lam[MAX_REGIONS];  /* peak arrivals/s at D */
	int first[MAX_REGIONS];   /* the first region with the same peak: a
	                             replica's capacity does not depend on the
	                             region, so neither do the replicas its
	                             peak needs (only the price does) */
	int n_peaks;              /* the distinct peaks: the regions i with
	                             first[i] == i, in order */
	int peak_region[MAX_REGIONS];
	double peak_count[MAX_REGIONS];  /* regions with that peak */
	double D;                 /* requests/day */
	double peak;              /* peak factor */
	double min_rep, spares;   /* per region */
	double hpm;               /* hours per month */
	double keep;              /* 1 − reserved discount */
	double in, out;           /* tokens per request */
	double up;                /* fleet.replica_availability */
	double pool;              /* replicas of the failover regions (share 0):
	                             min_replicas + fleet.spares each */
	int failover;             /* how many regions are failover */
	double target;            /* workload.availability (0: none) */
	/* spares and availabilities already worked out this evaluation: the
	 * own fleet, the options and break-even ask for the same counts many
	 * times */
	struct spare_memo {
		double z;             /* the target's normal quantile (0: not yet) */
		int n, next;          /* spares, by (serving, needed) */
		double serve[MEMO_SLOTS], need[MEMO_SLOTS];
		int k[MEMO_SLOTS];
		int up_n, up_next;    /* fleet_availability(n, k, up), by (n, k) */
		unsigned long long up_key[MEMO_SLOTS];
		double up_a[MEMO_SLOTS];
	} *memo;
} region_set;
/* memo: where the spares worked out are kept (or NULL: none kept) */
void capacity_regions(const scenario *s, region_set *rs,
                      struct spare_memo *memo);
int capacity_spares_new(const region_set *rs, double n, double need);
/* Spares a region of n serving replicas, `need` of them needed at its
 * peak, adds: fleet.spares, or the fewest more with which the region is up
 * (at least `need` replicas up) a workload.availability fraction of the
 * time.  -1 when even 4n + 64 do not reach it.  Remembered in rs->memo:
 * looked up inline (the own fleet, every option and every layout ask the
 * same few counts), worked out by capacity_spares_new. */
static inline int capacity_spares(const region_set *rs, double n,
                                  double need)
{
	const struct spare_memo *m = rs->memo;

	if (m)
		for (int i = 0; i < m->n; i++)
			if (m->serve[i] == n && m->need[i] == need)
				return m->k[i];
	return capacity_spares_new(rs, n, need);
}
double capacity_fleet_up_new(const region_set *rs, int n, int k);
static inline unsigned long long capacity_up_key(int n, int k)
{
	return (unsigned long long)(unsigned)n << 32 | (unsigned)k;
}
/* fleet_availability(n, k, fleet.replica_availability), remembered in
 * rs->memo: looked up inline, worked out by capacity_fleet_up_new */
static inline double capacity_fleet_up(const region_set *rs, int n, int k)
{
	const struct spare_memo *m = rs->memo;

	if (m) {
		unsigned long long key = capacity_up_key(n, k);
		for (int i = 0; i < m->up_n; i++)
			if (m->up_key[i] == key)
				return m->up_a[i];
	}
	return capacity_fleet_up_new(rs, n, k);
}
/* Traffic-weighted availability of a fleet with replicas[i] in region i,
 * needed[i] of them needed at its peak; regions without traffic are
 * failover, their pooled replicas standing in for one failed region. */
double capacity_availability(const region_set *rs, const int *replicas,
                             const int *needed);
/* replicas for a region whose peak needs `need` serving: at least
 * min_replicas, plus the spares they need */
static inline double capacity_with_spares(const region_set *rs, double need)
{
	double n = need > rs->min_rep ? need : rs->min_rep;
	int k = capacity_spares(rs, n, need);

	return n + (k >= 0 ? k : rs->spares);   /* -1: flagged by the caller */
}
/* replicas per region for a daily volume D (serving + spares) */
double capacity_region_replicas(const region_set *rs, double D, double share,
                                double r_slo, double r_max);

#endif
