/* tco_own.c — the options that own, bid or mix (kinds owned, spot, hybrid),
 * the energy block and the TCO horizon: model_fleet sizes every option's
 * replicas, and this file prices them with owned.c's formulas. */
#include <math.h>
#include <string.h>

#include "model/notebuf.h"
#include "model/owned.h"

#define MAX_SPARES 1000

static double pick(double option_value, double scenario_value)
{
	return option_value >= 0.0 ? option_value : scenario_value;
}

static double months_horizon(const scenario *s)
{
	return s->horizon_months > 0.0 ? s->horizon_months : 12.0;
}

static double hours_month(const scenario *s)
{
	return s->hours_per_month > 0.0 ? s->hours_per_month : 730.0;
}

/* electricity in region i: its own price, else own.usd_per_kwh */
static double region_kwh(const scenario *s, int i)
{
	if (i < s->n_regions && s->regions[i].usd_per_kwh > 0.0)
		return s->regions[i].usd_per_kwh;
	return s->owned.usd_per_kwh;
}

/* One server of an owned option, with the scenario's owned.* where the
 * option sets nothing.  The price: own.purchase_usd, else the catalog's
 * per-device price × devices per server. */
static void server_of(const scenario *s, const option *o, owned_server *sv)
{
	const owned_costs *d = &s->owned, *v = &o->own;
	int devices = o->inst.gpus > 0 ? o->inst.gpus : 1;
	double price = pick(v->purchase_usd, d->purchase_usd);

	memset(sv, 0, sizeof *sv);
	sv->purchase_usd = price > 0.0 ? price : o->gpu.purchase_usd * devices;
	sv->depreciation_months = (int)lround(pick(v->depreciation_months,
	                                           d->depreciation_months));
	sv->residual_fraction = pick(v->residual, d->residual);
	sv->cost_of_capital = pick(v->cost_of_capital, d->cost_of_capital);
	sv->server_power_w = o->gpu.system_w * devices;
	sv->idle_fraction = pick(v->idle_fraction, d->idle_fraction);
	sv->pue = pick(v->pue, d->pue);
	sv->colo_usd_per_kw_month = pick(v->colo_usd_per_kw_month,
	                                 d->colo_usd_per_kw_month);
	sv->ops_usd_per_server_month = pick(v->ops_usd_per_server_month,
	                                    d->ops_usd_per_server_month);
	sv->hours_per_month = hours_month(s);
}

/* The rented option an owned one is compared with: the first instances
 * option that is priced, else the headline fleet ("fleet"). */
static void versus_of(const scenario *s, const results *r, option_result *or,
                      double *od, double *rsv)
{
	for (int i = 0; i < r->n_options; i++)
		if (s->options[i].kind == OPT_INSTANCES &&
		    r->options[i].monthly_on_demand_usd > 0.0) {
			memcpy(or->versus, r->options[i].name, ID_MAX);
			*od = r->options[i].monthly_on_demand_usd;
			*rsv = r->options[i].monthly_reserved_usd;
			return;
		}
	memcpy(or->versus, "fleet", sizeof "fleet");
	*od = r->monthly_usd;
	*rsv = r->monthly_reserved_usd;
}

static void eval_owned(const scenario *s, const results *r, const option *o,
                       option_result *or)
{
	owned_server sv;
	owned_month m;
	double cap = or->replicas_total * or->requests_per_s, u, H = months_horizon(s);
	double rent_od = 0.0, rent_rsv = 0.0, opex, lead, total;
	outbuf ob, *nb = &ob;

	server_of(s, o, &sv);
	u = cap > 0.0 ? fmin(1.0, r->mean_requests_per_s / cap) : 0.0;
	or->utilisation = u;
	or->capital_month = or->energy_month = or->colo_month = or->ops_month = 0.0;
	or->power_kw = 0.0;
	for (int i = 0; i < r->n_regions && i < MAX_REGIONS; i++) {
		int n = or->instances[i];
		sv.usd_per_kwh = pick(o->own.usd_per_kwh, region_kwh(s, i));
		owned_month_cost(&sv, u, &m);
		or->capital_month += n * m.capital;
		or->energy_month += n * m.energy;
		or->colo_month += n * m.colo;
		or->ops_month += n * m.ops;
		or->power_kw += n * m.power_w / 1000.0;
	}
	or->purchase_usd = or->instances_total * sv.purchase_usd;
	total = or->capital_month + or->energy_month + or->colo_month + or->ops_month;
	or->usd_per_instance_hour = 0.0;
	or->monthly_on_demand_usd = or->monthly_reserved_usd = total;
	or->annual_usd = 12.0 * total;

	versus_of(s, r, or, &rent_od, &rent_rsv);
	opex = or->energy_month + or->colo_month + or->ops_month;
	or->break_even_months = owned_break_even_months(or->purchase_usd, opex,
	                                                rent_od, sv.cost_of_capital);
	or->break_even_reserved_months =
		owned_break_even_months(or->purchase_usd, opex, rent_rsv,
		                        sv.cost_of_capital);
	/* lead time: bought hardware serves after `lead` months; the rented
	 * alternative (on demand) carries the load until then */
	lead = fmin(pick(o->own.lead_months, s->owned.lead_months), H);
	or->horizon_usd = total * (H - lead) + rent_od * lead;

	outbuf_init(nb, or->notes, sizeof or->notes);
	if (!(sv.purchase_usd > 0.0) || !(sv.server_power_w > 0.0)) {
		or->fits = false;
		or->meets_slo = false;
		PUT(nb, "no ");
		put_s(nb, sv.purchase_usd > 0.0 ? "power figure" : "purchase price");
		PUT(nb, " for ");
		put_s(nb, o->gpu.id);
		put_s(nb, sv.purchase_usd > 0.0 ? ": set own.gpu_power_w" :
		        ": set own.purchase_usd");
		outbuf_end(nb);
		return;
	}
	if (!or->fits) {
		PUT(nb, "the model does not fit in a server of ");
		put_i(nb, o->inst.gpus);
		PUT(nb, " x ");
		put_s(nb, o->gpu.id);
		outbuf_end(nb);
		return;
	}
	if (!or->meets_slo)
		PUT(nb, "SLOs not met, sized on throughput: ");
	put_i(nb, or->instances_total);
	put_s(nb, or->instances_total == 1 ? " server of " : " servers of ");
	put_i(nb, o->inst.gpus);
	PUT(nb, " x ");
	put_s(nb, o->gpu.id);
	PUT(nb, " at $");
	put_g(nb, sv.purchase_usd, 4);
	PUT(nb, ", ");
	put_pct(nb, u, 0);
	PUT(nb, " busy; ");
	if (or->break_even_months >= 0.0) {
		PUT(nb, "pays back in month ");
		put_i(nb, (long)ceil(or->break_even_months - 1e-9));
		PUT(nb, " against ");
	} else {
		PUT(nb, "never pays back against ");
	}
	put_s(nb, or->versus);
	PUT(nb, " on demand");
	outbuf_end(nb);
}

static void eval_spot(const scenario *s, const results *r, const option *o,
                      option_result *or)
{
	double d = pick(o->spot_discount, s->spot_discount);
	double ipm = pick(o->interruptions_per_month, s->interruptions_per_month);
	double rec = pick(o->recovery_h, s->recovery_h), usd_h = 0.0;
	double a = s->replica_availability, as;
	int T = or->gpus_per_replica > 0 ? or->gpus_per_replica : 1;
	int G = o->inst.gpus > 0 ? o->inst.gpus : 1, unreachable = 0;
	bool fixed = o->instances_per_region > 0;
	outbuf ob, *nb = &ob;

	as = spot_replica_availability(a, ipm, rec, hours_month(s));
	or->spot_availability = as;
	or->extra_spares = 0;
	for (int i = 0; i < r->n_regions && i < MAX_REGIONS; i++) {
		int reps = or->replicas[i], need = reps - s->spares, k0, k1;

		if (need < 1)
			need = reps > 0 ? 1 : 0;
		if (!fixed && need > 0 && or->fits) {
			k0 = spot_spares(need, a, s->availability, MAX_SPARES);
			k1 = spot_spares(need, as, s->availability, MAX_SPARES);
			if (k1 < 0)
				unreachable = 1;
			else if (k1 > (k0 < 0 ? 0 : k0)) {
				int extra = k1 - (k0 < 0 ? 0 : k0);
				or->extra_spares += extra;
				or->replicas_total += extra;
				reps += extra;
				or->replicas[i] = reps;
				or->instances_total -= or->instances[i];
				or->instances[i] = or->replicas_per_instance > 0 ?
					(reps + or->replicas_per_instance - 1) /
					or->replicas_per_instance :
					reps * ((T + G - 1) / G);
				or->instances_total += or->instances[i];
			}
		}
		usd_h += or->instances[i] * or->usd_per_instance_hour_region[i] *
		         (1.0 - d);
	}
	or->monthly_on_demand_usd = or->monthly_reserved_usd = usd_h * hours_month(s);
	or->annual_usd = 12.0 * or->monthly_on_demand_usd;
	or->horizon_usd = or->monthly_on_demand_usd * months_horizon(s);
	if (!or->fits)
		return;
	outbuf_init(nb, or->notes, sizeof or->notes);
	PUT(nb, "spot at ");
	put_pct(nb, d, 0);
	PUT(nb, " off: ");
	put_g(nb, ipm, 3);
	PUT(nb, " interruptions/month, ");
	put_g(nb, rec, 3);
	PUT(nb, " h each, leave a replica up ");
	put_pct(nb, as, 2);
	if (unreachable)
		PUT(nb, "; the availability target is out of reach");
	else if (or->extra_spares > 0) {
		PUT(nb, "; +");
		put_i(nb, or->extra_spares);
		put_s(nb, or->extra_spares == 1 ? " spare" : " spares");
		PUT(nb, " keep the target");
	} else {
		PUT(nb, "; no extra spares needed");
	}
	outbuf_end(nb);
}

static int option_index(const scenario *s, const char *name)
{
	for (int i = 0; i < s->n_options && i < MAX_OPTIONS; i++)
		if (name[0] && strcmp(s->options[i].name, name) == 0)
			return i;
	return -1;
}

/* One replica's share of an option's month: its instances' (servers')
 * average month over the replicas one holds (or times the instances one
 * spans). */
static double per_replica(const option *o, const option_result *or, double month)
{
	int T = or->gpus_per_replica > 0 ? or->gpus_per_replica : 1;
	int G = o->inst.gpus > 0 ? o->inst.gpus : 1;
	double inst_month;

	if (or->instances_total <= 0)
		return 0.0;
	inst_month = month / or->instances_total;
	return or->replicas_per_instance > 0 ? inst_month / or->replicas_per_instance :
	       inst_month * ((T + G - 1) / G);
}

/* The daily profile every hybrid reads (it depends on the scenario's
 * peak and trough only): worked out by the first that needs it. */
typedef struct {
	bool tried, ok;
	double x[24];
} day_profile;

static void eval_hybrid(const scenario *s, const results *r, const option *o,
                        day_profile *day, option_result *or)
{
	int b = option_index(s, o->base), u = option_index(s, o->burst);
	const option_result *ob_, *ou;
	hybrid_inputs in;
	hybrid_split chosen, best;
	double trough, peak = s->peak_factor > 1.0 ? s->peak_factor : 1.0;
	const double *x = day->x;
	double share = pick(o->base_share, s->base_share), peak_lam;
	outbuf ob, *nb = &ob;

	outbuf_init(nb, or->notes, sizeof or->notes);
	or->fits = false;
	if (b < 0 || u < 0) {
		PUT(nb, "base or burst option not found");
		outbuf_end(nb);
		return;
	}
	ob_ = &r->options[b];
	ou = &r->options[u];
	memset(&in, 0, sizeof in);
	in.mean_requests_per_s = r->mean_requests_per_s;
	in.capacity_requests_per_s = ob_->slo_requests_per_s;
	in.hours_per_month = hours_month(s);
	/* a base replica costs its server's (instance's) month over the
	 * replicas it holds; a burst replica-hour likewise, on demand */
	in.base_usd_month = per_replica(&s->options[b], ob_,
	                                s->options[b].kind == OPT_OWNED ?
	                                ob_->monthly_on_demand_usd :
	                                ob_->monthly_reserved_usd);
	if (s->options[u].kind == OPT_API) {
		in.burst_usd_per_request = r->mean_requests_per_s > 0.0 ?
			ou->api_daily_usd / (r->mean_requests_per_s * 86400.0) : 0.0;
	} else {
		in.burst_usd_per_replica_hour = per_replica(&s->options[u], ou,
			ou->monthly_on_demand_usd) / in.hours_per_month;
		in.burst_capacity_requests_per_s = ou->slo_requests_per_s;
	}
	trough = s->trough_factor > 0.0 ? s->trough_factor : fmax(0.0, 2.0 - peak);
	if (!ob_->fits || !(in.capacity_requests_per_s > 0.0) ||
	    !(in.base_usd_month > 0.0) ||
	    (s->options[u].kind != OPT_API && !(in.burst_usd_per_replica_hour > 0.0))) {
		PUT(nb, "the base or the burst option cannot serve this load");
		outbuf_end(nb);
		return;
	}
	if (!day->tried) {
		day->ok = daily_profile(peak, trough, 12, day->x);
		day->tried = true;
	}
	if (!day->ok) {
		PUT(nb, "no daily profile has peak factor ");
		put_g(nb, peak, 3);
		PUT(nb, " and trough ");
		put_g(nb, trough, 3);
		PUT(nb, " around a mean of 1");
		outbuf_end(nb);
		return;
	}
	peak_lam = r->mean_requests_per_s * peak;
	hybrid_cost(&in, x, (int)ceil(share * peak_lam / in.capacity_requests_per_s - 1e-9),
	            &chosen);
	hybrid_best(&in, x, &best);
	or->fits = true;
	or->meets_slo = ob_->meets_slo && (s->options[u].kind == OPT_API || ou->meets_slo);
	or->base_replicas = chosen.base;
	or->peak_replicas = chosen.peak_replicas;
	or->base_month = chosen.base_usd_month;
	or->burst_month = chosen.burst_usd_month;
	or->burst_share = chosen.burst_share;
	or->best_base_replicas = best.base;
	or->best_base_share = fmin(1.0, best.base * in.capacity_requests_per_s /
	                                peak_lam);
	or->best_month = best.total_usd_month;
	or->replicas_total = chosen.base;
	or->monthly_on_demand_usd = or->monthly_reserved_usd = chosen.total_usd_month;
	or->annual_usd = 12.0 * chosen.total_usd_month;
	or->horizon_usd = chosen.total_usd_month * months_horizon(s);
	or->gpus_per_replica = ob_->gpus_per_replica;
	or->slo_requests_per_s = in.capacity_requests_per_s;
	put_i(nb, chosen.base);
	PUT(nb, " base replicas of ");
	put_s(nb, o->base);
	PUT(nb, ", ");
	put_pct(nb, chosen.burst_share, 1);
	PUT(nb, " of requests burst to ");
	put_s(nb, o->burst);
	PUT(nb, "; best: ");
	put_i(nb, best.base);
	PUT(nb, " base replicas at $");
	put_g(nb, best.total_usd_month, 4);
	PUT(nb, "/month");
	outbuf_end(nb);
}

static void fill_energy(energy_result *e, double w, double tok, double pue,
                        double usd_per_kwh)
{
	energy_figures f;

	owned_energy_per_token(w, tok, pue, usd_per_kwh, &f);
	e->power_w = w;
	e->tokens_per_s = tok;
	e->joules_per_token = f.joules_per_token;
	e->kwh_per_1m = f.kwh_per_1m;
	e->usd_per_1m = f.usd_per_1m;
	e->tokens_per_s_per_mw = f.tokens_per_s_per_mw;
}

/* The energy block: one replica at full load and the fleet at its mean
 * load, on the scenario's accelerator (gpu.system_w per device). */
static void energy(const scenario *s, results *r)
{
	int T = s->gpus > 0 ? s->gpus : 1;
	double w1 = T * s->gpu.system_w, pue = s->owned.pue, f = s->owned.idle_fraction;
	double price = 0.0, n = 0.0, w, tok, u;

	r->energy_kwh_month = r->energy_usd_month = 0.0;
	for (int i = 0; i < r->n_regions && i < MAX_REGIONS; i++) {
		price += r->regions[i].replicas * region_kwh(s, i);
		n += r->regions[i].replicas;
	}
	r->usd_per_kwh = n > 0.0 ? price / n : s->owned.usd_per_kwh;
	/* (fill_energy writes every field: a block is cleared only where it
	 * is not filled) */
	if (!(w1 > 0.0)) {
		memset(&r->energy_replica, 0, sizeof r->energy_replica);
		memset(&r->energy_fleet, 0, sizeof r->energy_fleet);
		return;
	}
	fill_energy(&r->energy_replica, w1, r->output_tokens_per_s, pue,
	            r->usd_per_kwh);
	if (r->replicas_total <= 0) {
		memset(&r->energy_fleet, 0, sizeof r->energy_fleet);
		return;
	}
	/* the utilisation in [0, 1]: fmax(0.0, u) and fmin(1.0, ·) as glibc's
	 * maxsd and minsd give them (NaN: 0), without two calls */
	u = r->utilisation >= 0.0 ? r->utilisation : 0.0;
	u = u > 1.0 ? 1.0 : u;
	w = r->replicas_total * w1 * (f + (1.0 - f) * u);
	tok = r->mean_requests_per_s * s->output_tokens;
	fill_energy(&r->energy_fleet, w, tok, pue, r->usd_per_kwh);
	r->energy_kwh_month = w / 1000.0 * pue * hours_month(s);
	r->energy_usd_month = r->energy_kwh_month * r->usd_per_kwh;
}

void model_own(const scenario *s, results *r)
{
	double H = months_horizon(s);
	day_profile day;

	r->horizon_months = H;
	r->horizon_usd = r->monthly_reserved_usd * H;
	energy(s, r);
	/* (n: no option's pricing changes the count; a local spares its
	 * reload after every store through or) */
	int n = r->n_options;
	bool hybrids = false;
	for (int i = 0; i < n; i++) {
		const option *o = &s->options[i];
		option_result *or = &r->options[i];

		switch (o->kind) {
		case OPT_OWNED:
			eval_owned(s, r, o, or);
			break;
		case OPT_SPOT:
			eval_spot(s, r, o, or);
			break;
		case OPT_API:
			or->horizon_usd = or->annual_usd / 12.0 * H;
			break;
		case OPT_INSTANCES:
			or->horizon_usd = or->monthly_reserved_usd * H;
			break;
		case OPT_HYBRID:
			hybrids = true;
			break;
		default:
			break;
		}
	}
	if (!hybrids)
		return;
	/* hybrids price their parts: after every other option */
	day.tried = false;
	for (int i = 0; i < n; i++)
		if (s->options[i].kind == OPT_HYBRID)
			eval_hybrid(s, r, &s->options[i], &day, &r->options[i]);
}
