/* suggest.c — "did you mean": edit distance, the nearest of a list of
 * names, and the nearest parameter key. */
#include <string.h>

#include "params.h"

size_t params_edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return (size_t)-1 / 2;
	size_t prev[65], cur[65];
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
			size_t m = sub < del ? sub : del;
			cur[j] = m < ins ? m : ins;
		}
		memcpy(prev, cur, (lb + 1) * sizeof(size_t));
	}
	return prev[lb];
}

static size_t common_prefix(const char *a, const char *b)
{
	size_t n = 0;
	while (a[n] && a[n] == b[n])
		n++;
	return n;
}

/* Nearest candidate within `limit` edits; ties go to the longer common
 * prefix.  A word that begins a candidate (h100 -> h100-sxm) wins first. */
static const char *nearest_within(const char *word, const char *const *cands,
                                  size_t n, size_t limit)
{
	size_t len = strlen(word);
	if (len >= 3)
		for (size_t i = 0; i < n; i++)
			if (cands[i] && strncmp(cands[i], word, len) == 0 && cands[i][len])
				return cands[i];
	const char *best = NULL;
	size_t bestd = (size_t)-1, bestp = 0;
	for (size_t i = 0; i < n; i++) {
		if (!cands[i])
			continue;
		size_t d = params_edit_distance(word, cands[i]);
		size_t cp = common_prefix(word, cands[i]);
		if (d < bestd || (d == bestd && cp > bestp)) {
			bestd = d;
			bestp = cp;
			best = cands[i];
		}
	}
	return (best && bestd > 0 && bestd <= limit) ? best : NULL;
}

const char *params_nearest(const char *word, const char *const *cands, size_t n)
{
	size_t len = strlen(word);
	return nearest_within(word, cands, n, len < 8 ? 2 : len / 4 + 1);
}

const char *params_suggest(const char *key)
{
	if (!key)
		return NULL;
	size_t np = params_count();
	const char *keys[np + 1];
	for (size_t i = 0; i < np; i++)
		keys[i] = params_at(i)->key;
	keys[np] = "fleet.regions";
	const char *dot = strchr(key, '.');
	const char *name = dot ? dot + 1 : key;
	/* the right name in the wrong group: serving.input_tokens */
	for (size_t i = 0; i <= np; i++) {
		const char *kd = strchr(keys[i], '.');
		if (strcmp(kd + 1, name) == 0 && strcmp(keys[i], key) != 0)
			return keys[i];
	}
	/* a typo: judged on the length of the name, not of the whole key */
	size_t nl = strlen(name);
	const char *best = nearest_within(key, keys, np + 1, nl < 8 ? 2 : nl / 4 + 1);
	if (best)
		return best;
	/* a near miss of the name in another group */
	for (size_t i = 0; i <= np; i++) {
		const char *kd = strchr(keys[i], '.');
		if (nl > 4 && params_edit_distance(name, kd + 1) == 1)
			return keys[i];
	}
	return NULL;
}

