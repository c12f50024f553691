/* SHA-256 of an imported file, for import_run.checksum (nettle does the hashing). */
#ifndef PT_DIGEST_H
#define PT_DIGEST_H

#include <stddef.h>

#include <nettle/sha2.h>

struct digest {
	struct sha256_ctx sha;
};

void digest_init(struct digest *d);
void digest_update(struct digest *d, const void *data, size_t n);
/* Lower-case hex digest into hex[65]. */
void digest_hex(struct digest *d, char hex[65]);

#endif
