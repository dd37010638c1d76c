/* check.h — --check: validate preset and theme files.
 */
#ifndef INFERTUI_CHECK_H
#define INFERTUI_CHECK_H

#include <stdio.h>

/* Validate preset or theme files (detected by their sections); prints every
 * problem; returns the number of bad files. */
int config_check_files(int n, char **paths, FILE *err);

#endif
