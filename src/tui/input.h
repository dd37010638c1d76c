/* input.h — what the terminal sends, made safe for libtermkey.
 *
 * libtermkey 0.22 crashes on a CSI sequence with an intermediate byte
 * (ESC [ SP A, ESC [ 1 $ A) and, fed from the terminal directly, stalls on
 * a string it does not know how to end (ESC ] ... BEL) until its 256-byte
 * buffer is full.  The filter sits between read() and termkey_push_bytes():
 * it holds an escape sequence until it is complete, then passes it on
 * unchanged, or drops it when it is one the explorer has no use for or
 * libtermkey cannot parse:
 *   - CSI with an intermediate byte (0x20-0x2f), or longer than
 *     INPUT_SEQ_MAX bytes;
 *   - OSC, DCS, APC, PM and SOS strings, ended by BEL or ST (ESC \), never
 *     buffered, so any length is dropped;
 *   - 8-bit C1 controls other than CSI/SS3/string introducers.
 * Everything else (characters, UTF-8, keys, mouse reports) passes byte for
 * byte.  When input pauses (input_expire, after libtermkey's wait time) a
 * held ESC, ESC [, ESC O or ESC ] is a key (Escape, Alt-[, ...) and goes on;
 * anything longer and unfinished is dropped, so an unterminated sequence
 * never swallows the keys typed after it.
 */
#ifndef INFERTUI_TUI_INPUT_H
#define INFERTUI_TUI_INPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/ui.h"

#define INPUT_SEQ_MAX 64   /* longest CSI or key sequence held */

typedef struct {
	int state;
	unsigned char seq[INPUT_SEQ_MAX];   /* the sequence being held */
	size_t len;
	int need;                /* UTF-8 continuation / X10 mouse bytes to come */
	bool bad;                /* the CSI in progress will be dropped */
	bool str_body;           /* the string in progress has a body */
	unsigned long dropped;   /* sequences dropped so far */
} input_filter;

void input_init(input_filter *f);
/* Filter n bytes; writes at most 2n + INPUT_SEQ_MAX bytes to out (an
 * 8-bit CSI becomes ESC [) and returns how many. */
size_t input_filter_bytes(input_filter *f, const char *in, size_t n, char *out);
/* true while a sequence is held: call input_expire after a pause */
bool input_pending(const input_filter *f);
/* Input paused: what is held is a key (returned in out, at most
 * INPUT_SEQ_MAX bytes) or dropped. */
size_t input_expire(input_filter *f, char *out);

/* The explorer's loop: read what fd has, filter, hand the keys to the app.
 * Returns false on end of input or a read error (errno says which; 0 at
 * end of file). */
bool input_read(tui_app *a, TermKey *tk, input_filter *f, int fd);
/* The pause came (poll timed out while input_pending). */
void input_timeout(tui_app *a, TermKey *tk, input_filter *f);
/* poll timeout in ms: libtermkey's wait time while a sequence is held,
 * else -1 */
int input_wait_ms(const input_filter *f, TermKey *tk);

#endif
