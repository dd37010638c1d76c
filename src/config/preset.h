/* preset.h — applying a preset file to a scenario: the group sections,
 * [region.NAME], [option.NAME] and the user catalog entries it defines;
 * also the user catalog file.  The region and option readers are shared
 * with --set (set.c).
 */
#ifndef INFERTUI_CONFIG_PRESET_H
#define INFERTUI_CONFIG_PRESET_H

#include "config/ini.h"
#include "scenario.h"

/* Load a preset over *s (which holds defaults or an earlier state).  Also
 * applies [gpu.ID]/[model.ID] catalog sections, [region.*] and [option.*].
 * Returns 0, or -1 with every problem in *d; *s is left unchanged on error. */
int config_load_preset(const char *path, scenario *s, diag *d);
/* The user catalog ($XDG_CONFIG_HOME/infertui/catalog.ini), if it exists. */
int config_load_user_catalog(diag *d);

#ifdef INFERTUI_CONFIG_LOADER_H
/* For set.c: one region or option key at e, reported as a file's would be. */
int preset_region_index(const scenario *s, const char *name);   /* -1 if none */
int preset_region_key(loader *L, const config_entry *e, region *r);
/* "a, b, c" of fleet.regions into names (each a valid id, once) */
int preset_region_list(loader *L, const config_entry *e, char names[][ID_MAX], int *n);
void preset_check_shares(loader *L, const scenario *s, const char *where);
extern const char *const preset_option_keys[];
/* a numeric option key: 0 (applied or reported), 1 when not numeric */
int preset_option_num(loader *L, const config_entry *e, option *o);
int preset_option_resolve(loader *L, const char *sec, int line, option *o,
                          const config_entry *inst_e, const config_entry *acc_e);
/* kinds owned, spot, hybrid (infertui.ini(5)) */
void preset_option_unset(option *o);      /* every override "not given" */
void preset_owned_server(option *o);      /* inst = one server of its devices */
void preset_check_hybrid(loader *L, const option *opts, int n, const option *h);
#endif
/* "instances", "api", "owned", "spot", "hybrid" */
const char *preset_kind_name(int kind);

#endif
