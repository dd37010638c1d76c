/* config.h — presets, themes and the user catalog as INI files: the parts
 * of src/config/ the rest of the program uses.  Only config/ini.c includes
 * iniparser.h.
 *   config/ini.h     diagnostics and the guarded INI reader
 *   config/preset.h  applying a preset; the user catalog file
 *   config/set.h     --set KEY=VALUE
 *   config/paths.h   the search path, finding and listing
 *   config/save.h    saving a preset atomically
 */
#ifndef INFERTUI_CONFIG_H
#define INFERTUI_CONFIG_H

#include "config/ini.h"
#include "config/paths.h"
#include "config/preset.h"
#include "config/save.h"
#include "config/set.h"

#endif
