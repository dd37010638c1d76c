/* save.h — writing a scenario as a complete, commented preset, atomically.
 */
#ifndef INFERTUI_CONFIG_SAVE_H
#define INFERTUI_CONFIG_SAVE_H

#include <stdbool.h>

#include "config/ini.h"
#include "scenario.h"

/* Write the scenario as a complete, commented INI: temp file in the same
 * directory, fsync, rename (path "-": standard output).  0, or -1 with the
 * reason in *d (old file kept). */
int config_save_preset(const char *path, const scenario *s,
                       const char *description, diag *d);
/* The same; the new file keeps the mode (and, where allowed, the owner) of
 * the one it replaces, a new one gets 0666 less the umask.  A read-only file
 * is refused unless force.  Temporary files of a save killed earlier
 * (.NAME.XXXXXX, a minute old) are removed. */
int config_save_preset_as(const char *path, const scenario *s,
                          const char *description, bool force, diag *d);
/* True when path is an existing regular file a save refuses without force:
 * one the user cannot write, or with no write bit at all (so that root,
 * whom access(2) lets write anything, is asked too). */
bool config_save_read_only(const char *path);

#endif
