/* save.h — writing a scenario as a complete, commented preset, atomically.
 */
#ifndef INFERTUI_CONFIG_SAVE_H
#define INFERTUI_CONFIG_SAVE_H

#include "config/ini.h"
#include "scenario.h"

/* Write the scenario as a complete, commented INI: temp file in the same
 * directory, fsync, rename (path "-": standard output).  0, or -1 with the
 * reason in *d (old file kept). */
int config_save_preset(const char *path, const scenario *s,
                       const char *description, diag *d);

#endif
