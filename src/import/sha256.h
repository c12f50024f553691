/* SHA-256 (FIPS 180-4) of an imported file, for import_run.checksum. */
#ifndef PT_SHA256_H
#define PT_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t h[8];
	uint64_t len;
	unsigned char buf[64];
	size_t nbuf;
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t n);
/* Lower-case hex digest into hex[65]. */
void sha256_hex(struct sha256 *s, char hex[65]);

#endif
